using Kasse.Domain.Catalog;
using Kasse.Domain.Money;
using Kasse.Domain.Sales;

namespace Kasse.Application.Sales;

public sealed record DiscountView(DiscountKind Kind, decimal Value, string? Reason, decimal Amount);

public sealed record SaleLineView(Guid Id, int Position, Guid? ProductId, string? Sku, string Name, string? Barcode, Unit Unit,
    decimal Quantity, decimal UnitPrice, decimal VatPercent, string VatCode, decimal GrossAmount, DiscountView? Discount,
    decimal SaleDiscountAmount, decimal TotalAmount, Guid? OriginalLineId, bool IsVoucher = false,
    decimal PromotionDiscountAmount = 0m, int? Course = null)
{
    /// <summary>The modifiers chosen for a menu item (group, option, price change; a combo's components), in order.</summary>
    public IReadOnlyList<LineModifierView> Modifiers { get; init; } = [];

    /// <summary>The free-text note to the kitchen, if any.</summary>
    public string? Note { get; init; }

    /// <summary>The EU allergens of the product (and a combo's chosen components) when the line was added.</summary>
    public IReadOnlyList<Kasse.Domain.Menu.Allergens> Allergens { get; init; } = [];

    /// <summary>For the part of a combo's set price sold at another VAT rate: the combo's line.</summary>
    public Guid? ParentLineId { get; init; }

    /// <summary>The guest's seat at the table (restaurant), if given.</summary>
    public int? Seat { get; init; }

    /// <summary>For one of the equal parts of a split bill: which ("1/3"); its amounts are fixed.</summary>
    public string? Share { get; init; }
}

/// <param name="Group">The modifier group's name ("Mælk").</param>
/// <param name="Name">The option's name ("Havremælk").</param>
/// <param name="PriceDelta">What the option added to the unit price (negative for less).</param>
/// <param name="ProductId">A combo's component product.</param>
public sealed record LineModifierView(Guid OptionId, string Group, string Name, decimal PriceDelta, Guid? ProductId = null)
{
    public static LineModifierView From(LineModifier m) => new(m.OptionId, m.Group, m.Name, m.PriceDelta, m.ProductId);
}

/// <summary>One promotion or price list applied to the sale (summed over its lines): its own line on the receipt.</summary>
public sealed record SalePromotionView(Kasse.Domain.Promotions.AdjustmentSource Source, Guid SourceId, string Name, decimal Amount,
    IReadOnlyList<Guid> LineIds);

/// <param name="Tip">The tip taken with the payment, on top of <paramref name="Amount"/> (not part of the sale's total).</param>
public sealed record PaymentView(Guid Id, PaymentMethod Method, decimal Amount, decimal? Tendered, decimal Change, decimal Rounding,
    string? Reference, DateTimeOffset At, string? CardScheme = null, string? CardLastFour = null, string? AuthorisationCode = null,
    decimal Tip = 0m);

public sealed record VatLineView(decimal Percent, decimal Gross, decimal Vat, decimal Net)
{
    public static VatLineView From(VatAmount v) => new(v.Percent, v.Gross, v.Vat, v.Net);
}

