using System.Security.Cryptography;
using System.Text;
using Kasse.Data;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Fiscal;

/// <summary>
/// Signs a completed sale or return by the Danish rules, in the transaction that completes it. The
/// register's row is already locked by its receipt number, so the per-register chain of signatures
/// cannot fork; the company's row is locked for its <c>nr</c>.
/// </summary>
public sealed class TransactionSigner(KasseDbContext db, SigningKeys keys)
{
    public async Task SignAsync(Sale sale, Store store, CancellationToken ct)
    {
        var key = await keys.ForCompanyAsync(store.CompanyId, ct);
        var number = await NextCompanyNumberAsync(store.CompanyId, ct);
        var previous = await db.Registers.Where(r => r.Id == sale.RegisterId).Select(r => r.LastSignature).SingleAsync(ct)
            ?? DanishSignature.FirstPrevious;
        var message = DanishSignature.Message(previous, number, sale, store.LocalTime(sale.ClosedAt!.Value), store.CompanyId);
        string signature;
        lock (key.PrivateKey)
            signature = Convert.ToBase64String(key.PrivateKey.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1));
        sale.Sign(number, signature, key.KeyVersion);
        await db.Database.ExecuteSqlAsync($"""UPDATE "Registers" SET "LastSignature" = {signature} WHERE "Id" = {sale.RegisterId}""", ct);
        if (NorwegianSignature.AppliesTo(store))
            await SignNorwegianAsync(sale, store, key, ct);
    }

    private async Task SignNorwegianAsync(Sale sale, Store store, SigningKeys.ActiveKey key, CancellationToken ct)
    {
        var previous = await db.Registers.Where(r => r.Id == sale.RegisterId).Select(r => r.LastNorwegianSignature).SingleAsync(ct)
            ?? NorwegianSignature.FirstPrevious;
        var message = NorwegianSignature.Message(previous, sale, store.LocalTime(sale.ClosedAt!.Value));
        string signature;
        lock (key.PrivateKey)
            signature = Convert.ToBase64String(key.PrivateKey.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
        sale.SignNorwegian(signature);
        await db.Database.ExecuteSqlAsync($"""UPDATE "Registers" SET "LastNorwegianSignature" = {signature} WHERE "Id" = {sale.RegisterId}""", ct);
    }

    /// <summary>One round trip: the UPDATE takes the company's row lock, which is held until commit, so keep what follows short.</summary>
    private async Task<long> NextCompanyNumberAsync(string companyId, CancellationToken ct)
    {
        var numbers = await db.Database.SqlQuery<long>(
            $"""UPDATE "CompanySequences" SET "LastNumber" = "LastNumber" + 1 WHERE "CompanyId" = {companyId} RETURNING "LastNumber" AS "Value" """)
            .ToListAsync(ct);
        if (numbers.Count == 1)
            return numbers[0];
        db.CompanySequences.Add(new CompanySequence { CompanyId = companyId, LastNumber = 1 });
        await db.SaveChangesAsync(ct);
        return 1;
    }
}
