using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Kasse.Application.Catalog;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Reliability;

/// <summary>
/// Product files as they arrive from real shops: saved by Excel in Windows-1252, with the wrong columns, with rows of
/// the wrong width, and big. Each is refused with the line (and column) to fix, and nothing of it is imported.
/// </summary>
public abstract class CsvImportTests(KasseServer server) : IDisposable
{
    private readonly KasseClient _api = server.Client();
    private readonly string _folder = Directory.CreateTempSubdirectory("kasse-csv-").FullName;

    private string[] Database => ["--database", server.Provider.ToString(), "--connection", server.Database.ConnectionString];

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private async Task<CliResult> ImportAsync(byte[] content)
    {
        var path = Path.Combine(_folder, $"products-{server.NextNumber()}.csv");
        await File.WriteAllBytesAsync(path, content);
        return await KasseProcess.RunAsync(["import", "products", path, .. Database]);
    }

    private async Task<int> ProductsWithSkuAsync(string prefix) =>
        (await _api.Http.GetFromJsonAsync<ProductPage>($"/api/v1/products?q={prefix}&take=10", KasseClient.Json))!.Total;

    [Fact]
    public async Task A_file_saved_in_Windows_1252_is_refused_at_the_line_where_the_first_non_UTF_8_byte_is()
    {
        var prefix = $"ENC{server.NextNumber()}";
        var utf8 = Encoding.UTF8.GetBytes($"sku;name;price;vat_rate\n{prefix}-1;Kaffe;10,00;25\n{prefix}-2;Te;12,00;25\n");
        var windows1252 = Encoding.Latin1.GetBytes($"{prefix}-3;Rødgrød;15,00;25\n{prefix}-4;Æbler;9,00;25\n");

        var result = await ImportAsync([.. utf8, .. windows1252]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 4", result.Error);
        Assert.Contains("UTF-8", result.Error);
        Assert.Equal(0, await ProductsWithSkuAsync(prefix));
    }

    [Fact]
    public async Task A_file_with_the_wrong_columns_names_the_missing_ones_on_line_1()
    {
        var result = await ImportAsync(Encoding.UTF8.GetBytes("varenummer;navn;pris;moms\nA1;Kaffe;10,00;25\n"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 1", result.Error);
        Assert.Contains("Missing column(s) sku, name, price, vat_rate", result.Error);
    }

    [Fact]
    public async Task A_row_of_the_wrong_width_is_reported_by_line()
    {
        var prefix = $"WID{server.NextNumber()}";
        var result = await ImportAsync(Encoding.UTF8.GetBytes($"sku;name;price;vat_rate\n{prefix}-1;Kaffe;10,00;25\n{prefix}-2;Te\n"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3: Has 2 fields; the header has 4.", result.Error);
        Assert.Equal(0, await ProductsWithSkuAsync(prefix));
    }

    [Fact]
    public async Task A_big_file_with_one_bad_row_deep_inside_names_that_line_and_imports_nothing()
    {
        const int rows = 60_000;
        var prefix = $"BIG{server.NextNumber()}";
        var csv = new StringBuilder("sku;name;price;vat_rate\n");
        for (var i = 1; i <= rows; i++)
            csv.Append(CultureInfo.InvariantCulture, $"{prefix}-{i};Vare nummer {i};{(i == 45_000 ? "gratis" : "12,50")};25\n");

        var result = await ImportAsync(Encoding.UTF8.GetBytes(csv.ToString()));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 45001, price: 'gratis' is not a price", result.Error);
        Assert.Equal(0, await ProductsWithSkuAsync(prefix));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CsvImportOnSqlite(SqliteServer server) : CsvImportTests(server);

[Collection(PostgresCollection.Name)]
public sealed class CsvImportOnPostgres(PostgresServer server) : CsvImportTests(server);
