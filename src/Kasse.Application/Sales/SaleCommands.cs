using Kasse.Application.Staff;
using Kasse.Domain.Sales;

namespace Kasse.Application.Sales;

/// <param name="TableId">The restaurant table the sale is served at (see /api/v1/stores/{storeId}/floor).</param>
/// <param name="Covers">How many guests (covers), for a sale at a table.</param>
/// <param name="TabName">A named tab ("Jensen"), with or without a table.</param>
/// <param name="OrderType">EatIn, Takeaway or Delivery (a restaurant's order); none for a shop's sale.</param>
public sealed record OpenSale(Guid Id, Guid RegisterId, Guid? CashierId = null, Guid? TableId = null, int? Covers = null, string? TabName = null,
    OrderType? OrderType = null);

/// <summary>Sets (or, with null, clears) the order type of an open sale.</summary>
public sealed record SetOrderType(OrderType? OrderType);

/// <summary>
/// A line by barcode (EAN/UPC or a variable-measure label), by product id, or a free-text line with its
/// own price. Quantity defaults to 1; for a weighed product it is the weight in kg.
/// </summary>
/// A unitPrice with a productId overrides the product's price: that needs PriceOverride or a supervisor's approval.
/// <param name="Modifiers">For a menu item (by productId or barcode): the ids of the chosen options of the product's modifier groups
/// (GET /api/v1/stores/{storeId}/menu/products/{productId}); required groups must be answered. Each option's price change is added to the price.</param>
/// <param name="Note">A free-text note to the kitchen (at most 140 characters).</param>
/// <param name="Seat">The guest's seat at the table (1 to the sale's covers), for splitting the bill by seat.</param>
public sealed record AddLine(Guid? LineId = null, string? Barcode = null, Guid? ProductId = null, string? Description = null,
    decimal? UnitPrice = null, decimal? VatPercent = null, decimal? Quantity = null, Approval? Approval = null,
    IReadOnlyList<Guid>? Modifiers = null, string? Note = null, int? Seat = null);

/// <summary>A discount above the owner's limit needs DiscountAboveLimit or a supervisor's <see cref="Approval"/>.</summary>
public sealed record SetDiscount(DiscountKind Kind, decimal Value = 0m, string? Reason = null, Approval? Approval = null);

/// <summary>Taking back a payment already made needs VoidAfterPayment or a supervisor's approval.</summary>
public sealed record VoidPayment(Approval? Approval = null);

/// <param name="Tip">A tip taken with the payment, on top of the sale (not revenue, no VAT; owed to the sale's cashier/waiter).</param>
/// <param name="TipPercent">The tip as a percentage of the sale's total (instead of <paramref name="Tip"/>), rounded to the øre.</param>
/// <param name="KeepChangeAsTip">Cash only: the change is not given back but kept as the tip.</param>
public sealed record AddPayment(Guid Id, PaymentMethod Method, decimal? Amount = null, decimal? Tendered = null, string? Reference = null,
    decimal? Tip = null, decimal? TipPercent = null, bool KeepChangeAsTip = false);

public sealed record ReturnLineRequest(Guid OriginalLineId, decimal Quantity);

public sealed record UnreceiptedReturnLine(Guid? ProductId = null, string? Barcode = null, decimal Quantity = 1m);

/// <summary>
/// A return: with the original receipt (pick its lines) or without one (products, a refund method, and a
/// permission or a supervisor's approval).
/// </summary>
public sealed record CreateReturn(Guid Id, Guid RegisterId, Guid? CashierId = null, Guid? OriginalSaleId = null,
    IReadOnlyList<ReturnLineRequest>? Lines = null, IReadOnlyList<UnreceiptedReturnLine>? Products = null, PaymentMethod? RefundMethod = null,
    string? Reason = null, Approval? Approval = null);

/// <summary>
/// Complete a paid sale. A till asks the customer "kvittering?" and sends <see cref="PrintReceipt"/> false when
/// the answer is no; without a body the receipt is printed.
/// </summary>
public sealed record CompleteSale(bool PrintReceipt = true);

/// <summary>Sell a line's product at another price: needs PriceOverride or a supervisor's <see cref="Approval"/>.</summary>
public sealed record OverridePrice(decimal UnitPrice, Approval? Approval = null);

/// <summary>
/// A whole sale in one request (<c>POST /api/v1/sales</c>): it opens like <see cref="OpenSale"/>, then takes its lines, a
/// customer and coupon, a sale discount, its payments and, with <see cref="Complete"/>, completes, all in one durable
/// transaction through the same commands as the till's. With only an id and a register it just opens the sale, as before.
/// </summary>
/// <param name="Payments">Payments recorded as <see cref="AddPayment"/> does: cash, or a card, MobilePay or gift-card payment
/// already taken elsewhere (its reference); a payment that needs a terminal's answer goes through terminal-payments instead.</param>
/// <param name="TableId">The restaurant table the sale is served at (see /api/v1/stores/{storeId}/floor); Covers: how many guests; TabName: a named tab.</param>
public sealed record PlaceSale(Guid Id, Guid RegisterId, Guid? CashierId = null, IReadOnlyList<PlacedLine>? Lines = null,
    SetDiscount? Discount = null, Guid? CustomerId = null, string? Coupon = null, IReadOnlyList<AddPayment>? Payments = null,
    bool Complete = false, bool PrintReceipt = true, Guid? TableId = null, int? Covers = null, string? TabName = null, OrderType? OrderType = null)
{
    /// <summary>Nothing beyond what opening a sale takes: answered exactly as opening one.</summary>
    public bool OpensOnly => Lines is null && Discount is null && CustomerId is null && Coupon is null && Payments is null && !Complete;

    public OpenSale Opening => new(Id, RegisterId, CashierId, TableId, Covers, TabName, OrderType);
}

/// <summary>A line of a <see cref="PlaceSale"/>: what <see cref="AddLine"/> takes, and the line's own discount.</summary>
public sealed record PlacedLine(Guid? LineId = null, string? Barcode = null, Guid? ProductId = null, string? Description = null,
    decimal? UnitPrice = null, decimal? VatPercent = null, decimal? Quantity = null, Approval? Approval = null, SetDiscount? Discount = null,
    IReadOnlyList<Guid>? Modifiers = null, string? Note = null, int? Seat = null)
{
    public AddLine ToAddLine(Guid lineId) => new(lineId, Barcode, ProductId, Description, UnitPrice, VatPercent, Quantity, Approval, Modifiers, Note, Seat);
}

/// <summary>The sale a <see cref="PlaceSale"/> made, or found made by the same request before (<see cref="Replayed"/>).</summary>
public sealed record PlacedSale(SaleView Sale, bool Replayed);
