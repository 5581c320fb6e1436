namespace Kasse.Application.Reporting;

/// <summary>Business days <paramref name="From"/> to <paramref name="To"/>, both included; one store or (null) all.</summary>
public sealed record SalesReportFilter(DateOnly From, DateOnly To, Guid? StoreId);

/// <summary>
/// The figures of a report row. <see cref="Gross"/> is turnover incl. VAT after discounts with returns subtracted
/// (gift cards sold are not turnover: see <see cref="SalesReport.GiftCardsSold"/>);
/// margin is over the goods whose cost is known (null when none is). <see cref="Tips"/> are the tips taken with the
/// payments: the staff's money, not turnover, so in no other figure (and not in the category or product rows).
/// </summary>
public sealed record ReportFigures(
    long Receipts, long Returns, long ItemsSold, long ItemsReturned,
    decimal Gross, decimal Net, decimal Vat, decimal Discounts, decimal Refunded, decimal CashRounding,
    decimal? Cost, decimal? Margin, decimal? MarginPercent, decimal AverageBasket, decimal ItemsPerBasket, decimal Tips = 0m)
{
    public static readonly ReportFigures None = From(new SummarySums());

    internal static ReportFigures From(SummarySums s)
    {
        var costKnown = s.Cost != 0 || s.CostedNet != 0;
        decimal Kroner(long ore) => ore * 0.01m;
        var margin = s.CostedNet - s.Cost;
        return new ReportFigures(s.Receipts, s.Returns, s.ItemsSold, s.ItemsReturned,
            Kroner(s.Gross), Kroner(s.Net), Kroner(s.Vat), Kroner(s.Discounts), Kroner(s.Refunded), Kroner(s.CashRounding),
            costKnown ? Kroner(s.Cost) : null,
            costKnown ? Kroner(margin) : null,
            costKnown && s.CostedNet != 0 ? Math.Round(margin * 100m / s.CostedNet, 1, MidpointRounding.AwayFromZero) : null,
            // A basket is a sale receipt; what returns paid back is not part of what baskets were worth.
            s.Receipts == 0 ? 0m : Math.Round(Kroner(s.Gross + s.Refunded) / s.Receipts, 2, MidpointRounding.AwayFromZero),
            s.Receipts == 0 ? 0m : Math.Round((decimal)s.ItemsSold / s.Receipts, 2, MidpointRounding.AwayFromZero),
            Kroner(s.Tips));
    }
}

/// <summary>A row of a report by category, product, employee, payment method, store or hour.</summary>
public sealed record ReportRow(string Key, string Name, ReportFigures Figures);

public sealed record DayRow(DateOnly Day, ReportFigures Figures);

/// <summary>One cell of the weekday × hour heat map; <see cref="Weekday"/> is ISO (1 = Monday … 7 = Sunday).</summary>
public sealed record HeatCell(int Weekday, int Hour, long Receipts, decimal Gross);

/// <param name="GiftCardsSold">
/// Gift cards sold or topped up in the period, incl. VAT (0 %), cards taken back on returns subtracted. Not in any
/// figure's turnover: a gift card sold is a debt until it is redeemed, and the goods it pays for are the turnover.
/// </param>
public sealed record SalesReport(
    DateOnly From, DateOnly To, Guid? StoreId, string Currency, ReportFigures Totals,
    IReadOnlyList<DayRow> ByDay, IReadOnlyList<ReportRow> ByHour, IReadOnlyList<HeatCell> Heatmap,
    IReadOnlyList<ReportRow> ByCategory, IReadOnlyList<ReportRow> ByProduct, IReadOnlyList<ReportRow> ByEmployee,
    IReadOnlyList<ReportRow> ByPaymentMethod, IReadOnlyList<ReportRow> ByStore, decimal GiftCardsSold);

/// <summary>Today so far against the same weekday a week ago, up to the same hour and over the whole day.</summary>
public sealed record DayComparison(DateOnly Today, DateOnly SameDayLastWeek, int Hour, ReportFigures TodaySoFar,
    ReportFigures LastWeekSoFar, ReportFigures LastWeekWholeDay);

/// <summary>Sums of summary rows grouped by some key (a class with setters so EF can build it in SQL).</summary>
internal sealed class SummarySums
{
    public long Receipts { get; init; }
    public long Returns { get; init; }
    public long ItemsSold { get; init; }
    public long ItemsReturned { get; init; }
    public long Gross { get; init; }
    public long Net { get; init; }
    public long Vat { get; init; }
    public long Discounts { get; init; }
    public long Refunded { get; init; }
    public long CashRounding { get; init; }
    public long Cost { get; init; }
    public long CostedNet { get; init; }
    public long Tips { get; init; }

    public static SummarySums operator +(SummarySums a, SummarySums b) => new()
    {
        Receipts = a.Receipts + b.Receipts, Returns = a.Returns + b.Returns, ItemsSold = a.ItemsSold + b.ItemsSold,
        ItemsReturned = a.ItemsReturned + b.ItemsReturned, Gross = a.Gross + b.Gross, Net = a.Net + b.Net, Vat = a.Vat + b.Vat,
        Discounts = a.Discounts + b.Discounts, Refunded = a.Refunded + b.Refunded, CashRounding = a.CashRounding + b.CashRounding,
        Cost = a.Cost + b.Cost, CostedNet = a.CostedNet + b.CostedNet, Tips = a.Tips + b.Tips,
    };
}

internal sealed class Grouped<TKey>
{
    public TKey Key { get; init; } = default!;
    public SummarySums Sums { get; init; } = new();
}
