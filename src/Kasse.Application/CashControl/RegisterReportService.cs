using System.Text.Json;
using Kasse.Application.Fiscal;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.CashControl;
using Kasse.Domain.Catalog;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.CashControl;

/// <summary>
/// X and Z reports of a register. A report's period is everything journaled on the register since its
/// last Z report (or since it was first used). A Z report closes that period: its full content is the
/// payload of its journal entry (SAF-T 13009), its grand totals carry into the next, and a second Z with
/// nothing new is refused. An X report reads the same figures without closing anything (13008).
/// </summary>
public sealed class RegisterReportService(KasseDbContext db, FiscalJournal journal, SigningKeys keys, TimeProvider clock, KasseTelemetry telemetry)
{
    private static readonly string[] ReceiptKinds =
        [nameof(JournalEventKind.SaleCompleted), nameof(JournalEventKind.ReturnCompleted), nameof(JournalEventKind.TrainingReceipt)];

    public Task<RegisterReport> XReportAsync(Guid registerId, MakeReport command, CancellationToken ct) =>
        db.CreateOnceAsync(() => MakeAsync(registerId, ReportType.X, command, ct));

    public Task<RegisterReport> ZReportAsync(Guid registerId, MakeReport command, CancellationToken ct) =>
        db.CreateOnceAsync(() => MakeAsync(registerId, ReportType.Z, command, ct));

    public async Task<RegisterReport> GetAsync(Guid reportId, CancellationToken ct)
    {
        var content = await db.RegisterReports.AsNoTracking().Where(r => r.Id == reportId).Select(r => r.Content).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(ReportErrors.NotFound, $"No X or Z report has id {reportId}.");
        return ReportPayload.Read(content);
    }

    public async Task<IReadOnlyList<RegisterReport>> ListZReportsAsync(Guid registerId, int take, CancellationToken ct)
    {
        if (take is < 1 or > 100)
            throw DomainException.Invalid(RequestErrors.Page, "take must be between 1 and 100.");
        await StoreService.FindRegisterAsync(db, registerId, ct);
        var contents = await db.RegisterReports.AsNoTracking().Where(r => r.RegisterId == registerId && r.Type == ReportType.Z)
            .OrderByDescending(r => r.Number).Take(take).Select(r => r.Content).ToListAsync(ct);
        return contents.Select(ReportPayload.Read).ToList();
    }

    private Task<RegisterReport> MakeAsync(Guid registerId, ReportType type, MakeReport command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid(ReportErrors.Id, "Give the report an id (a new UUID chosen by the till).");
        var existing = await db.RegisterReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.Id, ct);
        if (existing is not null)
            return existing.RegisterId == registerId && existing.Type == type
                ? ReportPayload.Read(existing.Content)
                : throw DomainException.Conflict(ReportErrors.IdUsed, $"Report id {command.Id} is already used by another report.");
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        await db.LockRegisterAsync(registerId, ct);
        var store = await StoreService.FindStoreAsync(db, register.StoreId, ct);
        await CashControlService.EnsureEmployeeAsync(db, command.EmployeeId, ct);
        var head = await db.LockJournalAsync(store.Id, ct);
        var previous = await db.RegisterReports.AsNoTracking().Where(r => r.RegisterId == registerId && r.Type == ReportType.Z)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        var after = previous?.JournalSequence ?? 0;

        var entries = await db.JournalEntries.AsNoTracking()
            .Where(e => e.StoreId == store.Id && e.RegisterId == registerId && e.Sequence > after && e.Sequence <= head)
            .Select(e => new PeriodEntry(e.Sequence, e.Kind, e.SaleId,
                e.Kind == nameof(JournalEventKind.ProvisionalReceipt) || e.Kind == nameof(JournalEventKind.PriceLookedUp) ? e.Payload : null))
            .ToListAsync(ct);
        var sessions = await db.RegisterSessions.AsNoTracking().Where(s => s.RegisterId == registerId && s.OpenedSequence > after).ToListAsync(ct);
        if (type == ReportType.Z)
        {
            if (sessions.Any(s => s.Status == SessionStatus.Open))
                throw DomainException.Conflict(ZReportErrors.SessionOpen,
                    $"Register '{register.Name}' has an open cash session. Count the cash and close it before the Z report.");
            if (entries.All(e => e.Kind == nameof(JournalEventKind.XReport)))
                throw previous is null
                    ? DomainException.Conflict(ZReportErrors.NothingNew, $"Nothing has happened on register '{register.Name}' yet; there is no period to close.")
                    : DomainException.Conflict(ZReportErrors.NothingNew, $"Nothing has happened on register '{register.Name}' since Z report {previous.Number}; there is no new period to close.");
        }
        var sessionIds = sessions.Select(s => s.Id).ToList();
        var movements = await db.CashMovements.AsNoTracking().Where(m => sessionIds.Contains(m.SessionId)).ToListAsync(ct);

