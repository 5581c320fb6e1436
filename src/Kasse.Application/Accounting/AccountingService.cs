using System.Text.Json;
using System.Text.Json.Serialization;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Accounting;
using Kasse.Domain.CashControl;
using Kasse.Domain.Staff;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Accounting;

/// <summary>
/// The bookkeeping of a store's days, made from its stored Z reports (the very content of their journal entries)
/// on the store's chart of accounts, plus what the registered <see cref="IAccountingSource"/>s add.
/// </summary>
public sealed class AccountingService(KasseDbContext db, IEnumerable<IAccountingSource> sources, AuditTrail audit, TimeProvider clock)
{
    public const int MaxDays = 366;

    private static readonly JsonSerializerOptions ChartJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<ChartView> GetChartAsync(Guid storeId, CancellationToken ct)
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        var stored = await db.AccountingCharts.AsNoTracking().FirstOrDefaultAsync(c => c.StoreId == storeId, ct);
        return new ChartView(storeId, stored is null, ChartOf(stored).Accounts);
    }

    public async Task<ChartView> SetChartAsync(Guid storeId, SetChart command, CancellationToken ct)
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        if (command.Accounts is not { Count: > 0 })
            throw DomainException.Invalid(ChartErrors.Accounts, "Give the chart's accounts: a role, an optional qualifier, a number and a name each.");
        var chart = ChartOfAccounts.Create(command.Accounts.Select(a => ChartAccount.Create(a.Role, a.Qualifier, a.Number, a.Name)));
        var content = JsonSerializer.Serialize(chart.Accounts, ChartJson);
        var stored = await db.AccountingCharts.FirstOrDefaultAsync(c => c.StoreId == storeId, ct);
        var before = stored is null ? null : stored.Content;
        if (stored is null)
            db.AccountingCharts.Add(new StoredChart(storeId, content, clock.Now()));
        else
            stored.Change(content, clock.Now());
        audit.Record(AuditAction.SettingChanged, AuditTexts.ChartOfAccountsChanged(), "accounting.chart", storeId, before: before, after: content);
        await db.SaveChangesAsync(ct);
        return new ChartView(storeId, false, chart.Accounts);
    }

    public async Task<ChartOfAccounts> ChartAsync(Guid storeId, CancellationToken ct) =>
        ChartOf(await db.AccountingCharts.AsNoTracking().FirstOrDefaultAsync(c => c.StoreId == storeId, ct));

    private static ChartOfAccounts ChartOf(StoredChart? stored) => stored is null
        ? ChartOfAccounts.DanishDefault()
        : ChartOfAccounts.Create(JsonSerializer.Deserialize<List<ChartAccount>>(stored.Content, ChartJson) ?? []);

    /// <summary>The vouchers of every day in [from, to] with at least one Z report, oldest first.</summary>
    public async Task<IReadOnlyList<DayVoucher>> VouchersAsync(Guid storeId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        if (to < from)
            throw DomainException.Invalid(AccountingErrors.Range, $"The period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
            throw DomainException.Invalid(AccountingErrors.Range, $"Export at most {MaxDays} days at a time.");
        var store = await StoreService.FindStoreAsync(db, storeId, ct);
        var chart = ChartOf(await db.AccountingCharts.AsNoTracking().FirstOrDefaultAsync(c => c.StoreId == storeId, ct));
        // Z reports are stored by instant; a day in the store's zone lies within a day either side in UTC.
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-2);
        var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(3);
        var contents = await db.RegisterReports.AsNoTracking()
            .Where(r => r.StoreId == storeId && r.Type == ReportType.Z && r.At >= start && r.At < end)
            .Select(r => r.Content).ToListAsync(ct);
        var vouchers = new List<DayVoucher>();
        foreach (var day in contents.Select(ReportPayload.Read).Where(z => z.BusinessDay >= from && z.BusinessDay <= to)
                     .GroupBy(z => z.BusinessDay).OrderBy(g => g.Key))
            vouchers.Add(await BuildAsync(store, day.Key, day.ToList(), chart, ct));
        return vouchers;
    }

    /// <summary>The voucher of some of a day's Z reports (a part pushed on its own).</summary>
    public async Task<DayVoucher> BuildAsync(Store store, DateOnly day, IReadOnlyList<RegisterReport> zReports, ChartOfAccounts chart, CancellationToken ct)
    {
        var reports = zReports.OrderBy(z => z.At).ToList();
        var accountingDay = new AccountingDay(store, day, reports);
        var contributions = new List<AccountingContribution>();
        foreach (var source in sources)
            contributions.AddRange(await source.ContributeAsync(accountingDay, ct));
        return DayEntries.Build(store.Id, day, store.Currency, reports, contributions, chart);
    }

    public async Task<IReadOnlyList<RegisterReport>> ZReportsAsync(IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var contents = await db.RegisterReports.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => r.Content).ToListAsync(ct);
        return contents.Select(ReportPayload.Read).ToList();
    }

    public async Task<DayVoucher> VoucherAsync(Guid storeId, DateOnly day, CancellationToken ct) =>
        (await VouchersAsync(storeId, day, day, ct)).SingleOrDefault()
        ?? throw DomainException.NotFound(AccountingErrors.NoZReport, $"No Z report was closed on {day:yyyy-MM-dd}; there is nothing to book for that day.");

    public async Task<IReadOnlyList<DayView>> DaysAsync(Guid storeId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var vouchers = await VouchersAsync(storeId, from, to, ct);
        var pushes = await db.AccountingPushes.AsNoTracking()
            .Where(p => p.StoreId == storeId && p.BusinessDay >= from && p.BusinessDay <= to).ToListAsync(ct);
        return vouchers.Select(v => ViewOf(v, pushes.Where(p => p.BusinessDay == v.BusinessDay).OrderBy(p => p.Part).ToList())).ToList();
    }

    public static DayView ViewOf(DayVoucher voucher, IReadOnlyList<AccountingPush> pushes) =>
        new(voucher, voucher.VoucherNumber, voucher.TotalDebit, voucher.TotalCredit, voucher.IsBalanced, pushes.Select(PushView.Of).ToList(),
            DayStatus.Of(voucher, pushes));

    public void RecordExport(Guid storeId, string format, DateOnly from, DateOnly to, int days) =>
        audit.Record(AuditAction.Exported, AuditTexts.AccountingExported(format, from, to, days), "accounting.export", storeId);

    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}
