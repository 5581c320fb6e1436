using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Fiscal;

public abstract class SignatureTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<X509Certificate2> CertificateAsync(string keyVersion)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        var key = await db.SigningKeys.AsNoTracking().SingleAsync(k => k.KeyVersion == keyVersion);
        return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(key.Certificate));
    }

    /// <summary>The Danish rules' message, written out here independently of Kasse's own code.</summary>
    private static string ExpectedMessage(string previous, SaleView sale, string cvr)
    {
        var local = TimeZoneInfo.ConvertTime(sale.ClosedAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen"));
        var vat = sale.Vat.Sum(v => v.Vat);
        return string.Join(';', previous, sale.TransactionNumber!.Value.ToString(CultureInfo.InvariantCulture), sale.Id.ToString(),
            sale.Kind == SaleKind.Return ? "11006" : "11001", local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            local.ToString("HH:mm:ss", CultureInfo.InvariantCulture), sale.CashierId?.ToString() ?? "0",
            sale.TotalAmount.ToString("0.00", CultureInfo.InvariantCulture), (sale.TotalAmount - vat).ToString("0.00", CultureInfo.InvariantCulture),
            sale.RegisterId.ToString(), cvr);
    }

    [Fact]
    public async Task Every_receipt_is_signed_rsa_sha512_chained_per_register_with_nr_running_per_company()
    {
        var shop = await _api.NewShopAsync();
        var register2 = await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2");
        var item = await _api.NewProductAsync(99.95m);
        var first = await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        var onTwo = await _api.SellAsync(shop with { Register = register2 }, PaymentMethod.Cash, (item, 2m));
        var second = await _api.SellAsync(shop, PaymentMethod.MobilePay, (item, 3m));
        var ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, second.Id,
            [new ReturnLineRequest(second.Lines[0].Id, 1m)]));

        Assert.Equal([1L, 2L, 3L, 4L], new[] { first, onTwo, second, ret }.Select(s => s.TransactionNumber!.Value));
        using var certificate = await CertificateAsync(first.KeyVersion!);
        using var rsa = certificate.GetRSAPublicKey()!;
        bool Signed(string previous, SaleView sale) => rsa.VerifyData(Encoding.UTF8.GetBytes(ExpectedMessage(previous, sale, shop.Store.CompanyId)),
            Convert.FromBase64String(sale.Signature!), HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
        Assert.True(Signed("0", first), "The first receipt of register 1 is signed over prevSignature 0.");
        Assert.True(Signed("0", onTwo), "Register 2 starts its own chain.");
        Assert.True(Signed(first.Signature!, second), "Register 1's second receipt chains to its first.");
        Assert.True(Signed(second.Signature!, ret), "A return is signed in the same chain, with negative amounts.");
        Assert.Contains("NOT VALID FOR FILING", certificate.Subject);
        Assert.Equal(certificate.Thumbprint, first.KeyVersion);
    }

    [Fact]
    public async Task A_receipt_re_signed_with_another_key_fails_verification()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(10.00m);
        var sale = await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        using var forger = RSA.Create(2048);
        var forged = Convert.ToBase64String(forger.SignData(Encoding.UTF8.GetBytes(ExpectedMessage("0", sale, shop.Store.CompanyId)),
            HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1));

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
            // Forge both copies, the sale's and the journal's, so only the signature can tell.
            await db.Database.ExecuteSqlAsync($"""UPDATE "Sales" SET "Signature" = {forged} WHERE "Id" = {sale.Id}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "Registers" SET "LastSignature" = {forged} WHERE "Id" = {shop.Register.Id}""");
            var entry = await db.JournalEntries.SingleAsync(e => e.SaleId == sale.Id);
            var payload = entry.Payload.Replace(sale.Signature!, forged, StringComparison.Ordinal);
            var rewritten = JournalEntry.Append(entry.Sequence - 1, entry.PreviousHash, entry.StoreId, entry.At, Enum.Parse<JournalEventKind>(entry.Kind),
                entry.RegisterId, entry.EmployeeId, entry.SaleId, payload);
            await db.Database.ExecuteSqlAsync($"""UPDATE "JournalEntries" SET "Payload" = {payload}, "Hash" = {rewritten.Hash} WHERE "Id" = {entry.Id}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE "JournalHeads" SET "LastHash" = {rewritten.Hash} WHERE "StoreId" = {shop.Store.Id}""");
        }
        var verification = await _api.Http.GetFromJsonAsync<JournalVerification>($"/api/v1/stores/{shop.Store.Id}/journal/verification", KasseClient.Json);

        Assert.False(verification!.IsIntact);
        Assert.Contains("signature", verification.FirstBreak!.Problem);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignaturesOnSqlite(SqliteServer server) : SignatureTests(server);

[Collection(PostgresCollection.Name)]
public sealed class SignaturesOnPostgres(PostgresServer server) : SignatureTests(server);
