using System.Linq.Expressions;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Reporting;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Reporting;

/// <summary>
/// Sales reports read from the daily summaries only, never from sale lines, so a quarter over a store with millions of
/// lines is a few thousand rows of integer sums.
/// </summary>
public sealed class SalesReportService(KasseDbContext db, TimeProvider clock)
{
    /// <summary>About ten years: enough for any comparison an owner makes, and a bound on one request's work.</summary>
    public const int MaxDays = 3700;

    private const int NameChunk = 500;

    /// <remarks>Three queries, each one index range per store: the days, the hours, and every keyed dimension at once.</remarks>
    public async Task<SalesReport> ReportAsync(SalesReportFilter filter, CancellationToken ct)
    {
        var currency = await CheckAsync(filter, ct);
        var rows = Rows(filter);
        var days = await SumBy(rows.Where(r => r.Dimension == SummaryDimension.Day), r => new { r.StoreId, r.BusinessDay }).ToListAsync(ct);
        var hours = await SumBy(rows.Where(r => r.Dimension == SummaryDimension.Hour), r => new { r.BusinessDay, r.Key }).ToListAsync(ct);
        var keyed = await SumBy(rows.Where(r => r.Dimension == SummaryDimension.Category || r.Dimension == SummaryDimension.Product
            || r.Dimension == SummaryDimension.Employee || r.Dimension == SummaryDimension.PaymentMethod
            || r.Dimension == SummaryDimension.GiftCards), r => new { r.Dimension, r.Key }).ToListAsync(ct);
        List<(string Key, SummarySums Sums)> Of(SummaryDimension dimension) =>
            [.. keyed.Where(k => k.Key.Dimension == dimension).Select(k => (k.Key.Key, k.Sums))];
        return new SalesReport(filter.From, filter.To, filter.StoreId, currency,
            days.Count == 0 ? ReportFigures.None : ReportFigures.From(Total(days.Select(d => d.Sums))),
            [.. days.GroupBy(d => d.Key.BusinessDay).OrderBy(g => g.Key).Select(g => new DayRow(g.Key, ReportFigures.From(Total(g.Select(d => d.Sums)))))],
            [.. hours.GroupBy(h => h.Key.Key).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new ReportRow(g.Key, g.Key + ":00", ReportFigures.From(Total(g.Select(h => h.Sums)))))],
            [.. hours.GroupBy(h => (Weekday: IsoWeekday(h.Key.BusinessDay), Hour: int.Parse(h.Key.Key, System.Globalization.CultureInfo.InvariantCulture)))
                .OrderBy(g => g.Key)
                .Select(g => new HeatCell(g.Key.Weekday, g.Key.Hour, g.Sum(h => h.Sums.Receipts), g.Sum(h => h.Sums.Gross) * 0.01m))],
            await NamedAsync(Of(SummaryDimension.Category), CategoryNamesAsync, ct),
            await NamedAsync(Of(SummaryDimension.Product), ProductNamesAsync, ct),
            await NamedAsync(Of(SummaryDimension.Employee), EmployeeNamesAsync, ct),
            await NamedAsync(Of(SummaryDimension.PaymentMethod), PaymentMethodNamesAsync, ct),
            await StoreRowsAsync([.. days.GroupBy(d => d.Key.StoreId).Select(g => (g.Key, Total(g.Select(d => d.Sums))))], ct),
            Of(SummaryDimension.GiftCards).Sum(k => k.Sums.Gross) * 0.01m);
    }

    private static SummarySums Total(IEnumerable<SummarySums> sums) => sums.Aggregate(new SummarySums(), (a, b) => a + b);

    /// <summary>Today so far in the store's time zone (the first store's when all are shown) against a week ago.</summary>
    public async Task<DayComparison> TodayAsync(Guid? storeId, CancellationToken ct)
    {
        var store = await db.Stores.AsNoTracking().Where(s => storeId == null || s.Id == storeId).OrderBy(s => s.Name).FirstOrDefaultAsync(ct)
            ?? throw (storeId is null ? DomainException.NotFound(StoreErrors.None, "There is no store yet.") : StoreNotFound(storeId.Value));
        var now = clock.GetUtcNow();
        var today = store.BusinessDayOf(now);
        var hour = store.LocalTime(now).Hour;
        var lastWeek = today.AddDays(-7);
        await CheckAsync(new SalesReportFilter(lastWeek, today, storeId), ct);
        var hours = await SumBy(Rows(new SalesReportFilter(lastWeek, today, storeId))
                .Where(r => r.Dimension == SummaryDimension.Hour && (r.BusinessDay == today || r.BusinessDay == lastWeek)),
            r => new { r.BusinessDay, r.Key }).ToListAsync(ct);
        var cutoff = hour.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        ReportFigures Sum(DateOnly day, bool soFar) => ReportFigures.From(hours
            .Where(h => h.Key.BusinessDay == day && (!soFar || string.CompareOrdinal(h.Key.Key, cutoff) <= 0))
            .Select(h => h.Sums).Aggregate(new SummarySums(), (a, b) => a + b));
        return new DayComparison(today, lastWeek, hour, Sum(today, soFar: false), Sum(lastWeek, soFar: true), Sum(lastWeek, soFar: false));
    }

    private IQueryable<SalesSummary> Rows(SalesReportFilter filter) =>
        filter.StoreId is { } storeId
            ? db.SalesSummaries.AsNoTracking().Where(r => r.StoreId == storeId && r.BusinessDay >= filter.From && r.BusinessDay <= filter.To)
            : db.SalesSummaries.AsNoTracking().Where(r => r.BusinessDay >= filter.From && r.BusinessDay <= filter.To);

    private static IQueryable<Grouped<TKey>> SumBy<TKey>(IQueryable<SalesSummary> rows, Expression<Func<SalesSummary, TKey>> key) =>
        rows.GroupBy(key).Select(g => new Grouped<TKey>
        {
            Key = g.Key,
            Sums = new SummarySums
            {
                Receipts = g.Sum(r => r.Receipts), Returns = g.Sum(r => r.Returns), ItemsSold = g.Sum(r => r.ItemsSold),
                ItemsReturned = g.Sum(r => r.ItemsReturned), Gross = g.Sum(r => r.Gross), Net = g.Sum(r => r.Net), Vat = g.Sum(r => r.Vat),
                Discounts = g.Sum(r => r.Discounts), Refunded = g.Sum(r => r.Refunded), CashRounding = g.Sum(r => r.CashRounding),
                Cost = g.Sum(r => r.Cost), CostedNet = g.Sum(r => r.CostedNet), Tips = g.Sum(r => r.Tips),
            },
        });

    private static async Task<IReadOnlyList<ReportRow>> NamedAsync(List<(string Key, SummarySums Sums)> sums,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, string>>> names, CancellationToken ct)
    {
        var named = await names([.. sums.Select(s => s.Key)], ct);
        return [.. sums.Select(s => new ReportRow(s.Key, named.GetValueOrDefault(s.Key) ?? s.Key, ReportFigures.From(s.Sums)))
            .OrderByDescending(r => r.Figures.Gross).ThenBy(r => r.Name, StringComparer.Ordinal)];
    }

    private async Task<IReadOnlyList<ReportRow>> StoreRowsAsync(List<(Guid Key, SummarySums Sums)> byStore, CancellationToken ct)
    {
        var ids = byStore.Select(s => s.Key).ToList();
        var names = await db.Stores.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return [.. byStore.Select(s => new ReportRow(s.Key.ToString(), names.GetValueOrDefault(s.Key) ?? "?", ReportFigures.From(s.Sums)))
            .OrderByDescending(r => r.Figures.Gross)];
    }

    private Task<IReadOnlyDictionary<string, string>> CategoryNamesAsync(IReadOnlyList<string> keys, CancellationToken ct) =>
        NamesAsync(keys, "No category", async (ids, c) => await db.Categories.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new KeyValuePair<Guid, string>(x.Id, x.Name)).ToListAsync(c), ct);

    private Task<IReadOnlyDictionary<string, string>> ProductNamesAsync(IReadOnlyList<string> keys, CancellationToken ct) =>
        NamesAsync(keys, "Custom lines", async (ids, c) => await db.Products.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new KeyValuePair<Guid, string>(x.Id, x.Name)).ToListAsync(c), ct);

    private Task<IReadOnlyDictionary<string, string>> EmployeeNamesAsync(IReadOnlyList<string> keys, CancellationToken ct) =>
        NamesAsync(keys, "No cashier", async (ids, c) => await db.Employees.AsNoTracking().Where(x => ids.Contains(x.Id))
            .Select(x => new KeyValuePair<Guid, string>(x.Id, x.Name)).ToListAsync(c), ct);

    private static Task<IReadOnlyDictionary<string, string>> PaymentMethodNamesAsync(IReadOnlyList<string> keys, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k == "GiftCard" ? "Gift card" : k));

    private static async Task<IReadOnlyDictionary<string, string>> NamesAsync(IReadOnlyList<string> keys, string unnamed,
        Func<Guid[], CancellationToken, Task<List<KeyValuePair<Guid, string>>>> lookup, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal) { [""] = unnamed };
        var ids = keys.Select(k => Guid.TryParse(k, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        foreach (var chunk in ids.Chunk(NameChunk))
            foreach (var (id, name) in await lookup(chunk, ct))
                names[id.ToString()] = name;
        return names;
    }

    /// <summary>Checks the filter and answers the currency its stores report in.</summary>
    private async Task<string> CheckAsync(SalesReportFilter filter, CancellationToken ct)
    {
        if (filter.From > filter.To)
            throw DomainException.Invalid(ReportErrors.Range, $"The report starts ({Day(filter.From)}) after it ends ({Day(filter.To)}); swap from and to.");
        if (filter.To.DayNumber - filter.From.DayNumber >= MaxDays)
            throw DomainException.Invalid(ReportErrors.Range, $"A report covers at most {MaxDays} days; choose a shorter period.");
        var currencies = await db.Stores.AsNoTracking().Where(s => filter.StoreId == null || s.Id == filter.StoreId)
            .Select(s => s.Currency).Distinct().ToListAsync(ct);
        if (filter.StoreId is { } storeId && currencies.Count == 0)
            throw StoreNotFound(storeId);
        if (currencies.Count > 1)
            throw DomainException.Invalid(ReportErrors.Currencies, "The stores sell in different currencies; choose one store at a time.");
        return currencies.FirstOrDefault() ?? "DKK";
    }

    private static DomainException StoreNotFound(Guid storeId) => DomainException.NotFound(StoreErrors.NotFound, $"No store has id {storeId}.");

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static int IsoWeekday(DateOnly day) => day.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)day.DayOfWeek;
}
