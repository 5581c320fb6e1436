using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>
/// Finds the X or Z report behind a journal entry (SAF-T 13008/13009), so the export can attach its totals to
/// the event as its <c>eventReport</c>.
/// </summary>
public interface ISaftEventReports
{
    /// <returns>The reports of the given entries (all of one store), by journal sequence; entries without a report are left out.</returns>
    Task<IReadOnlyDictionary<long, RegisterReport>> ForEntriesAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct);

    /// <summary>
    /// The employees the store's reports made in the window name (per-employee payments, article groups and
    /// floats), so the file's master data lists each one: a report's period can begin before the export's.
    /// </summary>
    Task<IReadOnlyCollection<Guid>> EmployeesAsync(Guid storeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}

/// <summary>
/// The reports as they were made: the stored report of an entry is the very JSON its journal entry holds, so
/// the file shows exactly the figures the till printed and the journal proves.
/// </summary>
public sealed class StoredSaftEventReports(KasseDbContext db) : ISaftEventReports
{
    public async Task<IReadOnlyDictionary<long, RegisterReport>> ForEntriesAsync(IReadOnlyList<JournalEntry> entries, CancellationToken ct)
    {
        var wanted = entries.Where(e => e.Kind is nameof(JournalEventKind.XReport) or nameof(JournalEventKind.ZReport)).ToList();
        if (wanted.Count == 0)
            return new Dictionary<long, RegisterReport>();
        var storeId = wanted[0].StoreId;
        var sequences = wanted.Select(e => e.Sequence).ToList();
        var stored = await db.RegisterReports.AsNoTracking()
            .Where(r => r.StoreId == storeId && sequences.Contains(r.JournalSequence))
            .Select(r => new { r.JournalSequence, r.Content }).ToListAsync(ct);
        return stored.ToDictionary(r => r.JournalSequence, r => ReportPayload.Read(r.Content));
    }

    public async Task<IReadOnlyCollection<Guid>> EmployeesAsync(Guid storeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var employees = new HashSet<Guid>();
        long after = 0;
        // A page at a time: a year of reports on many tills stays in bounded memory.
        for (var pages = 0; pages < 100_000; pages++)
        {
            var page = await db.RegisterReports.AsNoTracking()
                .Where(r => r.StoreId == storeId && r.At >= from && r.At < to && r.JournalSequence > after)
                .OrderBy(r => r.JournalSequence).Take(200).Select(r => new { r.JournalSequence, r.Content }).ToListAsync(ct);
            foreach (var row in page)
            {
                var report = ReportPayload.Read(row.Content);
                employees.UnionWith(report.EmployeePayments.Select(p => p.EmployeeId).OfType<Guid>());
                employees.UnionWith(report.EmployeeArticleGroups.Select(p => p.EmployeeId).OfType<Guid>());
                employees.UnionWith(report.Cash.EmployeeFloats.Select(p => p.EmployeeId).OfType<Guid>());
                if (report.EmployeeId is { } made)
                    employees.Add(made);
            }
            if (page.Count < 200)
                break;
            after = page[^1].JournalSequence;
        }
        return employees;
    }
}