/// <summary>A sale as a client shows it. Every amount a client puts on screen is here, worked out by the sale itself.</summary>
/// <param name="CashRounding">The øreafrunding settled by the cash payments so far.</param>
/// <param name="AmountDue">The exact amount still due after the payments so far: what a card (or any exact tender) pays now.</param>
/// <param name="CashDue">What a cash payment must settle now: <paramref name="AmountDue"/> rounded by the sale's own cash rounding
/// (<paramref name="CashRoundingIncrement"/>), not the store's current one.</param>
/// <param name="CashDueRounding">What that rounding adds to (or takes from) <paramref name="AmountDue"/> if the rest is paid in cash now.</param>
/// <param name="CashRoundingIncrement">The sale's own cash rounding rule, fixed when it opened (0.50 in Denmark; 0 none).</param>
/// <param name="TenderedAmount">What the customer handed over in all: the amounts paid plus the change given back.</param>
public sealed record SaleView(Guid Id, SaleKind Kind, SaleStatus Status, Guid StoreId, Guid RegisterId, Guid? CashierId, string Currency,
    DateTimeOffset OpenedAt, DateTimeOffset? ClosedAt, DateOnly? BusinessDay, long? ReceiptNumber,
    IReadOnlyList<SaleLineView> Lines, DiscountView? Discount, decimal DiscountTotal, decimal TotalAmount, decimal CashRounding,
    decimal PaidAmount, decimal AmountDue, decimal ChangeGiven, IReadOnlyList<VatLineView> Vat, IReadOnlyList<PaymentView> Payments,
    Guid? OriginalSaleId, bool ReturnedWithoutReceipt, string? ReturnReason, Guid? ApprovedById,
    long? TransactionNumber, string? Signature, string? KeyVersion, bool IsTraining, Guid? CustomerId = null, Guid? CustomerGroupId = null,
    IReadOnlyList<SalePromotionView>? Promotions = null, string? CouponCode = null,
    decimal CashDue = 0m, decimal CashDueRounding = 0m, decimal CashRoundingIncrement = 0m, decimal TenderedAmount = 0m,
    Guid? TableId = null, int? Covers = null, string? TabName = null, decimal TipAmount = 0m, OrderType? OrderType = null, int? OrderNumber = null)
{
    public static SaleView From(Sale s) => new(s.Id, s.Kind, s.Status, s.StoreId, s.RegisterId, s.CashierId, s.Currency,
        s.OpenedAt, s.ClosedAt, s.BusinessDay, s.ReceiptNumber,
        s.Lines.OrderBy(l => l.Position).Select(l => new SaleLineView(l.Id, l.Position, l.ProductId, l.Sku, l.Name, l.Barcode, l.Unit,
            l.Quantity, l.UnitPrice, l.VatPercent, l.VatCode, l.GrossAmount,
            l.LineDiscountAmount == 0m ? null : new DiscountView(l.DiscountKind, l.DiscountValue, l.DiscountReason, l.LineDiscountAmount),
            l.SaleDiscountAmount, l.TotalAmount, l.OriginalLineId, l.IsVoucher, l.PromotionDiscountAmount, l.Course)
        {
            Modifiers = l.Modifiers.Select(LineModifierView.From).ToList(),
            Note = l.Note,
            Allergens = Kasse.Domain.Menu.AllergenNames.Split(l.Allergens),
            ParentLineId = l.ParentLineId,
            Seat = l.Seat,
            Share = l.Share,
        }).ToList(),
        s.DiscountKind == DiscountKind.None ? null : new DiscountView(s.DiscountKind, s.DiscountValue, s.DiscountReason, s.SaleDiscountAmount),
        s.DiscountTotal, s.TotalAmount, s.CashRounding, s.PaidAmount, s.AmountDue, s.Payments.Sum(p => p.Change),
        s.VatBreakdown.Select(VatLineView.From).ToList(),
        s.Payments.OrderBy(p => p.Position).Select(p => new PaymentView(p.Id, p.Method, p.Amount, p.Tendered, p.Change, p.Rounding, p.Reference, p.At,
            p.CardScheme, p.CardLastFour, p.AuthorisationCode, p.Tip)).ToList(),
        s.OriginalSaleId, s.ReturnedWithoutReceipt, s.ReturnReason, s.ApprovedById, s.TransactionNumber, s.Signature, s.KeyVersion, s.IsTraining,
        s.CustomerId, s.CustomerGroupId, PromotionsOf(s), s.CouponCode,
        s.CashDue, s.CashDue - s.AmountDue, s.CashRoundingIncrement, s.PaidAmount + s.Payments.Sum(p => p.Change + p.Tip),
        s.TableId, s.Covers, s.TabName, s.TipAmount, s.OrderType, s.OrderNumber);

    public static IReadOnlyList<SalePromotionView> PromotionsOf(Sale s) =>
        s.Promotions.GroupBy(p => (p.Source, p.SourceId))
            .Select(g => new SalePromotionView(g.Key.Source, g.Key.SourceId, g.First().Name, g.Sum(p => p.Amount),
                g.Select(p => p.LineId).Distinct().ToList()))
            .OrderBy(p => s.Lines.Where(l => p.LineIds.Contains(l.Id)).Select(l => l.Position).DefaultIfEmpty().Min())
            .ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
}
