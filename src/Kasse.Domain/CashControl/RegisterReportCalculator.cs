using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;

namespace Kasse.Domain.CashControl;

/// <summary>
/// Adds up a register's period into an X or Z report. Pure: the same input gives the same report, figure
/// for figure, which is what lets a Z report's journal entry prove its content.
/// </summary>
public static class RegisterReportCalculator
{
    public static RegisterReport Calculate(ReportInput input)
    {
        var real = input.Receipts.Where(r => !r.Sale.IsTraining).Select(r => r.Sale).ToList();
        var sales = real.Where(s => s.Kind == SaleKind.Sale).ToList();
        var returns = real.Where(s => s.Kind == SaleKind.Return).ToList();
        var training = input.Receipts.Where(r => r.Sale.IsTraining).Select(r => r.Sale).ToList();
        var salesAmount = M(sales.Sum(s => s.TotalAmount));
        var returnsAmount = M(-returns.Sum(s => s.TotalAmount));
        var previous = input.PreviousGrandTotals;
        var grandSales = M(previous.Sales + salesAmount);
        var grandReturn = M(previous.Return + returnsAmount);
        // A gift card sold is a debt (the accounting books it to a liability), so it is left out of the turnover.
        var giftCardLines = real.SelectMany(s => s.Lines).Where(l => l.IsVoucher).ToList();
        var turnover = M(real.SelectMany(s => s.Lines).Where(l => !l.IsVoucher).Sum(l => l.TotalAmount));
        var discounted = sales.SelectMany(s => s.Lines).Where(l => l.LineDiscountAmount + l.PromotionDiscountAmount + l.SaleDiscountAmount != 0m).ToList();

        return new RegisterReport(
            input.Id, input.Type, input.Number, input.Store.Id, input.Store.CompanyId, input.Store.Name, input.Store.Name,
            input.Register.Id, input.Register.Name, input.EmployeeId, input.At, input.Store.LocalTime(input.At), input.Store.BusinessDayOf(input.At),
            input.Store.Currency, input.Period,
            new CountAmount(sales.Count, salesAmount),
            new CountAmount(returns.Count, returnsAmount),
            M(salesAmount - returnsAmount),
            M(real.Sum(s => s.CashRounding)),
            real.Count,
            Vat(real),
            real.SelectMany(s => s.Payments).GroupBy(p => p.Method).OrderBy(g => g.Key)
                .Select(g => new ReportPaymentLine(g.Key, SaftCodes.PaymentCode(g.Key), g.Count(), M(g.Sum(p => p.Taken)))).ToList(),
            real.SelectMany(s => s.Payments.Select(p => (s.CashierId, Payment: p))).GroupBy(x => (x.CashierId, x.Payment.Method))
                .OrderBy(g => g.Key.CashierId).ThenBy(g => g.Key.Method)
                .Select(g => new ReportEmployeePaymentLine(g.Key.CashierId, g.Key.Method, SaftCodes.PaymentCode(g.Key.Method), g.Count(),
                    M(g.Sum(x => x.Payment.Taken)))).ToList(),
            ArticleGroups(real, input.ArticleGroupOfProduct),
            EmployeeArticleGroups(real, input.ArticleGroupOfProduct),
            new CountAmount(discounted.Count, M(discounted.Sum(l => l.LineDiscountAmount + l.PromotionDiscountAmount + l.SaleDiscountAmount))),
            Tally(input.Voided.Where(s => !s.IsTraining).Select(s => s.TotalAmount)),
            Tally(input.Copied.Where(s => !s.IsTraining).Select(s => s.TotalAmount)),
            Tally(input.ProvisionalAmounts),
            Tally(input.Delivered.Where(s => !s.IsTraining).Select(s => s.TotalAmount)),
            Tally(training.Select(s => s.TotalAmount)),
            Tally(input.PriceInquiryAmounts),
            [],
            [],
            input.DrawerOpens,
            // Payments carry the tips (the money taken), so payments = sales + rounding + tips.
            Tally(real.SelectMany(s => s.Payments).Where(p => p.Tip != 0m).Select(p => p.Tip)),
            Cash(input),
            new GrandTotals(grandSales, grandReturn, M(grandSales - grandReturn)),
            new CountAmount(sales.Sum(s => s.Lines.Count(l => l.IsVoucher)), M(giftCardLines.Sum(l => l.TotalAmount))),
            turnover);
    }

