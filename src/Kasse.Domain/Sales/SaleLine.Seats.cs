namespace Kasse.Domain.Sales;

public sealed partial class SaleLine
{
    /// <summary>The guest's seat at the table (1 to the sale's covers), for splitting the bill by seat; null: the table's.</summary>
    public int? Seat { get; private set; }

    /// <summary>
    /// For a line that is one of the equal parts of a split bill ("1/3"): its amounts were fixed when it was split (a share of
    /// the whole line, to the øre), so they are not worked out again from price × quantity.
    /// </summary>
    public string? Share { get; private set; }

    public const int MaxShareLength = 8;

    internal void SetSeat(int? seat) => Seat = seat;

    /// <summary>A copy of this line with another id and quantity, in another (or the same) sale: what a move or split puts there.</summary>
    internal SaleLine CopyTo(Guid id, Guid saleId, int position, decimal quantity, Guid? parentLineId)
    {
        var copy = new SaleLine(id, saleId, position, ProductId, Sku, Name, Barcode, Unit, quantity, UnitPrice, VatPercent, VatCode)
        {
            DiscountKind = DiscountKind,
            DiscountValue = DiscountValue,
            DiscountReason = DiscountReason,
            Course = Course,
            Modifiers = Modifiers,
            Note = Note,
            Allergens = Allergens,
            ParentLineId = parentLineId,
            IsVoucher = IsVoucher,
            Seat = Seat,
            Share = Share,
            GrossAmount = GrossAmount,
            LineDiscountAmount = LineDiscountAmount,
        };
        return copy;
    }

    /// <summary>A line discount of a fixed amount goes with the quantity it was given on: this part keeps <paramref name="value"/> of it.</summary>
    internal void KeepDiscountAmount(decimal value) => DiscountValue = value;

    /// <summary>Fixes the line's amounts as one part of an equal split: its share of the gross and of the line discount.</summary>
    internal void MakeShare(string share, decimal gross, decimal lineDiscount)
    {
        Share = share;
        GrossAmount = gross;
        LineDiscountAmount = lineDiscount;
        if (lineDiscount != 0m)
        {
            DiscountKind = DiscountKind.Amount;
            DiscountValue = lineDiscount;
        }
    }
}
