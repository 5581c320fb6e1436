using System.Globalization;
using M = Kasse.Domain.Money.Money;

namespace Kasse.Domain.Sales;

/// <summary>One line's quantity moved from one sale's line to another's (a move, a merge or a split): what the kitchen carries over.</summary>
public sealed record LineMove(Guid FromSaleId, Guid FromLineId, Guid ToSaleId, Guid ToLineId, decimal Quantity);

/// <summary>The restaurant's seats, and moving and splitting lines between open sales (docs/restaurant.md, "Split the bill").</summary>
public sealed partial class Sale
{
    public const int MaxSplitParts = 20;

    /// <summary>The guest's seat a line is for (1 to the sale's covers); null: the table's.</summary>
    public void SetLineSeat(Guid lineId, int? seat)
    {
        EnsureEditable();
        var line = LineOf(lineId);
        EnsureNotAPart(line);
        var most = Covers ?? MaxCovers;
        if (seat is { } s && (s < 1 || s > most))
            throw DomainException.Invalid(LineErrors.Seat, $"A seat is 1 to {most} (the guests at the table); got {s}.");
        line.SetSeat(seat);
        foreach (var part in PartsOf(lineId))
            part.SetSeat(seat);
        Touch();
    }

    /// <summary>
    /// Moves <paramref name="quantity"/> of a line of <paramref name="from"/> (another open sale) into this one as the line
    /// <paramref name="newLineId"/>, with its combo parts, modifiers, note, course, seat and line discount (a discount of a
    /// fixed amount is shared by quantity); the rest stays on <paramref name="from"/>. Whole-sale discounts stay with their sales.
    /// </summary>
    public LineMove TakeLineFrom(Sale from, Guid lineId, decimal quantity, Guid newLineId)
    {
        if (ReferenceEquals(from, this) || from.Id == Id)
            throw DomainException.Invalid(SaleErrors.MoveSame, "The lines are already on this sale; pick another table or sale to move them to.");
        EnsureMovable();
        from.EnsureMovable();
        if (from.StoreId != StoreId)
            throw DomainException.Invalid(SaleErrors.OtherStore, "Lines move only between sales of the same store.");
        if (from.IsTraining != IsTraining)
            throw DomainException.Invalid(SaleErrors.Kind, "Lines don't move between a training sale and a real one.");
        var source = from.LineOf(lineId);
        EnsureNotAPart(source);
        if (quantity <= 0m || quantity > source.Quantity)
            throw DomainException.Invalid(LineErrors.MoveQuantity,
                $"Move more than 0 and at most the line's quantity ({source.Quantity.ToString("0.###", CultureInfo.InvariantCulture)}) of '{source.Name}'.");
        var whole = quantity == source.Quantity;
        if (!whole)
        {
            if (source.Share is not null || source.IsVoucher)
                throw DomainException.Invalid(LineErrors.Shared, $"'{source.Name}' is moved whole or not at all.");
            EnsureValidQuantity(source.Unit, quantity);
            EnsureValidQuantity(source.Unit, source.Quantity - quantity);
        }
        var parts = from.PartsOf(lineId);
        if (_lines.Count + 1 + parts.Count > MaxLines)
            throw DomainException.Conflict(SaleErrors.TooManyLines, $"A sale can have at most {MaxLines} lines; finish this one and start another.");
        if (_lines.Any(l => l.Id == newLineId))
            throw DomainException.Conflict(LineErrors.IdUsed, $"Line id {newLineId} is already used in this sale.");
        var copy = source.CopyTo(newLineId, Id, NextPosition(), quantity, null);
        _lines.Add(copy);
        foreach (var part in parts)
            _lines.Add(part.CopyTo(PartLineId(newLineId, part.VatPercent), Id, NextPosition(), quantity, newLineId));
        if (whole)
        {
            foreach (var part in parts)
                from._lines.Remove(part);
            from._lines.Remove(source);
        }
        else
        {
            if (source.DiscountKind == DiscountKind.Amount)
            {
                var moved = M.RoundToMinor(source.DiscountValue * quantity / source.Quantity);
                copy.KeepDiscountAmount(moved);
                source.KeepDiscountAmount(source.DiscountValue - moved);
            }
            source.ChangeQuantity(source.Quantity - quantity);
            foreach (var part in parts)
                part.ChangeQuantity(source.Quantity);
        }
        from.ClearPromotions();
        from.Recalculate();
        ClearPromotions();
        Recalculate();
        return new LineMove(from.Id, lineId, Id, newLineId, quantity);
    }

    /// <summary>
    /// Splits this sale equally: it keeps the first part and each of <paramref name="others"/> (new, empty open sales) takes
    /// one more. Every line is shared: its quantity in thousandths and its amounts in øre, each over the parts by largest
    /// remainder (the earlier parts take the odd øre), so for every line, and so for the sale, the parts add up exactly to
    /// the whole. A shared line keeps its amounts (it is marked "1/3"); promotions are worked out again on each part. A
    /// discount on the whole sale is shared too: each part carries its share of the amount it came to, so the parts still add up.
    /// </summary>
    public IReadOnlyList<LineMove> ShareEqually(IReadOnlyList<Sale> others, Func<Guid> newLineId)
    {
        var count = others.Count + 1;
        if (count < 2 || count > MaxSplitParts)
            throw DomainException.Invalid(SaleErrors.SplitParts, $"A bill is split in 2 to {MaxSplitParts} parts; got {count}.");
        EnsureMovable();
        if (_lines.Count == 0)
            throw DomainException.Conflict(SaleErrors.SplitNothing, "The sale has no lines to split.");
        foreach (var other in others)
        {
            other.EnsureMovable();
            if (other._lines.Count > 0 || other.StoreId != StoreId)
                throw DomainException.Invalid(SaleErrors.SplitParts, "The parts of a split bill are new, empty sales of the same store.");
        }
        var saleDiscount = M.ToMinorUnits(SaleDiscountAmount);
        var ones = Enumerable.Repeat(1L, count).ToList();
        var moves = new List<LineMove>();
        foreach (var line in _lines.Where(l => l.ParentLineId is null).ToList())
        {
            var quantities = Allocation.Proportionally((long)(line.Quantity * 1000m), ones);
            if (quantities.Any(q => q == 0))
                throw DomainException.Invalid(LineErrors.MoveQuantity,
                    $"'{line.Name}' ({line.Quantity.ToString("0.###", CultureInfo.InvariantCulture)}) is too little to split in {count} parts.");
            var newIds = others.Select(_ => newLineId()).ToList();
            foreach (var member in PartsOf(line.Id).Prepend(line))
            {
                var gross = Allocation.Proportionally(M.ToMinorUnits(member.GrossAmount), ones);
                var discount = Allocation.Proportionally(M.ToMinorUnits(member.LineDiscountAmount), ones);
                for (var k = 1; k < count; k++)
                {
                    var other = others[k - 1];
                    var id = member.ParentLineId is null ? newIds[k - 1] : PartLineId(newIds[k - 1], member.VatPercent);
                    var copy = member.CopyTo(id, other.Id, other.NextPosition(), quantities[k] / 1000m, member.ParentLineId is null ? null : newIds[k - 1]);
                    copy.MakeShare(ShareName(k, count), Minor(gross[k]), Minor(discount[k]));
                    other._lines.Add(copy);
                    if (member.ParentLineId is null)
                        moves.Add(new LineMove(Id, line.Id, other.Id, id, copy.Quantity));
                }
                member.ChangeQuantity(quantities[0] / 1000m);
                member.MakeShare(ShareName(0, count), Minor(gross[0]), Minor(discount[0]));
            }
        }
        foreach (var sale in others.Prepend(this))
            sale.ClearPromotions();
        ShareSaleDiscount(others, Minor(saleDiscount));
        return moves;
    }

    /// <summary>
    /// After this sale's lines went to new parts of its bill (split equally or by seat): the discount on the whole sale, as
    /// the amount it came to before the split, shared over this sale and the parts in proportion to what each comes to
    /// before it (the earlier parts take the odd øre); each carries its share as a discount of that amount, with the same
    /// reason. So the parts' discounts add up to the whole's, and a guest's part is not left without its share.
    /// </summary>
    public void ShareSaleDiscount(IReadOnlyList<Sale> parts, decimal discountBefore)
    {
        var all = parts.Prepend(this).ToList();
        var amount = M.ToMinorUnits(discountBefore);
        var shares = Allocation.Proportionally(amount, all.Select(p => p._lines.Sum(l => M.ToMinorUnits(l.AmountBeforeSaleDiscount))).ToList());
        var reason = DiscountReason;
        for (var k = 0; k < all.Count; k++)
        {
            if (amount != 0)
                all[k].TakeDiscountShare(Minor(shares[k]), reason);
            all[k].Recalculate();
        }
    }

    /// <summary>A part of an equally split bill takes its share of the whole sale's discount, as a fixed amount.</summary>
    private void TakeDiscountShare(decimal amount, string? reason)
    {
        DiscountKind = amount == 0m ? DiscountKind.None : DiscountKind.Amount;
        DiscountValue = amount;
        DiscountReason = amount == 0m ? null : reason;
    }

    private decimal Minor(long amount) => M.FromMinorUnits(amount, Currency).Amount;

    private static string ShareName(int index, int count) => $"{index + 1}/{count}";

    /// <summary>Lines move only between open sales no money has been taken on.</summary>
    private void EnsureMovable()
    {
        if (Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.NotOpen, $"The sale is {Describe(Status)}: lines move only between open sales.");
        if (Kind != SaleKind.Sale)
            throw DomainException.Invalid(SaleErrors.Kind, "A return's lines can't be moved.");
        if (_payments.Count > 0)
            throw DomainException.Conflict(SaleErrors.MovePaid,
                "Payment has started on this sale, so its lines can't be moved, merged or split. Take the payments back first, or pay the rest.");
    }

    private static void EnsureNotShared(SaleLine line)
    {
        if (line.Share is not null)
            throw DomainException.Invalid(LineErrors.Shared, $"'{line.Name}' is a share ({line.Share}) of a split bill: its amount is fixed. Merge the parts back to change it.");
    }
}
