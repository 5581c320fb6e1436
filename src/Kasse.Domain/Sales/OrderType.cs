using Kasse.Domain.Stores;

namespace Kasse.Domain.Sales;

/// <summary>How a restaurant's order is served; a shop's sale has none.</summary>
public enum OrderType
{
    /// <summary>Eaten in (spises her).</summary>
    EatIn,
    /// <summary>Taken away (ud af huset).</summary>
    Takeaway,
    Delivery,
}

public static class OrderTypeErrors
{
    public const string HasPayments = "order-type.has-payments";
    public const string Rule = "order-type.rule";
}

public sealed partial class Sale
{
    /// <summary>Eat-in, takeaway or delivery; null for a sale that is none of these (a shop's).</summary>
    public OrderType? OrderType { get; private set; }

    /// <summary>
    /// Sets (or clears) the order type of an open sale. Where the store's country taxes the types differently
    /// (<see cref="Store.OrderTypeVatRules"/>), each line gets the rate for the new type: <paramref name="baseRateOf"/> gives a line's
    /// rate before any order-type rule (its product's), or null to leave the line as it is (free-text and combo-part lines).
    /// </summary>
    public void SetOrderType(OrderType? orderType, Store store, Func<SaleLine, decimal?> baseRateOf)
    {
        if (Status is not (SaleStatus.Open or SaleStatus.Parked))
            throw DomainException.Conflict(SaleErrors.NotOpen, $"Only an open sale's order type can change; this one is {Describe(Status)}.");
        if (OrderType == orderType)
            return;
        var rerated = _lines.Select(l => (Line: l, Rate: baseRateOf(l) is { } basePercent ? store.VatRateFor(basePercent, orderType) : null))
            .Where(x => x.Rate is not null && x.Rate.Percent != x.Line.VatPercent).ToList();
        if (rerated.Count > 0 && _payments.Count > 0)
            throw DomainException.Conflict(OrderTypeErrors.HasPayments,
                "This order type changes the VAT of the sale's lines, and payment has started; remove the payments first.");
        OrderType = orderType;
        foreach (var (line, rate) in rerated)
            line.ChangeVat(rate!.Percent, rate.Code);
        if (rerated.Count > 0)
            Recalculate();
        Touch();
    }
}
