using System.Security.Cryptography;
using System.Text;
using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Fiscal;

/// <summary>
/// Signs a completed sale or return, and a drop or pay-in (a SAF-T transaction of its own), by the Danish
/// rules in the transaction that records it. The register's row is already locked by the caller, so the
/// per-register chain of signatures cannot fork; the company's row is locked for its <c>nr</c>.
/// </summary>
public sealed class TransactionSigner(KasseDbContext db, SigningKeys keys)
{
    public async Task SignAsync(Sale sale, Store store, CancellationToken ct)
    {
        var local = store.LocalTime(sale.ClosedAt!.Value);
        var (number, signature, key) = await SignDanishAsync(sale.RegisterId, store, (previous, nr) => DanishSignature.Message(previous, nr, sale, local, store.CompanyId), ct);
        sale.Sign(number, signature, key.KeyVersion);
        if (NorwegianSignature.AppliesTo(store))
            sale.SignNorwegian(await SignNorwegianAsync(sale.RegisterId, key, previous => NorwegianSignature.Message(previous, sale, local), ct));
    }

    /// <summary>A drop (11010) or pay-in (11011), in the same chain as the register's receipts.</summary>
    public async Task SignAsync(CashMovement movement, Store store, CancellationToken ct)
    {
        var local = store.LocalTime(movement.At);
        var (number, signature, key) = await SignDanishAsync(movement.RegisterId, store,
            (previous, nr) => DanishSignature.Message(previous, nr, movement, local, store.CompanyId), ct);
        movement.Sign(number, signature, key.KeyVersion);
        if (NorwegianSignature.AppliesTo(store))
            movement.SignNorwegian(await SignNorwegianAsync(movement.RegisterId, key, previous => NorwegianSignature.Message(previous, movement, local), ct));
    }

    private async Task<(long Number, string Signature, SigningKeys.ActiveKey Key)> SignDanishAsync(Guid registerId, Store store,
        Func<string, long, string> message, CancellationToken ct)
    {
        var key = await keys.ForCompanyAsync(store.CompanyId, ct);
        var number = await NextCompanyNumberAsync(store.CompanyId, ct);
        var previous = await db.LastSignatureAsync(registerId, SignatureChain.Danish, ct) ?? DanishSignature.FirstPrevious;
        var text = message(previous, number);
        string signature;
        lock (key.PrivateKey)
            signature = Convert.ToBase64String(key.PrivateKey.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1));
        await db.SetLastSignatureAsync(registerId, SignatureChain.Danish, signature, ct);
        return (number, signature, key);
    }

    private async Task<string> SignNorwegianAsync(Guid registerId, SigningKeys.ActiveKey key, Func<string, string> message, CancellationToken ct)
    {
        var previous = await db.LastSignatureAsync(registerId, SignatureChain.Norwegian, ct) ?? NorwegianSignature.FirstPrevious;
        var text = message(previous);
        string signature;
        lock (key.PrivateKey)
            signature = Convert.ToBase64String(key.PrivateKey.SignData(Encoding.UTF8.GetBytes(text), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
        await db.SetLastSignatureAsync(registerId, SignatureChain.Norwegian, signature, ct);
        return signature;
    }

    /// <summary>The company's row is locked until commit, so keep what follows short.</summary>
    private async Task<long> NextCompanyNumberAsync(string companyId, CancellationToken ct)
    {
        if (await db.NextCompanyNumberAsync(companyId, ct) is { } number)
            return number;
        db.CompanySequences.Add(new CompanySequence { CompanyId = companyId, LastNumber = 1 });
        await db.SaveChangesAsync(ct);
        return 1;
    }
}