        var receiptEntries = entries.Where(e => ReceiptKinds.Contains(e.Kind) && e.SaleId is not null).ToList();
        var sales = await SalesAsync(entries.Where(e => e.SaleId is not null).Select(e => e.SaleId!.Value), ct);
        var receipts = receiptEntries.Select(e => new ReportReceipt(sales[e.SaleId!.Value], e.Sequence)).ToList();
        var numbers = receipts.Select(r => r.Sale.ReceiptNumber ?? 0).ToList();
        var now = clock.Now();
        var input = new ReportInput(
            command.Id, type, (previous?.Number ?? 0) + 1, store, register, command.EmployeeId, now,
            new ReportPeriod(after, head, previous?.Number, previous?.At, numbers.Count == 0 ? null : numbers.Min(), numbers.Count == 0 ? null : numbers.Max()),
            previous?.GrandTotals ?? new GrandTotals(0.00m, 0.00m, 0.00m),
            receipts,
            await ArticleGroupsAsync(receipts.SelectMany(r => r.Sale.Lines).Select(l => l.ProductId), ct),
            SalesOf(entries, JournalEventKind.SaleVoided, sales),
            SalesOf(entries, JournalEventKind.CopyReceipt, sales),
            AmountsOf(entries, JournalEventKind.ProvisionalReceipt, "total"),
            AmountsOf(entries, JournalEventKind.PriceLookedUp, "price"),
            SalesOf(entries, JournalEventKind.DeliveryReceipt, sales),
            entries.Count(e => e.Kind == nameof(JournalEventKind.DrawerOpened)),
            sessions.OrderBy(s => s.OpenedSequence).Select(s => new ReportSession(s, movements.Where(m => m.SessionId == s.Id).ToList())).ToList());
        var report = RegisterReportCalculator.Calculate(input);
        var content = ReportPayload.Write(report);
        var entry = await journal.AppendAsync(store.Id, now, type == ReportType.Z ? JournalEventKind.ZReport : JournalEventKind.XReport,
            register.Id, command.EmployeeId, null, content, ct);
        var stored = StoredReport.Of(report, entry.Sequence, content);
        // The report signs what it covers and the journal's hash at its own entry: rewriting anything before it,
        // even with the chain recomputed, then needs the company's private key to go unnoticed.
        var coverage = ReportCoverage.Of(entries.Select(e => new CoveredEntry(e.Kind,
            e.SaleId is { } id && sales.TryGetValue(id, out var sale) ? new CoveredReceipt(sale.ReceiptNumber, sale.TotalAmount, sale.IsTraining) : null)))
            .Canonical();
        var key = await keys.ForCompanyAsync(store.CompanyId, ct);
        var message = StoredReport.AnchorMessage(stored.Id, stored.StoreId, stored.RegisterId, stored.Type, stored.Number, entry.Sequence, entry.Hash,
            content, coverage);
        stored.Anchor(entry.Hash, coverage, SigningKeys.Sign(key, message), key.KeyVersion);
        db.RegisterReports.Add(stored);
        await db.SaveChangesAsync(ct);
        db.AfterCommit(() => telemetry.ReportMade(report));
        return report;
    }, ct);

    private async Task<Dictionary<Guid, Sale>> SalesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        var sales = new Dictionary<Guid, Sale>();
        // In slices, so a busy day's thousands of receipts never make one oversized query.
        foreach (var slice in wanted.Chunk(500))
            foreach (var sale in await db.Sales.AsNoTracking().AsSplitQuery().Where(s => slice.Contains(s.Id)).ToListAsync(ct))
                sales[sale.Id] = sale;
        return sales;
    }

    private async Task<Dictionary<Guid, ArticleGroup>> ArticleGroupsAsync(IEnumerable<Guid?> productIds, CancellationToken ct)
    {
        var ids = productIds.OfType<Guid>().Distinct().ToList();
        var groups = new Dictionary<Guid, ArticleGroup>();
        foreach (var slice in ids.Chunk(500))
        {
            var rows = await db.Products.AsNoTracking().Where(p => slice.Contains(p.Id))
                .GroupJoin(db.Categories, p => p.CategoryId, c => c.Id, (p, c) => new { p.Id, Categories = c })
                .SelectMany(x => x.Categories.DefaultIfEmpty(), (x, c) => new { x.Id, CategoryId = c == null ? (Guid?)null : c.Id, Name = c == null ? null : c.Name })
                .ToListAsync(ct);
            foreach (var row in rows)
                groups[row.Id] = row.CategoryId is null ? ArticleGroup.None : new ArticleGroup(row.CategoryId, row.Name!);
        }
        return groups;
    }

    private static List<Sale> SalesOf(IEnumerable<PeriodEntry> entries, JournalEventKind kind, Dictionary<Guid, Sale> sales) =>
        entries.Where(e => e.Kind == kind.ToString() && e.SaleId is { } id && sales.ContainsKey(id)).Select(e => sales[e.SaleId!.Value]).ToList();

    private static List<decimal> AmountsOf(IEnumerable<PeriodEntry> entries, JournalEventKind kind, string field) =>
        entries.Where(e => e.Kind == kind.ToString() && e.Payload is not null)
            .Select(e => AmountIn(e.Payload!, field))
            .ToList();

    private static decimal AmountIn(string payload, string field)
    {
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.TryGetProperty(field, out var value) ? value.GetDecimal() : 0m;
    }

    private sealed record PeriodEntry(long Sequence, string Kind, Guid? SaleId, string? Payload);
}
