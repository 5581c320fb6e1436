using System.Globalization;
using Kasse.Domain.Catalog;
using Kasse.Domain.Menu;
using Kasse.Domain.Money;
using Kasse.Domain.Payments;
using Kasse.Domain.Promotions;
using Kasse.Domain.Stores;
using M = Kasse.Domain.Money.Money;

namespace Kasse.Domain.Sales;

/// <summary>
/// A sale at a till, from the first scan to the receipt. Completed sales never change; a return is a new
/// sale (<see cref="SaleKind.Return"/>) with negative lines that references the original.
/// </summary>
public sealed partial class Sale
{
    public const int MaxLines = 500;
    public const decimal MaxPieceQuantity = 9_999m;
    public const decimal MaxMeasuredQuantity = 999.999m;
    public const decimal MaxTotal = 10_000_000m;

    private readonly List<SaleLine> _lines = [];
    private readonly List<Payment> _payments = [];
    private readonly List<SalePromotion> _promotions = [];

    private Sale() { Currency = ""; }

    private Sale(Guid id, SaleKind kind, Store store, Guid registerId, Guid? cashierId, DateTimeOffset now)
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid(SaleErrors.Id, "A sale id must not be empty.");
        Id = id;
        Kind = kind;
        StoreId = store.Id;
        RegisterId = registerId;
        CashierId = cashierId;
        Currency = store.Currency;
        Status = SaleStatus.Open;
        OpenedAt = now;
        CashRoundingIncrement = store.CashRoundingIncrement;
    }

    /// <summary>Rung up in training mode: a receipt marked as training, outside every total (SAF-T trainingID).</summary>
    public bool IsTraining { get; private set; }

    public Guid Id { get; private set; }
    public SaleKind Kind { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid RegisterId { get; private set; }
    public Guid? CashierId { get; private set; }
    public string Currency { get; private set; }
    public SaleStatus Status { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateOnly? BusinessDay { get; private set; }

    /// <summary>Given when the sale completes: the next gapless number of its register.</summary>
    public long? ReceiptNumber { get; private set; }

    /// <summary>The store's rounding when the sale opened, so a later settings change can't alter it.</summary>
    public decimal CashRoundingIncrement { get; private set; }

    public DiscountKind DiscountKind { get; private set; }
    public decimal DiscountValue { get; private set; }
    public string? DiscountReason { get; private set; }
    public decimal SaleDiscountAmount { get; private set; }
    public decimal TotalAmount { get; private set; }

    public Guid? OriginalSaleId { get; private set; }

    /// <summary>The customer the sale is for (loyalty, history); a return inherits the original's.</summary>
    public Guid? CustomerId { get; private set; }

    /// <summary>The customer's group when attached: the hook for group prices in promotions.</summary>
    public Guid? CustomerGroupId { get; private set; }
    public bool ReturnedWithoutReceipt { get; private set; }
    public string? ReturnReason { get; private set; }
    public Guid? ApprovedById { get; private set; }

    /// <summary>The company-wide transaction number (SAF-T <c>nr</c>), given with the signature.</summary>
    public long? TransactionNumber { get; private set; }

    /// <summary>The Danish per-transaction signature (base64), chained per register.</summary>
    public string? Signature { get; private set; }

    /// <summary>Which signing key made <see cref="Signature"/> (SAF-T <c>keyVersion</c>).</summary>
    public string? KeyVersion { get; private set; }

    /// <summary>
    /// The Norwegian signature (RSA-SHA1 over <c>prevSignature;transDate;transTime;nr;transAmntIn;transAmntEx</c>),
    /// made with the same key for a store in Norway; null elsewhere.
    /// </summary>
    public string? NorwegianSignature { get; private set; }

    /// <summary>Bumped by every change; the row is locked with it so concurrent commands serialise.</summary>
    public long Version { get; private set; }

    public IReadOnlyList<SaleLine> Lines => _lines;
    public IReadOnlyList<Payment> Payments => _payments;

    /// <summary>What promotions and price lists took off each line (or gave back, on a return); see docs/promotions.md.</summary>
    public IReadOnlyList<SalePromotion> Promotions => _promotions;

    /// <summary>The coupon code the customer handed over, upper-case; it unlocks the promotion it belongs to.</summary>
    public string? CouponCode { get; private set; }

    public decimal CashRounding => _payments.Sum(p => p.Rounding);
    public decimal PaidAmount => _payments.Sum(p => p.Amount);

    /// <summary>The tips taken with the payments: not part of <see cref="TotalAmount"/>, no VAT, owed to the staff.</summary>
    public decimal TipAmount => _payments.Sum(p => p.Tip);
    /// <summary>The exact amount still due after the payments so far (what a card pays); the øreafrunding settled so far counts.</summary>
    public decimal AmountDue => TotalAmount + CashRounding - PaidAmount;

    /// <summary>
    /// What a cash payment must settle now: <see cref="AmountDue"/> rounded by the sale's own rule
    /// (<see cref="CashRoundingIncrement"/>, the store's when the sale opened), so a later change of the store's setting
    /// never changes what this sale takes in cash.
    /// </summary>
    public decimal CashDue => new CashRounding(CashRoundingIncrement).Round(AmountDue);
    public decimal DiscountTotal => _lines.Sum(l => l.LineDiscountAmount + l.PromotionDiscountAmount + l.SaleDiscountAmount);
    public decimal PromotionTotal => _lines.Sum(l => l.PromotionDiscountAmount);
    public bool IsFullyPaid => _lines.Count > 0 && AmountDue == 0m;

    public IReadOnlyList<VatAmount> VatBreakdown =>
        Money.VatBreakdown.Of(_lines.Select(l => (l.TotalAmount, l.VatPercent)));

    public static Sale Open(Guid id, Store store, Register register, Guid? cashierId, DateTimeOffset now)
    {
        EnsureSameStore(store, register);
        return new Sale(id, SaleKind.Sale, store, register.Id, cashierId, now) { IsTraining = register.TrainingMode };
    }

    public static Sale OpenReturn(Guid id, Store store, Register register, Guid? cashierId, DateTimeOffset now,
        Sale? original, string? reason, Guid? approvedById)
    {
        EnsureSameStore(store, register);
        if (original is not null && (original.Kind != SaleKind.Sale || original.Status != SaleStatus.Completed))
            throw DomainException.Conflict(ReturnErrors.OriginalNotCompleted, "Only a completed sale can be returned.");
        if (original is not null && original.IsTraining != register.TrainingMode)
            throw DomainException.Conflict(ReturnErrors.Training, original.IsTraining
                ? "A training receipt can only be returned in training mode."
                : "A real receipt can't be returned in training mode; switch training off first.");
        if (original is not null && original.StoreId != store.Id)
            throw DomainException.Invalid(ReturnErrors.OtherStore, "The original sale was made in another store.");
        return new Sale(id, SaleKind.Return, store, register.Id, cashierId, now)
        {
            OriginalSaleId = original?.Id,
            CustomerId = original?.CustomerId,
            CustomerGroupId = original?.CustomerGroupId,
            IsTraining = register.TrainingMode,
            ReturnedWithoutReceipt = original is null,
            ReturnReason = Text.Optional(reason, SaleLine.MaxReasonLength, "return.reason", "The return reason"),
            ApprovedById = approvedById,
        };
    }

    /// <param name="unitPrice">A price read from a price-embedded label; otherwise the product's price.</param>
    /// <param name="soldAs">How the line is counted when it differs from the product (a labelled pack of a kg item is one piece).</param>
    /// <param name="choice">A menu item's modifiers, note and allergens: the price is the product's (or <paramref name="unitPrice"/>)
    /// plus the modifiers' price changes, at the product's VAT; a combo whose components carry other rates is split
    /// (<see cref="ComboVat"/>) into its own line and a child line per other rate.</param>
    public SaleLine AddProductLine(Guid lineId, Product product, StoreVatRate vatRate, decimal quantity, string? barcode,
        decimal? unitPrice = null, Unit? soldAs = null, MenuChoice? choice = null)
    {
        if (!product.IsActive)
            throw DomainException.Conflict(ProductErrors.Inactive, $"'{product.Name}' is no longer sold.");
        choice ??= MenuChoice.None with { Allergens = product.Allergens };
        var price = (unitPrice ?? product.Price) + choice.PriceDelta;
        if (price < 0m)
            throw DomainException.Invalid(LineErrors.Price, $"The modifiers take '{product.Name}' below zero ({Format(price)}); check the options' price changes.");
        var split = choice.ComboParts is { Count: > 0 } parts ? ComboVat.Split(price, parts) : [(vatRate, price)];
        if (split.Count > 1 && (soldAs ?? product.Unit) != Unit.Piece)
            throw DomainException.Invalid(LineErrors.Price, "A combo is sold by the piece.");
        if (_lines.Count + split.Count > MaxLines)
            throw DomainException.Conflict(SaleErrors.TooManyLines, $"A sale can have at most {MaxLines} lines; finish this one and start another.");
        var line = AddLine(lineId, product.Id, product.Sku, product.Name, barcode, soldAs ?? product.Unit, quantity, split[0].Amount, split[0].Rate);
        line.Describe(choice.Modifiers, choice.Note, choice.Allergens, null);
        foreach (var (rate, amount) in split.Skip(1))
        {
            var partName = $"{product.Name} ({rate.Percent.ToString("0.##", CultureInfo.InvariantCulture)} %)";
            var part = AddLine(PartLineId(lineId, rate.Percent), null, null, partName.Length > SaleLine.MaxNameLength ? partName[..SaleLine.MaxNameLength] : partName,
                null, Unit.Piece, quantity, amount, rate);
            part.Describe([], null, Allergens.None, lineId);
        }
        return line;
    }

    /// <summary>A combo's part at another VAT rate gets an id made from its combo line's, so a retried add makes the same lines.</summary>
    private static Guid PartLineId(Guid lineId, decimal percent)
    {
        var bytes = lineId.ToByteArray();
        var rate = BitConverter.GetBytes(decimal.ToInt32(percent * 100m) + 1);
        for (var i = 0; i < rate.Length; i++)
            bytes[12 + i] ^= rate[i];
        return new Guid(bytes);
    }

    private List<SaleLine> PartsOf(Guid lineId) => _lines.Where(l => l.ParentLineId == lineId).ToList();

    private static void EnsureNotAPart(SaleLine line)
    {
        if (line.ParentLineId is not null)
            throw DomainException.Invalid(LineErrors.ComboPart, $"'{line.Name}' is part of a combo's price; change or remove the combo's line instead.");
    }

    public SaleLine AddCustomLine(Guid lineId, string name, decimal unitPrice, decimal quantity, StoreVatRate vatRate)
    {
        var validName = Text.Required(name, SaleLine.MaxNameLength, "line.name", "A line description");
        if (unitPrice < 0m || unitPrice > Product.MaxPrice || M.RoundToMinor(unitPrice) != unitPrice)
            throw DomainException.Invalid(LineErrors.Price, $"A price must be between 0 and {Product.MaxPrice.ToString("N0", CultureInfo.InvariantCulture)} in whole øre.");
        return AddLine(lineId, null, null, validName, null, Unit.Piece, quantity, unitPrice, vatRate);
    }

    private SaleLine AddLine(Guid lineId, Guid? productId, string? sku, string name, string? barcode, Unit unit, decimal quantity,
        decimal unitPrice, StoreVatRate vatRate)
    {
        EnsureEditable();
        EnsureKind(SaleKind.Sale, "Lines are added to a return from the original receipt.");
        if (_lines.Count >= MaxLines)
            throw DomainException.Conflict(SaleErrors.TooManyLines, $"A sale can have at most {MaxLines} lines; finish this one and start another.");
        if (_lines.Any(l => l.Id == lineId))
            throw DomainException.Conflict(LineErrors.IdUsed, $"Line id {lineId} is already used in this sale.");
        EnsureValidQuantity(unit, quantity);
        var line = new SaleLine(lineId, Id, NextPosition(), productId, sku, name, barcode, unit, quantity, unitPrice, vatRate.Percent, vatRate.Code);
        _lines.Add(line);
        ClearPromotions();
        Recalculate();
        return line;
    }

    /// <summary>Attaches a customer (or, with null, takes them off) while the basket can still change.</summary>
    public void AttachCustomer(Guid? customerId, Guid? customerGroupId)
    {
        EnsureEditable();
        CustomerId = customerId;
        CustomerGroupId = customerId is null ? null : customerGroupId;
        Touch();
    }

    /// <summary>
    /// Sells a multi-purpose voucher (gift card or its top-up): a line at 0 % VAT because the sale of such a voucher is not a
    /// supply of goods (momsloven § 27 a, Directive 2016/1065); VAT is charged on the goods it later pays for.
    /// </summary>
    public SaleLine AddVoucherLine(Guid lineId, string name, decimal amount, StoreVatRate zeroRate, string code)
    {
        if (zeroRate.Percent != 0m)
            throw DomainException.Invalid(VoucherErrors.Vat, "A voucher line is sold without VAT.");
        var line = AddCustomLine(lineId, name, amount, 1m, zeroRate);
        line.MarkAsVoucher(code);
        return line;
    }

    public void ChangeQuantity(Guid lineId, decimal quantity)
    {
        EnsureEditable();
        var line = LineOf(lineId);
        if (line.IsVoucher && quantity != 1m)
            throw DomainException.Invalid(VoucherErrors.Quantity, "A gift card line is one card; add another line for another card.");
        EnsureValidQuantity(line.Unit, quantity);
        EnsureNotAPart(line);
        EnsureNotShared(line);
        line.ChangeQuantity(quantity);
        foreach (var part in PartsOf(lineId))
            part.ChangeQuantity(quantity);
        ClearPromotions();
        Recalculate();
    }

    /// <summary>The course the line comes in (restaurant): 1 starters, 2 mains, 3 dessert; null, its category's course or 1.</summary>
    public void SetLineCourse(Guid lineId, int? course)
    {
        EnsureEditable();
        LineOf(lineId).SetCourse(course is { } c ? Restaurant.Courses.Check(c) : null);
    }

    /// <summary>
    /// A price override: the product line keeps its place, quantity and discount and is sold at <paramref name="unitPrice"/>
    /// from now on (one change, so the basket is never without the line or with it twice).
    /// </summary>
    public void OverrideLinePrice(Guid lineId, decimal unitPrice)
    {
        EnsureEditable();
        EnsureKind(SaleKind.Sale, "A return refunds what the original receipt says.");
        var line = LineOf(lineId);
        if (line.ProductId is null || line.IsVoucher)
            throw DomainException.Invalid(LineErrors.NotAProduct, "Only a product's line has a price to override; remove a free-text line and type it again.");
        EnsureNotShared(line);
        if (unitPrice < 0m || unitPrice > Product.MaxPrice || M.RoundToMinor(unitPrice) != unitPrice)
            throw DomainException.Invalid(LineErrors.Price, $"A price must be between 0 and {Product.MaxPrice.ToString("N0", CultureInfo.InvariantCulture)} in whole øre.");
        line.ChangeUnitPrice(unitPrice);
        ClearPromotions();
        Recalculate();
    }

    public void RemoveLine(Guid lineId)
    {
        EnsureEditable();
        var line = LineOf(lineId);
        EnsureNotAPart(line);
        foreach (var part in PartsOf(lineId))
            _lines.Remove(part);
        _lines.Remove(line);
        ClearPromotions();
        Recalculate();
    }

    public void SetLineDiscount(Guid lineId, DiscountKind kind, decimal value, string? reason)
    {
        EnsureEditable();
        EnsureKind(SaleKind.Sale, "A return refunds what the original receipt says.");
        var line = LineOf(lineId);
        if (line.IsVoucher && kind != DiscountKind.None)
            throw DomainException.Invalid(VoucherErrors.Discount, "A gift card is sold at its face value; it can't be discounted.");
        EnsureNotShared(line);
        ValidateDiscount(kind, value, reason);
        if (kind == DiscountKind.Amount && value > line.GrossAmount)
            throw DomainException.Invalid(DiscountErrors.TooLarge, $"The discount ({Format(value)}) is more than the line ({Format(line.GrossAmount)}).");
        line.SetDiscount(kind, kind == DiscountKind.None ? 0m : value, kind == DiscountKind.None ? null : reason!.Trim());
        ClearPromotions();
        Recalculate();
    }

    public void SetSaleDiscount(DiscountKind kind, decimal value, string? reason)
    {
        EnsureEditable();
        EnsureKind(SaleKind.Sale, "A return refunds what the original receipt says.");
        ValidateDiscount(kind, value, reason);
        var discountable = _lines.Sum(l => l.AmountBeforeSaleDiscount);
        if (kind == DiscountKind.Amount && value > discountable)
            throw DomainException.Invalid(DiscountErrors.TooLarge, $"The discount ({Format(value)}) is more than the sale ({Format(discountable)}).");
        DiscountKind = kind;
        DiscountValue = kind == DiscountKind.None ? 0m : value;
        DiscountReason = kind == DiscountKind.None ? null : reason!.Trim();
        Recalculate();
    }

    /// <summary>Adds a line to a return: what the customer brings back from the original receipt.</summary>
    /// <param name="originalPromotions">The original sale's promotions: this line's are given back in proportion to the quantity.</param>
    public SaleLine AddReturnLine(Guid lineId, SaleLine originalLine, decimal quantity, decimal refund,
        IReadOnlyList<SalePromotion>? originalPromotions = null)
    {
        EnsureEditable();
        EnsureKind(SaleKind.Return, "Only a return has return lines.");
        if (originalLine.SaleId != OriginalSaleId)
            throw DomainException.Invalid(ReturnErrors.LineNotOnReceipt, $"'{originalLine.Name}' is not on the receipt being returned.");
        if (_lines.Any(l => l.Id == lineId))
            throw DomainException.Conflict(LineErrors.IdUsed, $"Line id {lineId} is already used in this return.");
        EnsureValidQuantity(originalLine.Unit, quantity);
        var onLine = (originalPromotions ?? []).Where(p => p.LineId == originalLine.Id).OrderBy(p => p.Source).ThenBy(p => p.SourceId).ToList();
        var reversed = Math.Min(refund, M.RoundToMinor(originalLine.PromotionDiscountAmount * quantity / originalLine.Quantity));
        var line = SaleLine.ForReturn(lineId, Id, NextPosition(), originalLine, quantity, refund, reversed);
        _lines.Add(line);
        var parts = Allocation.Proportionally(M.ToMinorUnits(reversed), onLine.Select(p => M.ToMinorUnits(p.Amount)).ToList());
        for (var i = 0; i < onLine.Count; i++)
            if (parts[i] != 0)
                _promotions.Add(new SalePromotion(Guid.CreateVersion7(), Id, lineId, onLine[i].Source, onLine[i].SourceId, onLine[i].Name,
                    -M.FromMinorUnits(parts[i], Currency).Amount));
        Recalculate();
        return line;
    }

    /// <summary>Adds a product to a return without a receipt, at today's price.</summary>
    public SaleLine AddUnreceiptedReturnLine(Guid lineId, Product product, StoreVatRate vatRate, decimal quantity)
    {
        EnsureEditable();
        EnsureKind(SaleKind.Return, "Only a return has return lines.");
        if (OriginalSaleId is not null)
            throw DomainException.Invalid(ReturnErrors.HasReceipt, "This return has a receipt; pick lines from it.");
        EnsureValidQuantity(product.Unit, quantity);
        var line = new SaleLine(lineId, Id, NextPosition(), product.Id, product.Sku, product.Name, null, product.Unit, -quantity,
            product.Price, vatRate.Percent, vatRate.Code);
        _lines.Add(line);
        Recalculate();
        return line;
    }

    /// <summary>
    /// Replaces the promotions on the sale with what the pricer found. Changes nothing once payment has started, so the
    /// amount a customer is asked for can't move under a card terminal; a line with a manual discount takes none.
    /// </summary>
    public bool ApplyPromotions(IReadOnlyList<PriceAdjustment> adjustments)
    {
        if (Status != SaleStatus.Open || Kind != SaleKind.Sale || _payments.Count > 0)
            return false;
        var wanted = adjustments.Where(a => a.Amount != 0m).ToList();
        foreach (var adjustment in wanted)
        {
            var line = LineOf(adjustment.LineId);
            if (line.DiscountKind != DiscountKind.None || adjustment.Amount < 0m)
                throw DomainException.Invalid(PromotionErrors.Line, $"'{line.Name}' can't take promotion '{adjustment.Name}'.");
        }
        if (SamePromotions(wanted))
            return false;
        _promotions.Clear();
        _promotions.AddRange(wanted.Select(a => new SalePromotion(Guid.CreateVersion7(), Id, a.LineId, a.Source, a.SourceId,
            a.Name.Length > SalePromotion.MaxNameLength ? a.Name[..SalePromotion.MaxNameLength] : a.Name, a.Amount)));
        foreach (var line in _lines)
        {
            var amount = wanted.Where(a => a.LineId == line.Id).Sum(a => a.Amount);
            line.RecalculateOwnAmounts();
            if (amount > line.GrossAmount)
                throw DomainException.Invalid(PromotionErrors.TooLarge, $"Promotions can't take '{line.Name}' below zero.");
            line.SetPromotionDiscount(amount);
        }
        Recalculate();
        return true;
    }

    /// <summary>Records the coupon the customer handed over (or none); the promotions are then worked out again.</summary>
    public void SetCoupon(string? normalisedCode)
    {
        EnsureEditable();
        EnsureKind(SaleKind.Sale, "A return refunds what the original receipt says.");
        if (CouponCode == normalisedCode)
            return;
        CouponCode = normalisedCode;
        ClearPromotions();
        Recalculate();
    }

    private bool SamePromotions(List<PriceAdjustment> wanted) =>
        wanted.Count == _promotions.Count
        && wanted.OrderBy(a => a.LineId).ThenBy(a => a.Source).ThenBy(a => a.SourceId)
            .Zip(_promotions.OrderBy(p => p.LineId).ThenBy(p => p.Source).ThenBy(p => p.SourceId))
            .All(pair => pair.First.LineId == pair.Second.LineId && pair.First.Source == pair.Second.Source
                && pair.First.SourceId == pair.Second.SourceId && pair.First.Amount == pair.Second.Amount);

    /// <summary>Promotions depend on the whole basket, so any change to it sets them aside until they are worked out again.</summary>
    private void ClearPromotions()
    {
        if (Kind != SaleKind.Sale)
            return;
        _promotions.Clear();
        foreach (var line in _lines)
            line.SetPromotionDiscount(0m);
    }

    public const int MaxCovers = 999;
    public const int MaxTabNameLength = 40;

    /// <summary>The restaurant table the sale is served at (<see cref="Kasse.Domain.Restaurant.DiningTable"/>), if any.</summary>
    public Guid? TableId { get; private set; }

    /// <summary>How many guests the sale is for (covers), when served at a table.</summary>
    public int? Covers { get; private set; }

    /// <summary>A tab's name (a guest at the bar, "Jensen"), when the sale is kept as a named tab.</summary>
    public string? TabName { get; private set; }

    public const int MaxOrderNumber = 999;

    /// <summary>A self-service order's number (1–999, per store per day), called out at the pickup counter; null for other sales.</summary>
    public int? OrderNumber { get; private set; }

    public void NumberOrder(int number)
    {
        if (Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.NotOpen, $"Only an open sale gets an order number; this one is {Describe(Status)}.");
        if (number is < 1 or > MaxOrderNumber)
            throw DomainException.Invalid(SaleErrors.OrderNumber, $"An order number is 1 to {MaxOrderNumber}; got {number}.");
        OrderNumber = number;
        Touch();
    }

    /// <summary>Puts the open sale on a table and/or under a tab name, with its covers; a move to another table is the same.</summary>
    public void SeatAt(Guid? tableId, int? covers, string? tabName)
    {
        if (Status is not (SaleStatus.Open or SaleStatus.Parked))
            throw DomainException.Conflict(SaleErrors.NotOpen, $"Only an open sale can be put on a table; this one is {Describe(Status)}.");
        if (covers is not null and (< 1 or > MaxCovers))
            throw DomainException.Invalid(SaleErrors.Covers, $"Covers (guests) are 1 to {MaxCovers}; got {covers}.");
        TableId = tableId;
        Covers = covers;
        TabName = Text.Optional(tabName, MaxTabNameLength, "sale.tab-name", "A tab's name");
        Touch();
    }

    /// <summary>Another waiter takes over the open sale (hands a table over): the sale's cashier becomes them.</summary>
    public void HandTo(Guid employeeId)
    {
        if (Status is not (SaleStatus.Open or SaleStatus.Parked))
            throw DomainException.Conflict(SaleErrors.NotOpen, $"Only an open sale can be handed over; this one is {Describe(Status)}.");
        CashierId = employeeId;
        Touch();
    }

    public void Park()
    {
        if (Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.NotOpen, $"Only an open sale can be parked; this one is {Describe(Status)}.");
        if (_lines.Count == 0)
            throw DomainException.Conflict(SaleErrors.Empty, "An empty sale has nothing to park.");
        if (_payments.Count > 0)
            throw DomainException.Conflict(SaleErrors.HasPayments, "A sale with payments can't be parked; finish or remove the payments first.");
        Status = SaleStatus.Parked;
        Touch();
    }

    public void Resume(Register register)
    {
        if (Status != SaleStatus.Parked)
            throw DomainException.Conflict(SaleErrors.NotParked, $"Only a parked sale can be resumed; this one is {Describe(Status)}.");
        if (register.StoreId != StoreId)
            throw DomainException.Invalid(SaleErrors.OtherStore, "A parked sale can only be resumed in its own store.");
        RegisterId = register.Id;
        Status = SaleStatus.Open;
        Touch();
    }

    public void Void(DateTimeOffset now)
    {
        if (Status is not (SaleStatus.Open or SaleStatus.Parked))
            throw DomainException.Conflict(SaleErrors.NotOpen, $"Only an open or parked sale can be voided; this one is {Describe(Status)}.");
        if (_payments.Count > 0)
            throw DomainException.Conflict(SaleErrors.HasPayments, "This sale has payments. Remove (refund) them before voiding it.");
        Status = SaleStatus.Voided;
        ClosedAt = now;
        Touch();
    }

    /// <summary>
    /// Records a payment. Cash settles the remaining amount rounded to the store's coin (Denmark 0.50) and
    /// gives change; other methods are exact and can't exceed what is due. A <paramref name="tip"/> is taken on top
    /// (cash: out of what was tendered; <paramref name="keepChangeAsTip"/> keeps all the change as the tip).
    /// </summary>
    public Payment AddPayment(Guid paymentId, PaymentMethod method, decimal? amount, decimal? tendered, string? reference, DateTimeOffset now,
        decimal tip = 0m, bool keepChangeAsTip = false)
    {
        if (Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.NotOpen, $"Payments can only be taken on an open sale; this one is {Describe(Status)}.");
        EnsureKind(SaleKind.Sale, "A return pays back through its refund.");
        if (_lines.Count == 0)
            throw DomainException.Conflict(SaleErrors.Empty, "Add something to the sale before taking payment.");
        if (_payments.Any(p => p.Id == paymentId))
            throw DomainException.Conflict(PaymentErrors.IdUsed, $"Payment id {paymentId} is already used in this sale.");
        // What is still due counts the øreafrunding already settled, so a sale rounded down takes no more money.
        var remaining = AmountDue;
        if (remaining <= 0m)
            throw DomainException.Conflict(SaleErrors.Paid, "The sale is already paid in full; complete it.");
        var validReference = Text.Optional(reference, Payment.MaxReferenceLength, "payment.reference", "The payment reference");
        Tips.EnsureValid(tip);
        if (keepChangeAsTip && (method != PaymentMethod.Cash || tip != 0m))
            throw DomainException.Invalid(TipErrors.KeepChange, "Only cash keeps its change as a tip, and then the tip is the change: give no tip amount with it.");

        Payment payment;
        if (method == PaymentMethod.Cash)
        {
            var settles = CashDue;
            var given = tendered ?? amount ?? settles + tip;
            EnsureMoney(given, "payment.tendered", "The amount tendered", allowZero: settles == 0m);
            var forSale = given - tip;
            if (tip > 0m && forSale <= 0m)
                throw DomainException.Invalid(TipErrors.MoreThanTendered, $"The tip ({Format(tip)}) takes all of the {Format(given)} tendered; nothing would pay the sale.");
            if (forSale >= remaining && forSale < settles)
                throw DomainException.Invalid(PaymentErrors.CashRounding,
                    $"In cash the sale settles as {Format(settles)} (rounded to {Format(CashRoundingIncrement)}); take at least that, or less than {Format(remaining)} as part payment.");
            if (keepChangeAsTip)
            {
                if (given < settles)
                    throw DomainException.Invalid(TipErrors.NoChange, $"{Format(given)} doesn't settle the {Format(settles)} due, so there is no change to keep as a tip.");
                tip = given - settles;
            }
            payment = forSale >= settles
                ? new Payment(paymentId, Id, _payments.Count + 1, method, settles, given, given - settles - tip, settles - remaining, null, now, tip)
                : new Payment(paymentId, Id, _payments.Count + 1, method, forSale, given, 0m, 0m, null, now, tip);
        }
        else
        {
            if (tendered is not null)
                throw DomainException.Invalid(PaymentErrors.TenderedNotCash, "Only cash has an amount tendered; give the amount instead.");
            var charged = amount ?? remaining;
            EnsureMoney(charged, "payment.amount", "The amount", allowZero: false);
            if (charged > remaining)
                throw DomainException.Invalid(PaymentErrors.TooMuch, $"{method} can't pay more than is due ({Format(remaining)}); only cash gives change.");
            if (tip > 0m && method is not (PaymentMethod.Card or PaymentMethod.MobilePay))
                throw DomainException.Invalid(TipErrors.Method, $"A tip is taken in cash, by card or by MobilePay, not with {method}.");
            payment = new Payment(paymentId, Id, _payments.Count + 1, method, charged, null, 0m, 0m, validReference, now, tip);
        }
        _payments.Add(payment);
        Touch();
        return payment;
    }

    /// <summary>Records what a card terminal or MobilePay approved, with the card facts a merchant may keep.</summary>
    public Payment AddDevicePayment(Guid paymentId, PaymentMethod method, decimal amount, string? reference, CardDetails card, DateTimeOffset now,
        decimal tip = 0m)
    {
        var payment = AddPayment(paymentId, method, amount, null, reference, now, tip);
        payment.Attach(card);
        return payment;
    }

    /// <summary>Adds a refund (negative) payment to a return, as worked out by <see cref="RefundAllocation"/>.</summary>
    public Payment AddRefund(Guid paymentId, RefundPart part, DateTimeOffset now)
    {
        if (Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.NotOpen, "Refunds can only be added to an open return.");
        EnsureKind(SaleKind.Return, "Only a return pays money back.");
        if (_payments.Any(p => p.Id == paymentId))
            throw DomainException.Conflict(PaymentErrors.IdUsed, $"Payment id {paymentId} is already used in this return.");
        var payment = new Payment(paymentId, Id, _payments.Count + 1, part.Method, -part.Amount, null, 0m, -part.Rounding, part.Reference, now);
        _payments.Add(payment);
        Touch();
        return payment;
    }

    public void RemovePayment(Guid paymentId)
    {
        if (Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.NotOpen, $"Payments can only be removed from an open sale; this one is {Describe(Status)}.");
        var payment = _payments.FirstOrDefault(p => p.Id == paymentId)
            ?? throw DomainException.NotFound(PaymentErrors.NotFound, $"This sale has no payment {paymentId}.");
        _payments.Remove(payment);
        Touch();
    }

    public void Complete(long receiptNumber, DateTimeOffset now, DateOnly businessDay)
    {
        if (Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.NotOpen, $"Only an open sale can be completed; this one is {Describe(Status)}.");
        if (_lines.Count == 0)
            throw DomainException.Conflict(SaleErrors.Empty, "An empty sale can't be completed.");
        if (AmountDue != 0m)
            throw AmountDue > 0m
                    ? DomainException.Conflict(SaleErrors.NotPaid, $"{Format(AmountDue)} is still due: take another payment for it, then complete the sale.")
                    : DomainException.Conflict(SaleErrors.NotPaid, $"The payments exceed the total by {Format(-AmountDue)}.");
        ReceiptNumber = receiptNumber;
        ClosedAt = now;
        BusinessDay = businessDay;
        Status = SaleStatus.Completed;
        Touch();
    }

    /// <summary>Seals a completed sale with its fiscal signature; a signature is given once.</summary>
    public void Sign(long transactionNumber, string signature, string keyVersion)
    {
        if (Status != SaleStatus.Completed)
            throw DomainException.Conflict(SaleErrors.NotCompleted, "Only a completed sale is signed.");
        if (Signature is not null)
            throw DomainException.Conflict(SaleErrors.Signed, "This sale is already signed.");
        TransactionNumber = transactionNumber;
        Signature = signature;
        KeyVersion = keyVersion;
    }

    /// <summary>Adds the Norwegian signature to a sale already signed (its <c>nr</c> is part of the message).</summary>
    public void SignNorwegian(string signature)
    {
        if (Signature is null)
            throw DomainException.Conflict(SaleErrors.NotSigned, "A sale gets its Norwegian signature after its transaction number and signature.");
        if (NorwegianSignature is not null)
            throw DomainException.Conflict(SaleErrors.Signed, "This sale already has its Norwegian signature.");
        NorwegianSignature = signature;
    }

    private void Recalculate()
    {
        foreach (var line in _lines)
            line.RecalculateOwnAmounts();
        // In the order the lines were rung up, whatever order they were loaded in: an odd øre of the sale discount lands on
        // the same line at the till, after a reload and on a restarted server.
        var lines = _lines.OrderBy(l => l.Position).ThenBy(l => l.Id).ToList();
        var bases = lines.Select(l => M.ToMinorUnits(l.AmountBeforeSaleDiscount)).ToList();
        var discountable = bases.Sum();
        var discount = DiscountKind switch
        {
            DiscountKind.None => 0L,
            DiscountKind.Percent => M.ToMinorUnits(M.RoundToMinor(M.FromMinorUnits(discountable, Currency).Amount * DiscountValue / 100m)),
            DiscountKind.Amount => Math.Min(M.ToMinorUnits(DiscountValue), Math.Max(discountable, 0L)),
        };
        var shares = Allocation.Proportionally(discount, bases);
        for (var i = 0; i < lines.Count; i++)
            lines[i].SetSaleDiscountShare(M.FromMinorUnits(shares[i], Currency).Amount);
        SaleDiscountAmount = M.FromMinorUnits(discount, Currency).Amount;
        TotalAmount = _lines.Sum(l => l.TotalAmount);
        if (Math.Abs(TotalAmount) > MaxTotal)
            throw DomainException.Invalid(SaleErrors.TotalTooLarge, $"A sale can total at most {MaxTotal.ToString("N0", CultureInfo.InvariantCulture)}.");
        Touch();
    }

    private void EnsureEditable()
    {
        if (Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.NotOpen, $"The sale is {Describe(Status)} and can't be changed.");
        if (_payments.Count > 0)
            throw DomainException.Conflict(SaleErrors.HasPayments, "Payment has started; remove the payments before changing the sale.");
    }

    private void EnsureKind(SaleKind kind, string message)
    {
        if (Kind != kind)
            throw DomainException.Invalid(SaleErrors.Kind, message);
    }

    private static void EnsureSameStore(Store store, Register register)
    {
        if (register.StoreId != store.Id)
            throw DomainException.Invalid(RegisterErrors.OtherStore, "That register belongs to another store.");
    }

    public static void EnsureValidQuantity(Unit unit, decimal quantity)
    {
        var max = unit.AllowsFractions() ? MaxMeasuredQuantity : MaxPieceQuantity;
        if (quantity <= 0m)
            throw DomainException.Invalid(LineErrors.Quantity, "The quantity must be more than zero. Use a return to give money back.");
        if (quantity > max)
            throw DomainException.Invalid(LineErrors.Quantity, $"The quantity {quantity.ToString(CultureInfo.InvariantCulture)} is more than the {max.ToString(CultureInfo.InvariantCulture)} a line can hold.");
        if (!unit.AllowsFractions() && quantity != decimal.Truncate(quantity))
            throw DomainException.Invalid(LineErrors.Quantity, "Items sold by the piece need a whole quantity.");
        if (unit.AllowsFractions() && decimal.Round(quantity, 3) != quantity)
            throw DomainException.Invalid(LineErrors.Quantity, $"A {unit.Symbol()} quantity can have at most three decimals.");
    }

    private static void ValidateDiscount(DiscountKind kind, decimal value, string? reason)
    {
        if (kind == DiscountKind.None)
            return;
        if (string.IsNullOrWhiteSpace(reason))
            throw DomainException.Invalid(DiscountErrors.Reason, "A discount needs a reason (e.g. 'Kort holdbarhed' or 'Personalerabat').");
        Text.Required(reason, SaleLine.MaxReasonLength, "discount.reason", "The discount reason");
        if (kind == DiscountKind.Percent && (value <= 0m || value > 100m || decimal.Round(value, 2) != value))
            throw DomainException.Invalid(DiscountErrors.Percent, "A percent discount must be above 0 and at most 100, with at most two decimals.");
        if (kind == DiscountKind.Amount)
            EnsureMoney(value, "discount.amount", "A discount amount", allowZero: false);
    }

    private static void EnsureMoney(decimal value, string code, string what, bool allowZero)
    {
        if (value < 0m || (!allowZero && value == 0m) || value > MaxTotal || M.RoundToMinor(value) != value)
            throw DomainException.Invalid(code, $"{what} must be {(allowZero ? "zero or more" : "more than zero")}, at most {MaxTotal.ToString("N0", CultureInfo.InvariantCulture)}, in whole øre.");
    }

    private SaleLine LineOf(Guid lineId) =>
        _lines.FirstOrDefault(l => l.Id == lineId)
        ?? throw DomainException.NotFound(LineErrors.NotFound, $"This sale has no line {lineId}.");

    private int NextPosition() => _lines.Count == 0 ? 1 : _lines.Max(l => l.Position) + 1;

    private void Touch() => Version++;

    private static string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Describe(SaleStatus status) => status switch
    {
        SaleStatus.Open => "open",
        SaleStatus.Parked => "parked",
        SaleStatus.Completed => "completed",
        SaleStatus.Voided => "voided",
    };
}
