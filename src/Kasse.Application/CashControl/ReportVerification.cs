using System.Globalization;
using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.CashControl;

/// <summary>
/// Part of journal verification: every stored X and Z report still reads exactly as its journal entry
/// recorded it, and no report the journal knows of has been deleted.
/// </summary>
public static class ReportVerification
{
    private static readonly string[] ReportKinds = [nameof(JournalEventKind.XReport), nameof(JournalEventKind.ZReport)];

    public static async Task<JournalBreak?> FirstBreakAsync(KasseDbContext db, Guid storeId, CancellationToken ct)
    {
        var reports = await db.RegisterReports.AsNoTracking().Where(r => r.StoreId == storeId)
            .Select(r => new { r.JournalSequence, r.Type, r.Number, r.Content }).ToListAsync(ct);
        var entries = await db.JournalEntries.AsNoTracking().Where(e => e.StoreId == storeId && ReportKinds.Contains(e.Kind))
            .Select(e => new { e.Sequence, e.Payload }).ToDictionaryAsync(e => e.Sequence, e => e.Payload, ct);
        foreach (var report in reports.OrderBy(r => r.JournalSequence))
        {
            var name = $"{report.Type} report {report.Number.ToString(CultureInfo.InvariantCulture)}";
            if (!entries.TryGetValue(report.JournalSequence, out var payload))
                return new JournalBreak(report.JournalSequence, $"{name} is not in the journal.");
            if (payload != report.Content)
                return new JournalBreak(report.JournalSequence,
                    $"{name} was changed after it was made: it no longer matches journal entry {report.JournalSequence.ToString(CultureInfo.InvariantCulture)}.");
        }
        var stored = reports.Select(r => r.JournalSequence).ToHashSet();
        if (entries.Keys.Where(s => !stored.Contains(s)).Order().FirstOrDefault() is var missing and > 0)
            return new JournalBreak(missing, $"The report of journal entry {missing.ToString(CultureInfo.InvariantCulture)} has been deleted.");
        return null;
    }
}
