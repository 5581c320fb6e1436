using System.Text;
using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Hosting;

/// <summary>
/// The key ring's keys are encrypted on disk: the real <c>kasse</c>, with no certificate configured, makes a
/// self-signed one in the data folder (readable by its owner only) and says so; the key files it writes hold no
/// master key in clear, and ASP.NET Core's "No XML encryptor configured" warning is gone.
/// </summary>
public sealed class KeyRingAtRestTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("kasse-keyring-at-rest-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>One sale sold through the API with the demo's key, as a till would.</summary>
    public static async Task<SaleView> SellAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoSeeder.DemoApiKey);
        var api = new KasseClient(http, null!);
        var sale = await KasseClient.Read<SaleView>(await api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), DemoSeeder.RegisterId, DemoSeeder.EmployeeId)));
        await api.ScanAsync(sale.Id, "5704312418755");
        await api.PayAsync(sale.Id, PaymentMethod.Card);
        return await KasseClient.Read<SaleView>(await api.TryCompleteAsync(sale.Id));
    }

    [Fact]
    public async Task The_key_files_hold_no_master_key_in_clear_and_the_self_signed_certificate_is_the_owners_only()
    {
        var seen = new StringBuilder();
        var (process, address) = await KasseProcess.ServeAsync(seen, "--data", _data);
        SaleView sold;
        try
        {
            sold = await SellAsync(address);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
        var keys = Directory.GetFiles(Path.Combine(_data, "keys"), "key-*.xml").Select(File.ReadAllText).ToList();
        var certificate = Path.Combine(_data, KeyRingCertificates.SelfSignedFileName);
        string printed;
        lock (seen)
            printed = seen.ToString();

        Assert.NotNull(sold.KeyVersion);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml);
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        Assert.True(File.Exists(certificate));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(certificate));
        Assert.DoesNotContain("No XML encryptor configured", printed);
        Assert.Contains(certificate, printed);
        Assert.Contains(KeyRing.CertificateKey, printed);
    }
}
