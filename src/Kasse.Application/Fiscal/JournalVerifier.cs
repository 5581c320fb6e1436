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
/// Proves a store's journal is whole: the hash chain holds from the first entry to the head, and every
/// completed sale and return still reads exactly as its journal entry recorded it.
/// </summary>
public sealed class JournalVerifier(KasseDbContext db, SigningKeys keys)
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
                    && (e.Kind == nameof(JournalEventKind.SaleCompleted) || e.Kind == nameof(JournalEventKind.ReturnCompleted)
                        || e.Kind == nameof(JournalEventKind.TrainingReceipt)))
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
        if (await CashControl.ReportVerification.FirstBreakAsync(db, storeId, ct) is { } report)
            return new JournalVerification(storeId, chain.Entries, salesChecked, report);
        var signatures = await CheckSignaturesAsync(storeId, ct);
        return new JournalVerification(storeId, chain.Entries, salesChecked, signatures);
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
