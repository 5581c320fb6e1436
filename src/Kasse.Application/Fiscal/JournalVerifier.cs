using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Fiscal;

/// <summary>
/// Proves a store's journal is whole: the hash chain holds from the first entry to the head; every completed sale
/// and return still reads exactly as its journal entry recorded it; every X and Z report matches what it covers and
/// its signed anchor still holds (<see cref="CashControl.ReportVerification"/>); every receipt's signature holds in
/// its register's chain; and the company's transaction counter agrees with the numbered transactions there are.
/// </summary>
public sealed class JournalVerifier(KasseDbContext db, SigningKeys keys)
{
    private const int Page = 1000;

    public async Task<JournalVerification> VerifyAsync(Guid storeId, CancellationToken ct)
    {
        var chain = await CheckChainAsync(storeId, ct);
        if (chain.Break is not null)
            return Broken(storeId, chain.Entries, 0, chain.Break);

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
                    && (e.Kind == nameof(JournalEventKind.SaleCompleted) || e.Kind == nameof(JournalEventKind.ReturnCompleted)
                        || e.Kind == nameof(JournalEventKind.TrainingReceipt)))
                .ToListAsync(ct);
            foreach (var sale in sales)
            {
                var entries = recorded.Where(e => e.SaleId == sale.Id).ToList();
                var receipt = $"Receipt {sale.ReceiptNumber?.ToString(CultureInfo.InvariantCulture)} of register {sale.RegisterId}";
                if (entries.Count != 1)
                    return Broken(storeId, chain.Entries, salesChecked,
                        new JournalBreak(0, entries.Count == 0 ? $"{receipt} is not in the journal." : $"{receipt} is in the journal {entries.Count} times."));
                if (entries[0].Payload != FiscalPayload.ForSale(sale) || entries[0].At != sale.ClosedAt)
                    return Broken(storeId, chain.Entries, salesChecked,
                        new JournalBreak(entries[0].Sequence, $"{receipt} was changed after it was completed: it no longer matches journal entry {entries[0].Sequence}."));
                salesChecked++;
            }
            after = sales[^1].Id;
        }
        // From here on every break is named, not only the first: a rewrite usually shows in several places, and the
        // report that no longer matches its receipts says best what was taken away.
        var (breaks, notes) = await CashControl.ReportVerification.CheckAsync(db, keys, storeId, ct);
        if (await CheckSignaturesAsync(storeId, ct) is { } signatures)
            breaks.Add(signatures);
        if (await CheckCompanyCounterAsync(storeId, ct) is { } counter)
            breaks.Add(counter);
        return new JournalVerification(storeId, chain.Entries, salesChecked, breaks, notes);
    }

    private static JournalVerification Broken(Guid storeId, long entries, long sales, JournalBreak first) =>
        new(storeId, entries, sales, [first], []);

    /// <summary>
    /// Every table whose rows take a SAF-T transaction number (<c>nr</c>) from the company's counter
    /// (<c>CompanySequences</c>), given the company's stores. A new kind of numbered transaction is added here, and
    /// the counter check below covers it.
    /// </summary>
    private static readonly Func<KasseDbContext, List<Guid>, IQueryable<long>>[] NumberedTransactions =
    [
        (db, stores) => db.Sales.Where(s => stores.Contains(s.StoreId) && s.TransactionNumber != null).Select(s => s.TransactionNumber!.Value),
        // Drops and pay-ins are transactions of their own (11010/11011), numbered in the same sequence.
        (db, stores) => db.CashMovements.Where(m => stores.Contains(m.StoreId) && m.TransactionNumber != null).Select(m => m.TransactionNumber!.Value),
    ];

    /// <summary>
    /// The company's counter against the numbered transactions: they must be exactly 1 … counter. A counter above
    /// the highest <c>nr</c>, or a gap, means a transaction was deleted; a number twice, that one was copied.
    /// </summary>
    private async Task<JournalBreak?> CheckCompanyCounterAsync(Guid storeId, CancellationToken ct)
    {
        var companyId = await db.Stores.AsNoTracking().Where(s => s.Id == storeId).Select(s => s.CompanyId).FirstAsync(ct);
        var stores = await db.Stores.AsNoTracking().Where(s => s.CompanyId == companyId).Select(s => s.Id).ToListAsync(ct);
        var counter = await CounterAsync(companyId, ct);
        // Numbers up to the counter read are all committed (each took the counter's row lock in turn and committed with
        // it); a higher one may be a sale completing right now, so the counter is read again before calling it wrong.
        var all = NumberedTransactions.Select(source => source(db, stores)).Aggregate((a, b) => a.Concat(b));
        var numbers = all.Where(x => x <= counter);
        var count = await numbers.LongCountAsync(ct);
        var distinct = await numbers.Distinct().LongCountAsync(ct);
        var highest = await numbers.Select(x => (long?)x).MaxAsync(ct) ?? 0;
        var company = $"Company CVR {companyId}";
        var n = (long value) => value.ToString(CultureInfo.InvariantCulture);
        if (await all.Select(x => (long?)x).MaxAsync(ct) is { } above && above > counter && above > await CounterAsync(companyId, ct))
            return new JournalBreak(0, $"{company} has a transaction with nr {n(above)}, but its counter has given out numbers only up to {n(counter)}: "
                + "the counter was set back.");
        if (counter > highest)
            return new JournalBreak(0, $"{company} has given out transaction numbers (nr) up to {n(counter)}, but the highest nr of a transaction "
                + $"is {n(highest)}: {(counter - highest == 1 ? "the transaction with nr " + n(counter) + " is" : $"the transactions with nr {n(highest + 1)}–{n(counter)} are")} missing.");
        if (distinct < count)
            return new JournalBreak(0, $"{company} has {n(count - distinct)} transaction number(s) (nr) used more than once.");
        if (count < counter)
        {
            // Rare (something was deleted), so reading the numbers to name the first one missing is worth it.
            long expected = 1;
            foreach (var number in await numbers.OrderBy(x => x).ToListAsync(ct))
            {
                if (number != expected)
                    break;
                expected++;
            }
            return new JournalBreak(0, $"{company} has no transaction with nr {n(expected)}, although its counter has given out numbers up to "
                + $"{n(counter)}: {n(counter - count)} transaction(s) were deleted.");
        }
        return null;
    }

    /// <summary>
    /// Walks each register's signature chain — its receipts and its drops and pay-ins (SAF-T 11010/11011), in the
    /// order they were signed (the company's <c>nr</c>) — and checks every Danish signature against the signing
    /// certificate of its key version and against the previous transaction's signature; for a store in Norway, the
    /// Norwegian signature and its own chain as well.
    /// </summary>
    private async Task<JournalBreak?> CheckSignaturesAsync(Guid storeId, CancellationToken ct)
    {
        var store = await db.Stores.AsNoTracking().FirstAsync(s => s.Id == storeId, ct);
        var publicKeys = new Dictionary<string, RSA?>();
        var norwegian = NorwegianSignature.AppliesTo(store);
        foreach (var register in await db.Registers.AsNoTracking().Where(r => r.StoreId == storeId).ToListAsync(ct))
        {
            var unsigned = await db.Sales.AsNoTracking()
                .Where(s => s.RegisterId == register.Id && s.Status == SaleStatus.Completed && (s.TransactionNumber == null || s.Signature == null || s.KeyVersion == null))
                .OrderBy(s => s.ReceiptNumber).Select(s => s.ReceiptNumber).FirstOrDefaultAsync(ct);
            if (unsigned is not null)
                return new JournalBreak(0, $"Receipt {unsigned.Value.ToString(CultureInfo.InvariantCulture)} of register {register.Name} is not signed.");

            var previous = DanishSignature.FirstPrevious;
            var previousNorwegian = NorwegianSignature.FirstPrevious;
            var registerId = register.Id;
            var receipts = RegisterChain.PagedAsync(async (after, token) => (await db.Sales.AsNoTracking()
                    .Where(s => s.RegisterId == registerId && s.Status == SaleStatus.Completed && s.TransactionNumber > after)
                    .OrderBy(s => s.TransactionNumber).Take(Page).ToListAsync(token))
                    .Select(s => new Link(s.TransactionNumber!.Value, s.Signature, s.NorwegianSignature, s.KeyVersion, s.ClosedAt!.Value,
                        $"Receipt {s.ReceiptNumber?.ToString(CultureInfo.InvariantCulture)} of register {register.Name}", SignedTransaction.Of(s))).ToList(),
                l => l.Number, Page, ct);
            // A movement recorded before movements were signed has no nr and is in no chain.
            var movements = RegisterChain.PagedAsync(async (after, token) => (await db.CashMovements.AsNoTracking()
                    .Where(m => m.RegisterId == registerId && m.TransactionNumber > after)
                    .OrderBy(m => m.TransactionNumber).Take(Page).ToListAsync(token))
                    .Select(m => new Link(m.TransactionNumber!.Value, m.Signature, m.NorwegianSignature, m.KeyVersion, m.At,
                        $"The {(m.Kind == CashMovementKind.Drop ? "drop" : "pay-in")} of {DanishSignature.Amount(m.Amount)} ({m.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC) on register {register.Name}",
                        SignedTransaction.Of(m))).ToList(),
                l => l.Number, Page, ct);
            await foreach (var link in RegisterChain.MergeAsync(receipts, movements, l => l.Number, ct))
            {
                if (link.Signature is null || link.KeyVersion is null)
                    return new JournalBreak(0, $"{link.Name} is not signed.");
                if (!publicKeys.TryGetValue(link.KeyVersion, out var publicKey))
                    publicKeys[link.KeyVersion] = publicKey = await keys.PublicKeyAsync(link.KeyVersion, ct);
                if (publicKey is null)
                    return new JournalBreak(0, $"{link.Name} is signed with key version {link.KeyVersion}, which is not known.");
                var local = store.LocalTime(link.At);
                var message = DanishSignature.Message(previous, link.Number, link.Fields, local, store.CompanyId);
                if (!Verifies(publicKey, message, link.Signature, HashAlgorithmName.SHA512))
                    return new JournalBreak(0, $"{link.Name} has a signature that does not match its content, its key or the transaction before it.");
                previous = link.Signature;
                if (norwegian)
                {
                    if (link.NorwegianSignature is null)
                        return new JournalBreak(0, $"{link.Name} has no Norwegian signature.");
                    var norwegianMessage = NorwegianSignature.Message(previousNorwegian, link.Number, link.Fields, local);
                    if (!Verifies(publicKey, norwegianMessage, link.NorwegianSignature, HashAlgorithmName.SHA1))
                        return new JournalBreak(0, $"{link.Name} has a Norwegian signature that does not match its content, its key or the transaction before it.");
                    previousNorwegian = link.NorwegianSignature;
                }
            }
            if ((register.LastSignature ?? DanishSignature.FirstPrevious) != previous
                || (norwegian && (register.LastNorwegianSignature ?? NorwegianSignature.FirstPrevious) != previousNorwegian))
                return new JournalBreak(0, $"Register {register.Name} signed a transaction after its last one here: receipts, drops or pay-ins at the end are missing.");
        }
        return null;
    }

    /// <summary>One signed transaction of a register's chain: a receipt, a drop or a pay-in.</summary>
    private sealed record Link(long Number, string? Signature, string? NorwegianSignature, string? KeyVersion, DateTimeOffset At, string Name,
        SignedTransaction Fields);

    private async Task<long> CounterAsync(string companyId, CancellationToken ct) =>
        await db.CompanySequences.AsNoTracking().Where(c => c.CompanyId == companyId).Select(c => (long?)c.LastNumber).FirstOrDefaultAsync(ct) ?? 0;

    private static bool Verifies(RSA publicKey, string message, string signature, HashAlgorithmName hash)
    {
        try
        {
            return publicKey.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(signature), hash, RSASignaturePadding.Pkcs1);
        }
        catch (FormatException)
        {
            return false;
        }
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
