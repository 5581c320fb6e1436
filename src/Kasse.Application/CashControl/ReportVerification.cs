using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kasse.Application.Fiscal;
using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.CashControl;

/// <summary>
/// Part of journal verification, for the X and Z reports of a store: every stored report still reads exactly as its
/// journal entry recorded it and none the journal knows of is deleted; each register's Z numbers have no gap; each
/// report still matches what it covers (its receipts, their total and numbers, and every event of its period,
/// recounted from the journal and the receipts); and each signed report's signature holds over its content, its
/// coverage and the journal's hash at its own entry, which the chain must still have. The last is the anchor: an
/// entry before a report rewritten or deleted, even with every hash after it recomputed, is named.
/// </summary>
public static class ReportVerification
{
    private static readonly string[] ReportKinds = [nameof(JournalEventKind.XReport), nameof(JournalEventKind.ZReport)];
    private static readonly string[] ReceiptKinds =
        [nameof(JournalEventKind.SaleCompleted), nameof(JournalEventKind.ReturnCompleted), nameof(JournalEventKind.TrainingReceipt)];

    public static async Task<(List<JournalBreak> Breaks, List<string> Notes)> CheckAsync(KasseDbContext db, SigningKeys keys, Guid storeId,
        CancellationToken ct)
    {
        var breaks = new List<JournalBreak>();
        var reports = await db.RegisterReports.AsNoTracking().Where(r => r.StoreId == storeId).OrderBy(r => r.JournalSequence).ToListAsync(ct);
        var entries = await db.JournalEntries.AsNoTracking().Where(e => e.StoreId == storeId && ReportKinds.Contains(e.Kind))
            .Select(e => new { e.Sequence, e.Payload, e.Hash }).ToDictionaryAsync(e => e.Sequence, ct);
        var registers = await db.Registers.AsNoTracking().Where(r => r.StoreId == storeId).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        string Name(StoredReport r) =>
            $"{r.Type} report {r.Number.ToString(CultureInfo.InvariantCulture)} of register '{registers.GetValueOrDefault(r.RegisterId, r.RegisterId.ToString())}'";

        foreach (var report in reports)
        {
            if (!entries.TryGetValue(report.JournalSequence, out var entry))
                breaks.Add(new JournalBreak(report.JournalSequence, $"{Name(report)} is not in the journal."));
            else if (entry.Payload != report.Content)
                breaks.Add(new JournalBreak(report.JournalSequence,
                    $"{report.Type} report {report.Number.ToString(CultureInfo.InvariantCulture)} was changed after it was made: it no longer matches "
                    + $"journal entry {report.JournalSequence.ToString(CultureInfo.InvariantCulture)} (register '{registers.GetValueOrDefault(report.RegisterId)}')."));
        }
        var stored = reports.Select(r => r.JournalSequence).ToHashSet();
        if (entries.Keys.Where(s => !stored.Contains(s)).Order().FirstOrDefault() is var missing and > 0)
            breaks.Add(new JournalBreak(missing, $"The report of journal entry {missing.ToString(CultureInfo.InvariantCulture)} has been deleted."));

        foreach (var register in reports.Where(r => r.Type == ReportType.Z).GroupBy(r => r.RegisterId))
        {
            long expected = 1;
            foreach (var z in register.OrderBy(r => r.Number))
            {
                if (z.Number != expected)
                    breaks.Add(new JournalBreak(z.JournalSequence, z.Number > expected
                        ? $"Z report {expected.ToString(CultureInfo.InvariantCulture)} of register '{registers.GetValueOrDefault(z.RegisterId)}' is missing: the register's Z reports jump to {z.Number.ToString(CultureInfo.InvariantCulture)}."
                        : $"{Name(z)} is out of order: it comes after Z report {(expected - 1).ToString(CultureInfo.InvariantCulture)}."));
                expected = z.Number + 1;
            }
        }

        // Once reports are signed, every later one must be: a report without a signature after that had it removed.
        var firstSigned = reports.FirstOrDefault(r => r.Signature is not null)?.JournalSequence;
        var unsigned = new List<StoredReport>();
        var publicKeys = new Dictionary<string, RSA?>();
        foreach (var register in reports.GroupBy(r => r.RegisterId))
        {
            long after = 0;
            foreach (var report in register.OrderBy(r => r.JournalSequence))
            {
                var now = await CoverageAsync(db, storeId, report.RegisterId, after, report.JournalSequence, ct);
                if (report.Type == ReportType.Z)
                    after = report.JournalSequence;
                if (report.Signature is null)
                {
                    if (firstSigned is { } signedFrom && report.JournalSequence > signedFrom)
                    {
                        breaks.Add(new JournalBreak(report.JournalSequence,
                            $"{Name(report)} has no signature, although reports made before it are signed: its signature was removed."));
                        continue;
                    }
                    unsigned.Add(report);
                    if (LegacyCoverage(report.Content) is { } made && made.DifferenceFrom(now, countsOnly: true) is { } legacy)
                        breaks.Add(Mismatch(Name(report), report, legacy));
                    continue;
                }
                if (report.Coverage is null || ReportCoverage.Parse(report.Coverage) is not { } covered)
                    breaks.Add(new JournalBreak(report.JournalSequence, $"{Name(report)} has lost the record of what it covers."));
                else if (covered.DifferenceFrom(now) is { } difference)
                    breaks.Add(Mismatch(Name(report), report, difference));
                if (entries.TryGetValue(report.JournalSequence, out var entry) && entry.Hash != report.AnchorHash)
                    breaks.Add(new JournalBreak(report.JournalSequence,
                        $"The journal was rewritten before {Name(report)}: its journal entry {report.JournalSequence.ToString(CultureInfo.InvariantCulture)} "
                        + "no longer has the hash the report signed when it was made, so an entry at or before it was changed, added or deleted "
                        + "afterwards and the chain of hashes recomputed."));
                if (report.KeyVersion is null)
                    continue;
                if (!publicKeys.TryGetValue(report.KeyVersion, out var publicKey))
                    publicKeys[report.KeyVersion] = publicKey = await keys.PublicKeyAsync(report.KeyVersion, ct);
                if (publicKey is null)
                    breaks.Add(new JournalBreak(report.JournalSequence, $"{Name(report)} is signed with key version {report.KeyVersion}, which is not known."));
                else if (!Verifies(publicKey, report.AnchorMessage(), report.Signature))
                    breaks.Add(new JournalBreak(report.JournalSequence,
                        $"{Name(report)} has a signature that does not match it: the report, what it covers, or its place and hash in the journal "
                        + "were changed after it was made."));
            }
        }

        var notes = new List<string>();
        if (unsigned.Count > 0)
            notes.Add($"{unsigned.Count.ToString(CultureInfo.InvariantCulture)} report(s) made before reports were signed "
                + $"({string.Join(", ", unsigned.Take(5).Select(Name))}{(unsigned.Count > 5 ? ", …" : "")}) are checked by their counts only: "
                + "they carry no signature that anchors the journal.");
        return (breaks, notes);
    }