    private static List<ReportVatLine> Vat(IEnumerable<Sale> receipts)
    {
        var lines = new List<(string Code, Money.VatAmount Vat)>();
        foreach (var sale in receipts)
            foreach (var v in sale.VatBreakdown)
                lines.Add((sale.Lines.First(l => l.VatPercent == v.Percent).VatCode, v));
        return lines.GroupBy(l => l.Vat.Percent).OrderByDescending(g => g.Key)
            .Select(g => new ReportVatLine(g.First().Code, g.Key + 0.00m, M(g.Sum(l => l.Vat.Gross)), M(g.Sum(l => l.Vat.Vat)), M(g.Sum(l => l.Vat.Net))))
            .ToList();
    }

    private static List<ReportArticleGroupLine> ArticleGroups(IEnumerable<Sale> receipts, IReadOnlyDictionary<Guid, ArticleGroup> groups) =>
        receipts.SelectMany(s => s.Lines).GroupBy(l => GroupOf(l, groups))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.CategoryId)
            .Select(g => new ReportArticleGroupLine(g.Key.CategoryId, g.Key.Name, Q(g.Sum(l => l.Quantity)), M(g.Sum(l => l.TotalAmount))))
            .ToList();

    private static List<ReportEmployeeArticleGroupLine> EmployeeArticleGroups(IEnumerable<Sale> receipts, IReadOnlyDictionary<Guid, ArticleGroup> groups) =>
        receipts.SelectMany(s => s.Lines.Select(l => (s.CashierId, Line: l))).GroupBy(x => (x.CashierId, Group: GroupOf(x.Line, groups)))
            .OrderBy(g => g.Key.CashierId).ThenBy(g => g.Key.Group.Name, StringComparer.Ordinal).ThenBy(g => g.Key.Group.CategoryId)
            .Select(g => new ReportEmployeeArticleGroupLine(g.Key.CashierId, g.Key.Group.CategoryId, g.Key.Group.Name,
                Q(g.Sum(x => x.Line.Quantity)), M(g.Sum(x => x.Line.TotalAmount))))
            .ToList();

    private static ArticleGroup GroupOf(SaleLine line, IReadOnlyDictionary<Guid, ArticleGroup> groups) =>
        line.ProductId is { } id && groups.TryGetValue(id, out var group) ? group : ArticleGroup.None;

    private static ReportCash Cash(ReportInput input)
    {
        var sessions = input.Sessions.Select(s => s.Session).ToList();
        var movements = input.Sessions.SelectMany(s => s.Movements).ToList();
        var counted = sessions.Where(s => s.Status == SessionStatus.Counted).ToList();
        var taken = sessions.Sum(s => SessionCash.Taken(s, input.Receipts));
        var expected = sessions.Sum(s => s.ExpectedCash ?? SessionCash.Expected(s, SessionCash.Taken(s, input.Receipts), movements));
        var outside = input.Receipts.Where(r => !r.Sale.IsTraining && !sessions.Any(s => SessionCash.Owns(s, r.Sequence)))
            .Select(r => SessionCash.CashOf(r.Sale)).Where(c => c != 0m).ToList();
        return new ReportCash(
            sessions.Count,
            counted.Count,
            sessions.Any(s => s.Status == SessionStatus.Open),
            M(sessions.Sum(s => s.OpeningFloat)),
            sessions.GroupBy(s => s.OpenedById).OrderBy(g => g.Key).Select(g => new ReportEmployeeFloat(g.Key, M(g.Sum(s => s.OpeningFloat)))).ToList(),
            M(taken),
            Tally(movements.Where(m => m.Kind == CashMovementKind.PayIn).Select(m => m.Amount)),
            Tally(movements.Where(m => m.Kind == CashMovementKind.Drop).Select(m => m.Amount)),
            M(expected),
            counted.Count == 0 ? null : M(counted.Sum(s => s.CountedCash!.Value)),
            counted.Count == 0 ? null : M(counted.Sum(s => s.Difference!.Value)),
            Tally(outside));
    }

    private static CountAmount Tally(IEnumerable<decimal> amounts)
    {
        var list = amounts.ToList();
        return new CountAmount(list.Count, M(list.Sum()));
    }

    private static decimal M(decimal amount) => CashAmount.Round(amount);

    private static decimal Q(decimal quantity) => Math.Round(quantity, 3, MidpointRounding.AwayFromZero) + 0.000m;
}
