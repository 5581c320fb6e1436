using System.Globalization;
using Kasse.Data;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Fiscal;

/// <summary>
/// Proves a store's journal is whole: the hash chain holds from the first entry to the head, and every
/// completed sale and return still reads exactly as its journal entry recorded it.
/// </summary>
public sealed class JournalVerifier(KasseDbContext db)
{
    private const int Page = 1000;

    public async Task<JournalVerification> VerifyAsync(Guid storeId, CancellationToken ct)
    {
        var chain = await CheckChainAsync(storeId, ct);
        if (chain.Break is not null)
            return new JournalVerification(storeId, chain.Entries, 0, chain.Break);

        long salesChecked = 0;
        Guid after = Guid.Empty;
        while (true)
        {
            var sales = await db.Sales.AsNoTracking()
                .Where(s => s.StoreId == storeId && s.Status == SaleStatus.Completed && s.Id.CompareTo(after) > 0)
                .OrderBy(s => s.Id).Take(Page).ToListAsync(ct);
            if (sales.Count == 0)
                break;
            var ids = sales.Select(s => s.Id).ToList();
            var recorded = await db.JournalEntries.AsNoTracking()
                .Where(e => e.StoreId == storeId && e.SaleId != null && ids.Contains(e.SaleId.Value)
                    && (e.Kind == nameof(JournalEventKind.SaleCompleted) || e.Kind == nameof(JournalEventKind.ReturnCompleted)))
                .ToListAsync(ct);
            foreach (var sale in sales)
            {
                var entries = recorded.Where(e => e.SaleId == sale.Id).ToList();
                var receipt = $"Receipt {sale.ReceiptNumber?.ToString(CultureInfo.InvariantCulture)} of register {sale.RegisterId}";
                if (entries.Count != 1)
                    return new JournalVerification(storeId, chain.Entries, salesChecked,
                        new JournalBreak(0, entries.Count == 0 ? $"{receipt} is not in the journal." : $"{receipt} is in the journal {entries.Count} times."));
                if (entries[0].Payload != FiscalPayload.ForSale(sale) || entries[0].At != sale.ClosedAt)
                    return new JournalVerification(storeId, chain.Entries, salesChecked,
                        new JournalBreak(entries[0].Sequence, $"{receipt} was changed after it was completed: it no longer matches journal entry {entries[0].Sequence}."));
                salesChecked++;
            }
            after = sales[^1].Id;
        }
        return new JournalVerification(storeId, chain.Entries, salesChecked, null);
    }

    private async Task<(long Entries, JournalBreak? Break)> CheckChainAsync(Guid storeId, CancellationToken ct)
    {
        var chain = new JournalChain();
        long checkedEntries = 0;
        while (true)
        {
            // Keyset paging: the walker sees every entry in sequence order, so a gap or a swap is reported.
            var from = chain.LastSequence;
            var page = await db.JournalEntries.AsNoTracking().Where(e => e.StoreId == storeId && e.Sequence > from)
                .OrderBy(e => e.Sequence).Take(Page).ToListAsync(ct);
            foreach (var entry in page)
            {
                if (chain.Follow(entry) is { } broken)
                    return (checkedEntries, broken);
                checkedEntries++;
            }
            if (page.Count < Page)
                break;
        }
        var head = await db.JournalHeads.AsNoTracking().FirstOrDefaultAsync(h => h.StoreId == storeId, ct);
        if (head is not null && (head.LastSequence != chain.LastSequence || head.LastHash != chain.LastHash))
            return (checkedEntries, new JournalBreak(chain.LastSequence + 1,
                $"The journal ends at entry {chain.LastSequence}, but entry {head.LastSequence} was written: entries at the end are missing."));
        return (checkedEntries, null);
    }
}
