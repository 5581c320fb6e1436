using Kasse.Domain.Catalog;
using M = Kasse.Domain.Money.Money;

namespace Kasse.Domain.Sales;

/// <summary>
/// One line of a sale. Amounts include VAT. A menu item's chosen modifiers and the note to the kitchen are kept on the
/// line itself (<see cref="Modifiers"/>, <see cref="Note"/>); the part of a combo's set price sold at another VAT rate is a
/// child line pointing at the combo's line through <see cref="ParentLineId"/>.
/// </summary>
public sealed partial class SaleLine
{
    public const int MaxNameLength = 60;
    public const int MaxReasonLength = 120;
    public const int MaxNoteLength = 140;

    private SaleLine() { Name = ""; }

    internal SaleLine(Guid id, Guid saleId, int position, Guid? productId, string? sku, string name, string? barcode,
        Unit unit, decimal quantity, decimal unitPrice, decimal vatPercent, string vatCode)
    {
        Id = id;
        SaleId = saleId;
        Position = position;
        ProductId = productId;
        Sku = sku;
        Name = name;
        Barcode = barcode;
        Unit = unit;
        Quantity = quantity;
        UnitPrice = unitPrice;
        VatPercent = vatPercent;
        VatCode = vatCode;
    }

    public Guid Id { get; private set; }
    public Guid SaleId { get; private set; }
    public int Position { get; private set; }
    public Guid? ProductId { get; private set; }
    public string? Sku { get; private set; }
    public string Name { get; private set; }
    public string? Barcode { get; private set; }
    public Unit Unit { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal VatPercent { get; private set; }
    public string VatCode { get; private set; } = "";

    /// <summary>Unit price × quantity, rounded to the øre.</summary>
    public decimal GrossAmount { get; private set; }
    public DiscountKind DiscountKind { get; private set; }
    public decimal DiscountValue { get; private set; }
    public string? DiscountReason { get; private set; }
    public decimal LineDiscountAmount { get; private set; }

    /// <summary>What promotions and price lists took off this line (docs/promotions.md); negative on a return line.</summary>
    public decimal PromotionDiscountAmount { get; private set; }

    /// <summary>This line's share of a whole-sale discount, so VAT per rate stays exact.</summary>
    public decimal SaleDiscountAmount { get; private set; }
    public decimal TotalAmount { get; private set; }

    /// <summary>For a return line: the line of the original sale it gives back.</summary>
    public Guid? OriginalLineId { get; private set; }
    public Guid? ParentLineId { get; private set; }

    /// <summary>The course the kitchen makes it in (restaurant); null: its route's course, else 1 (docs/restaurant.md).</summary>
    public int? Course { get; private set; }

    /// <summary>The modifiers chosen for a menu item (size, milk, a combo's components), in the order of the product's groups.</summary>
    public IReadOnlyList<LineModifier> Modifiers { get; private set; } = [];

    /// <summary>A free-text note to the kitchen ("uden is", "allergisk over nødder").</summary>
    public string? Note { get; private set; }

    /// <summary>The product's allergens when the line was added (EU Annex II), for the till, the kitchen and the receipt.</summary>
    public Kasse.Domain.Menu.Allergens Allergens { get; private set; }

    /// <summary>The sale (or top-up) of a gift card, whose code is in <see cref="Barcode"/>: not revenue, no VAT.</summary>
    public bool IsVoucher { get; private set; }

    internal bool IsReturn => OriginalLineId is not null || Quantity < 0m;

    internal static SaleLine ForReturn(Guid id, Guid saleId, int position, SaleLine original, decimal quantity, decimal refund,
        decimal promotionReversed)
    {
        var line = new SaleLine(id, saleId, position, original.ProductId, original.Sku, original.Name, original.Barcode,
            original.Unit, -quantity, original.UnitPrice, original.VatPercent, original.VatCode)
        {
            OriginalLineId = original.Id,
            Modifiers = original.Modifiers,
            Note = original.Note,
            Allergens = original.Allergens,
        };
        line.GrossAmount = -M.RoundToMinor(original.UnitPrice * quantity);
        line.PromotionDiscountAmount = -promotionReversed;
        line.LineDiscountAmount = line.GrossAmount + refund + promotionReversed;
        line.DiscountReason = original.DiscountReason;
        line.TotalAmount = -refund;
        line.IsVoucher = original.IsVoucher;
        return line;
    }

    internal void ChangeQuantity(decimal quantity) => Quantity = quantity;

    internal void SetCourse(int? course) => Course = course;

    internal void Describe(IReadOnlyList<LineModifier> modifiers, string? note, Kasse.Domain.Menu.Allergens allergens, Guid? parentLineId)
    {
        Modifiers = modifiers;
        Note = Text.Optional(note, MaxNoteLength, "line.note", "A note to the kitchen");
        Allergens = allergens;
        ParentLineId = parentLineId;
    }

    /// <summary>Same product, same price, same modifiers and note: a repeated scan of it may raise this line's quantity.</summary>
    public bool SameChoices(IReadOnlyList<LineModifier> modifiers, string? note) =>
        Modifiers.Select(m => m.OptionId).SequenceEqual(modifiers.Select(m => m.OptionId)) && Note == (string.IsNullOrWhiteSpace(note) ? null : note.Trim());

    internal void ChangeUnitPrice(decimal unitPrice) => UnitPrice = unitPrice;

    /// <summary>The order type's VAT rate (e.g. takeaway food at a reduced rate where a country has one).</summary>
    internal void ChangeVat(decimal percent, string code)
    {
        VatPercent = percent;
        VatCode = code;
    }

    internal void MarkAsVoucher(string code)
    {
        IsVoucher = true;
        Barcode = code;
    }

    internal void SetDiscount(DiscountKind kind, decimal value, string? reason)
    {
        DiscountKind = kind;
        DiscountValue = value;
        DiscountReason = reason;
    }

    /// <summary>Gross and line discount; the sale discount share is set by the sale afterwards.</summary>
    internal void RecalculateOwnAmounts()
    {
        if (OriginalLineId is not null || Share is not null)
            return;
        GrossAmount = M.RoundToMinor(UnitPrice * Quantity);
        LineDiscountAmount = DiscountKind switch
        {
            DiscountKind.None => 0m,
            DiscountKind.Percent => M.RoundToMinor(GrossAmount * DiscountValue / 100m),
            DiscountKind.Amount => Math.Min(DiscountValue, GrossAmount),
        };
    }

    internal decimal AmountBeforeSaleDiscount => GrossAmount - LineDiscountAmount - PromotionDiscountAmount;

    internal void SetPromotionDiscount(decimal amount)
    {
        if (OriginalLineId is null)
            PromotionDiscountAmount = amount;
    }

    internal void SetSaleDiscountShare(decimal share)
    {
        if (OriginalLineId is not null)
            return;
        SaleDiscountAmount = share;
        TotalAmount = GrossAmount - LineDiscountAmount - PromotionDiscountAmount - share;
    }
}
