using System.Net;
using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Fiscal;

/// <summary>
/// The self-signed key's private half is protected by the key ring in the data folder: the real <c>kasse</c>, restarted,
/// signs on with the same key; a copy of the database in another folder (without the key ring) signs nothing and says
/// which folder to restore.
/// </summary>
public sealed class KeyRingTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("kasse-keyring-").FullName;
    private readonly string _copy = Directory.CreateTempSubdirectory("kasse-dbcopy-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_copy, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static async Task<HttpResponseMessage> TrySellAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        http.DefaultRequestHeaders.Add("X-Api-Key", DemoSeeder.DemoApiKey);
        var api = new KasseClient(http, null!);
        var sale = await KasseClient.Read<SaleView>(await api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), DemoSeeder.RegisterId, DemoSeeder.EmployeeId)));
        await api.ScanAsync(sale.Id, "5704312418755");
        await api.PayAsync(sale.Id, PaymentMethod.Card);
        return await api.TryCompleteAsync(sale.Id);
    }

    private static async Task<T> ServingAsync<T>(string data, Func<Uri, Task<T>> work)
    {
        var (process, address) = await KasseProcess.ServeAsync("--data", data);
        try
        {
            return await work(address);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    [Fact]
    public async Task A_restarted_kasse_signs_with_the_same_key_and_a_database_copy_without_the_key_ring_signs_nothing()
    {
        var first = await ServingAsync(_data, async address => await KasseClient.Read<SaleView>(await TrySellAsync(address)));
        foreach (var file in Directory.GetFiles(_data, "kasse.db*"))
            File.Copy(file, Path.Combine(_copy, Path.GetFileName(file)));

        var copied = await ServingAsync(_copy, TrySellAsync);
        var problem = await KasseClient.Problem(copied, HttpStatusCode.ServiceUnavailable, "signing.key-ring-missing");
        var again = await ServingAsync(_data, async address => await KasseClient.Read<SaleView>(await TrySellAsync(address)));
        var verified = await KasseProcess.RunAsync("journal", "verify", "--data", _data);

        Assert.NotNull(first.KeyVersion);
        Assert.Contains(Path.Combine(_copy, "keys"), problem.GetProperty("detail").GetString());
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_data, "keys"), "key-*.xml"));
        Assert.Equal(first.KeyVersion, again.KeyVersion);
        Assert.Equal(2, again.ReceiptNumber);
        Assert.True(verified.ExitCode == 0, verified.Output + verified.Error);
    }
}
