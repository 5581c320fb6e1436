using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kasse.Application.Fiscal;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Fiscal;

/// <summary>A business's own certificate (PKCS#12 file) signs instead of the self-signed demo key.</summary>
public sealed class ConfiguredCertificateTests
{
    [Fact]
    public async Task Receipts_are_signed_with_the_configured_certificate_and_verify()
    {
        var folder = Directory.CreateTempSubdirectory("kasse-cert-").FullName;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var rsa = RSA.Create(2048);
        using var own = new CertificateRequest("CN=Købmand Test A/S, O=CVR 87654321", rsa, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(folder, "oces.p12");
        await File.WriteAllBytesAsync(path, own.Export(X509ContentType.Pkcs12, "hemmelig"));
        try
        {
            await using var host = await KasseHost.StartAsync(DatabaseProvider.Sqlite, database.ConnectionString, new Dictionary<string, string?>
            {
                [SigningSettings.PathKey] = path,
                [SigningSettings.PasswordKey] = "hemmelig",
            });
            using var http = await host.OwnerClientAsync();
            var api = new KasseClient(http, new SqliteServer());
            var shop = await api.NewShopAsync();
            var item = await api.NewProductAsync(12.00m);
            var first = await api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
            var second = await api.SellAsync(shop, PaymentMethod.Cash, (item, 2m));
            var verification = await http.GetFromJsonAsync<JournalVerification>($"/api/v1/stores/{shop.Store.Id}/journal/verification", KasseClient.Json);

            Assert.Equal(own.Thumbprint, first.KeyVersion);
            Assert.Equal(own.Thumbprint, second.KeyVersion);
            Assert.True(verification!.IsIntact, verification.FirstBreak?.Problem);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