    private static JournalBreak Mismatch(string name, StoredReport report, (string Counted, string Now) difference) =>
        new(report.JournalSequence, $"{name} does not match what it covers: it counted {difference.Counted}, but its period in the journal "
            + $"and the receipts now holds {difference.Now}. Something it covered was deleted, added or changed after it was made.");

    /// <summary>
    /// Recounts what a report covers: the register's journal entries after the previous Z report's entry and before the
    /// report's own, and the receipts they name as they are stored now.
    /// </summary>
    private static async Task<ReportCoverage> CoverageAsync(KasseDbContext db, Guid storeId, Guid registerId, long after, long upTo, CancellationToken ct)
    {
        var rows = await db.JournalEntries.AsNoTracking()
            .Where(e => e.StoreId == storeId && e.RegisterId == registerId && e.Sequence > after && e.Sequence < upTo)
            .OrderBy(e => e.Sequence).Select(e => new { e.Kind, e.SaleId }).ToListAsync(ct);
        var ids = rows.Where(r => r.SaleId is not null && ReceiptKinds.Contains(r.Kind)).Select(r => r.SaleId!.Value).Distinct().ToList();
        var receipts = new Dictionary<Guid, CoveredReceipt>();
        foreach (var slice in ids.Chunk(500))
            foreach (var sale in await db.Sales.AsNoTracking().Where(s => slice.Contains(s.Id))
                         .Select(s => new { s.Id, s.ReceiptNumber, s.TotalAmount, s.IsTraining }).ToListAsync(ct))
                receipts[sale.Id] = new CoveredReceipt(sale.ReceiptNumber, sale.TotalAmount, sale.IsTraining);
        return ReportCoverage.Of(rows.Select(r => new CoveredEntry(r.Kind,
            r.SaleId is { } id && receipts.TryGetValue(id, out var receipt) ? receipt : null)));
    }

    /// <summary>
    /// For a report made before reports were signed: the counts its own content states that mean the same as the
    /// coverage's (receipts, their numbers, training receipts, drawer openings). Its amounts are left out: what they
    /// add up has been defined differently over time.
    /// </summary>
    private static ReportCoverage? LegacyCoverage(string content)
    {
        try
        {
            var report = ReportPayload.Read(content);
            return new ReportCoverage(report.Sales.Count, report.Returns.Count, report.Training.Count, 0m,
                report.Period.FirstReceiptNumber, report.Period.LastReceiptNumber,
                new Dictionary<string, int> { [nameof(JournalEventKind.DrawerOpened)] = report.DrawerOpens });
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static bool Verifies(RSA publicKey, string message, string signature)
    {
        try
        {
            return publicKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(signature), HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
