using Kasse.Application.Hosting;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Accounting;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Accounting;

/// <summary>
/// Pushes a store's day vouchers through the <see cref="IAccountingConnector"/>: each part at most once into the
/// accounting system (same external id on every attempt), a few attempts with a pause between them when the
/// system is unreachable or busy, and the outcome recorded per day for the back office to show.
/// </summary>
public sealed class AccountingPushService(KasseDbContext db, AccountingService accounting, IAccountingConnector connector, AuditTrail audit,
    SecretProtector secrets, TimeProvider clock)
{
    public const int MaxAttempts = 3;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);

    public async Task<ConnectorView> GetConnectorAsync(Guid storeId, CancellationToken ct)
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        var settings = await db.AccountingConnectors.AsNoTracking().FirstOrDefaultAsync(c => c.StoreId == storeId, ct)
            ?? throw DomainException.NotFound(ConnectorErrors.NotSet, "No accounting system is set up for this store yet (PUT its address, journal and token).");
        return ViewOf(settings);
    }

    public async Task<ConnectorView> SetConnectorAsync(Guid storeId, SetConnector command, CancellationToken ct)
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        var settings = await db.AccountingConnectors.FirstOrDefaultAsync(c => c.StoreId == storeId, ct);
        if (settings is null)
        {
            settings = new AccountingConnectorSettings(storeId);
            settings.Change(command.Url, command.Journal, command.Token, clock.Now());
            db.AccountingConnectors.Add(settings);
        }
        else
            settings.Change(command.Url, command.Journal, command.Token, clock.Now());
        if (!string.IsNullOrWhiteSpace(command.Token))
            settings.KeepTokenAs(secrets.Protect(settings.Token));
        // The token is a secret: the audit trail says that it changed, never what it is.
        audit.Record(AuditAction.SettingChanged, AuditTexts.AccountingConnectorSet(settings.Url.ToString(), settings.Journal, !string.IsNullOrWhiteSpace(command.Token)),
            "accounting.connector", storeId);
        await db.SaveChangesAsync(ct);
        return ViewOf(settings);
    }

    public Task<bool> IsConnectedAsync(Guid storeId, CancellationToken ct) => db.AccountingConnectors.AnyAsync(c => c.StoreId == storeId, ct);

    private static ConnectorView ViewOf(AccountingConnectorSettings s) => new(s.StoreId, s.Url, s.Journal, s.Token.Length > 0, s.ChangedAt);

    /// <summary>Pushes every day of the period that has Z reports and is not fully pushed yet.</summary>
    public async Task<IReadOnlyList<DayView>> PushAsync(Guid storeId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var days = await accounting.VouchersAsync(storeId, from, to, ct);
        var views = new List<DayView>();
        foreach (var day in days)
            views.Add(await PushDayAsync(storeId, day.BusinessDay, ct));
        return views;
    }

    public async Task<DayView> PushDayAsync(Guid storeId, DateOnly day, CancellationToken ct)
    {
        var voucher = await accounting.VoucherAsync(storeId, day, ct);
        var settings = await db.AccountingConnectors.AsNoTracking().FirstOrDefaultAsync(c => c.StoreId == storeId, ct)
            ?? throw DomainException.Conflict(ConnectorErrors.NotSet, "Set up the accounting system (address, journal, token) before pushing days to it.");
        var store = await StoreService.FindStoreAsync(db, storeId, ct);
        var chart = await accounting.ChartAsync(storeId, ct);
        var pushes = await PushesAsync(storeId, day, ct);
        var covered = pushes.SelectMany(p => p.ZReports).ToHashSet();
        var fresh = voucher.ZReportIds.Where(id => !covered.Contains(id)).ToList();
        if (fresh.Count > 0)
        {
            var part = await accounting.BuildAsync(store, day, await accounting.ZReportsAsync(fresh, ct), chart, ct);
            db.AccountingPushes.Add(new AccountingPush(Guid.CreateVersion7(), storeId, day, pushes.Count + 1, part.ZReportIds, part.TotalDebit, clock.Now()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                throw DomainException.Conflict(AccountingErrors.PushRunning, $"Another push of {day:yyyy-MM-dd} is under way; look at the day's status in a moment.");
            }
            pushes = await PushesAsync(storeId, day, ct);
        }
        foreach (var push in pushes.Where(p => p.Status != PushStatus.Pushed))
        {
            var part = await accounting.BuildAsync(store, day, await accounting.ZReportsAsync(push.ZReports, ct), chart, ct);
            await SendAsync(push, settings, ConnectorVoucher.Of(push, part), ct);
        }
        audit.Record(AuditAction.Exported, AuditTexts.AccountingDayPushed(day, settings.Url.ToString(), DayStatus.Of(voucher, pushes)), "accounting.push", storeId);
        await db.SaveChangesAsync(ct);
        return AccountingService.ViewOf(voucher, pushes);
    }

    private Task<List<AccountingPush>> PushesAsync(Guid storeId, DateOnly day, CancellationToken ct) =>
        db.AccountingPushes.Where(p => p.StoreId == storeId && p.BusinessDay == day).OrderBy(p => p.Part).ToListAsync(ct);

    private async Task SendAsync(AccountingPush push, AccountingConnectorSettings settings, ConnectorVoucher voucher, CancellationToken ct)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            push.Attempted(clock.Now());
            var result = await connector.PushAsync(settings, voucher, ct);
            switch (result.Outcome)
            {
                case ConnectorOutcome.Accepted:
                    push.Accepted(result.VoucherNumber!, clock.Now());
                    await db.SaveChangesAsync(ct);
                    return;
                case ConnectorOutcome.Rejected:
                    push.Failed(result.Error ?? "Refused by the accounting system.");
                    await db.SaveChangesAsync(ct);
                    return;
                case ConnectorOutcome.Transient:
                    push.Failed($"{result.Error} (attempt {push.Attempts}; push the day again to retry)");
                    await db.SaveChangesAsync(ct);
                    if (attempt < MaxAttempts)
                        await Task.Delay(Pause * attempt, clock, ct);
                    break;
            }
        }
    }
}
