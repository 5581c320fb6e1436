using System.Globalization;
using Kasse.Domain.Catalog;
using Kasse.Domain.Money;
using Kasse.Domain.Sales;
using M = Kasse.Domain.Money.Money;

namespace Kasse.Domain.Reporting;

/// <summary>What reports need to know about a product when its sale is counted.</summary>
/// <param name="UnitCost">Cost per unit excl. VAT, when known; margin is left out for goods without one.</param>
public sealed record ProductFacts(Guid? CategoryId, decimal? UnitCost);

/// <summary>
/// Turns one completed sale or return into its additions to the day's summaries. VAT is the receipt's own VAT per
/// rate (DESIGN.md "Prices include VAT"), shared over that rate's lines in whole øre, so every report adds up to
/// exactly what the receipts say. Gift cards sold are left out of the turnover (day, hour, employee, category and
/// product rows) and counted in <see cref="SummaryDimension.GiftCards"/>.
/// </summary>
public static class SaleSummariser
{
    public static IReadOnlyList<SalesSummary> Summarise(Sale sale, int localHour, IReadOnlyDictionary<Guid, ProductFacts> products)
    {
        if (sale.Status != SaleStatus.Completed || sale.BusinessDay is not { } day)
            throw DomainException.Conflict(ReportErrors.SaleNotCompleted, "Only a completed sale is counted in reports.");
        if (sale.IsTraining)
            return [];
        var isReturn = sale.Kind == SaleKind.Return;
        var rows = new Dictionary<(SummaryDimension, string), SalesSummary>();
        SalesSummary Row(SummaryDimension dimension, string key)
        {
            if (!rows.TryGetValue((dimension, key), out var row))
            {
                row = new SalesSummary(sale.StoreId, day, dimension, key);
                row.CountReceipt(isReturn);
                rows.Add((dimension, key), row);
            }
            return row;
        }

        var vat = LineVat(sale.Lines);
        var shared = new[]
        {
            Row(SummaryDimension.Day, ""),
            Row(SummaryDimension.Hour, localHour.ToString("00", CultureInfo.InvariantCulture)),
            Row(SummaryDimension.Employee, sale.CashierId?.ToString() ?? ""),
        };
        for (var i = 0; i < sale.Lines.Count; i++)
        {
            var line = sale.Lines[i];
            var facts = line.ProductId is { } productId ? products.GetValueOrDefault(productId) : null;
            var gross = M.ToMinorUnits(line.TotalAmount);
            var discount = M.ToMinorUnits(line.GrossAmount) - gross;
            var items = line.Unit.AllowsFractions() ? Math.Sign(line.Quantity) : (long)line.Quantity;
            long? cost = facts?.UnitCost is { } unitCost ? M.ToMinorUnits(M.RoundToMinor(unitCost * line.Quantity)) : null;
            // A gift card sold is not turnover (the accounting books it to a liability): it has a row of its own only.
            IEnumerable<SalesSummary> targets = line.IsVoucher
                ? [Row(SummaryDimension.GiftCards, "")]
                : shared.Append(Row(SummaryDimension.Category, facts?.CategoryId?.ToString() ?? ""))
                    .Append(Row(SummaryDimension.Product, line.ProductId?.ToString() ?? ""));
            foreach (var row in targets)
                row.AddLine(gross, vat[i], discount, items, isReturn, cost);
        }
        foreach (var payment in sale.Payments)
        {
            var byMethod = Row(SummaryDimension.PaymentMethod, payment.Method.ToString());
            byMethod.AddPayment(M.ToMinorUnits(payment.Amount), M.ToMinorUnits(payment.Rounding));
            byMethod.AddTip(M.ToMinorUnits(payment.Tip));
        }
        var tips = M.ToMinorUnits(sale.Payments.Sum(p => p.Tip));
        foreach (var row in shared)
        {
            row.AddRounding(M.ToMinorUnits(sale.CashRounding));
            row.AddTip(tips);
        }
        return [.. rows.Values];
    }

    /// <summary>Each line's share of its rate's VAT, the rate's VAT computed once over the receipt as the receipt shows it.</summary>
    private static long[] LineVat(IReadOnlyList<SaleLine> lines)
    {
        var shares = new long[lines.Count];
        foreach (var rate in Enumerable.Range(0, lines.Count).GroupBy(i => lines[i].VatPercent))
        {
            var indexes = rate.ToList();
            var weights = indexes.Select(i => M.ToMinorUnits(lines[i].TotalAmount)).ToList();
            var rateVat = M.ToMinorUnits(VatMath.VatIncludedIn(weights.Sum() * 0.01m, rate.Key));
            var parts = Allocation.Proportionally(rateVat, weights);
            for (var k = 0; k < indexes.Count; k++)
                shares[indexes[k]] = parts[k];
        }
        return shares;
    }
}
