using System.Globalization;
using Kasse.Domain.Sales;

namespace Kasse.Domain.Stores;

/// <summary>
/// Where a country taxes an order type differently (e.g. food eaten in at the standard rate, taken away at a reduced
/// one), a line that would carry <see cref="FromPercent"/> carries <see cref="ToPercent"/> for that type. Denmark: none.
/// </summary>
public sealed record OrderTypeVatRule(OrderType OrderType, decimal FromPercent, decimal ToPercent);

public sealed partial class Store
{
    /// <summary>The store's VAT rules per order type; empty where every type pays the same (Denmark, 25 %).</summary>
    public IReadOnlyList<OrderTypeVatRule> OrderTypeVatRules { get; private set; } = [];

    /// <summary>The rate a line of <paramref name="percent"/> carries on a sale of <paramref name="orderType"/>.</summary>
    public StoreVatRate VatRateFor(decimal percent, OrderType? orderType)
    {
        var rule = orderType is null ? null : OrderTypeVatRules.FirstOrDefault(r => r.OrderType == orderType && r.FromPercent == percent);
        return VatRateFor(rule?.ToPercent ?? percent);
    }

    public void SetOrderTypeVatRules(IReadOnlyList<OrderTypeVatRule> rules)
    {
        foreach (var rule in rules)
        {
            if (_vatRates.All(r => r.Percent != rule.FromPercent) || _vatRates.All(r => r.Percent != rule.ToPercent))
                throw DomainException.Invalid(OrderTypeErrors.Rule,
                    $"The rule for {rule.OrderType} maps {rule.FromPercent.ToString(CultureInfo.InvariantCulture)} % to {rule.ToPercent.ToString(CultureInfo.InvariantCulture)} %, but the store has no such VAT rate.");
        }
        if (rules.GroupBy(r => (r.OrderType, r.FromPercent)).Any(g => g.Count() > 1))
            throw DomainException.Invalid(OrderTypeErrors.Rule, "Each order type maps a VAT rate once.");
        OrderTypeVatRules = [.. rules];
    }
}
