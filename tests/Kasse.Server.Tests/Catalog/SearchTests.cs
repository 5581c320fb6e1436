using System.Globalization;
using System.Net;
using System.Text;
using Kasse.Application.Catalog;
using Kasse.Application;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Catalog;

/// <summary>Name search as a cashier uses it, through the search indexes (FTS5 trigrams on SQLite, pg_trgm on PostgreSQL).</summary>
public abstract class SearchTests(KasseServer server) : IDisposable
{
    private readonly KasseClient _api = server.Client();
    private readonly string _folder = Directory.CreateTempSubdirectory("kasse-search-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string Token() => "zq" + server.NextNumber().ToString(CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("grød")]
    [InlineData("RØD")]
    [InlineData("rødgrød")]
    [InlineData("FLØDE")]
    [InlineData("d med f")]
    public async Task Three_letters_or_more_find_the_name_wherever_they_are_in_any_case(string fragment)
    {
        var token = Token();
        var dessert = await _api.NewProductAsync(39.95m, name: $"Rødgrød med fløde {token}");
        var other = await _api.NewProductAsync(39.95m, name: $"Risalamande {token}");

        var found = await Search(fragment, take: 500);

        Assert.Contains(found.Items, p => p.Id == dessert.Id);
        Assert.DoesNotContain(found.Items, p => p.Id == other.Id);
    }

    [Fact]
    public async Task One_or_two_letters_find_names_that_contain_them()
    {
        var token = Token();
        var beer = await _api.NewProductAsync(12.95m, name: $"Øx-bryg rødgrødsøl {token}");
        var other = await _api.NewProductAsync(12.95m, name: $"Hvidtøl {token}");

        var byTwo = await Search("øX", take: 500);
        var byOne = await Search("X", take: 500);
        var inside = await Search("dg", take: 500);

        Assert.Contains(byTwo.Items, p => p.Id == beer.Id);
        Assert.DoesNotContain(byTwo.Items, p => p.Id == other.Id);
        Assert.Contains(byOne.Items, p => p.Id == beer.Id);
        Assert.Contains(inside.Items, p => p.Id == beer.Id);
        Assert.DoesNotContain(inside.Items, p => p.Id == other.Id);
    }

    [Fact]
    public async Task Quotes_percent_signs_and_underscores_are_searched_as_text()
    {
        var token = Token();
        var coffee = await _api.NewProductAsync(49.95m, name: $"Kaffe 50% \"øko\" {token}");
        var lookalike = await _api.NewProductAsync(49.95m, name: $"Kaffe 50x {token}");

        var byPercent = await Search($"50% \"øko\" {token}");
        var byUnderscore = await Search("50_");

        Assert.Equal([coffee.Id], byPercent.Items.Select(p => p.Id));
        Assert.DoesNotContain(byUnderscore.Items, p => p.Id == lookalike.Id);
    }

    [Fact]
    public async Task Search_keeps_up_with_new_renamed_and_deactivated_products()
    {
        var token = Token();
        var juice = await _api.NewProductAsync(24.95m, name: $"Hyldebærsaft {token}");
        var foundNew = await Search($"hyldebærsaft {token}");

        await KasseClient.Read<ProductView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/products/{juice.Id}",
            new { sku = juice.Sku, name = $"Solbærsaft {token}", price = juice.Price, vatPercent = 25m }));
        var byOldName = await Search($"hyldebærsaft {token}");
        var byNewName = await Search($"solbærsaft {token}");
        await KasseClient.Read<ProductView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/products/{juice.Id}",
            new { sku = juice.Sku, name = $"Solbærsaft {token}", price = juice.Price, vatPercent = 25m, isActive = false }));
        var deactivated = await Search($"solbærsaft {token}");

        Assert.Equal([juice.Id], foundNew.Items.Select(p => p.Id));
        Assert.Equal(0, byOldName.Total);
        Assert.Equal([juice.Id], byNewName.Items.Select(p => p.Id));
        Assert.Equal(0, deactivated.Total);
    }

    [Fact]
    public async Task Imported_products_are_found_and_a_re_import_that_renames_them_is_followed()
    {
        var token = Token();
        var first = await Import("first.csv", $"{token}-1;Tyttebærsyltetøj {token};Kolonial;32,95;25;piece;;");
        var renamed = await Import("second.csv", $"{token}-1;Tranebærsyltetøj {token};Kolonial;32,95;25;piece;;");

        var byNewName = await Search($"tranebærsyltetøj {token}");
        var byOldName = await Search($"tyttebærsyltetøj {token}");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(renamed.ExitCode == 0, renamed.Error);
        Assert.Contains(byNewName.Items, p => p.Sku == $"{token}-1");
        Assert.Equal(0, byOldName.Total);
    }

    private async Task<CliResult> Import(string name, params string[] rows)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, "sku;name;category;price;vat_rate;unit;barcodes;cost_price\n" + string.Join('\n', rows) + "\n", new UTF8Encoding(false));
        return await KasseProcess.RunAsync(["import", "products", path, "--database", server.Provider.ToString(), "--connection", server.Database.ConnectionString]);
    }

    private async Task<ProductPage> Search(string query, int take = 50)
    {
        var response = await _api.Http.GetAsync($"/api/v1/products?q={Uri.EscapeDataString(query)}&take={take}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await KasseClient.Read<ProductPage>(response);
    }
}

/// <summary>
/// A catalogue with over a thousand matches, in a database of its own (so listings in the shared test database stay
/// small), imported and searched through the application's services in-process.
/// </summary>
public abstract class BroadSearchTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKasseDatabase(new DatabaseSettings(provider, _database.ConnectionString));
        services.AddKasseApplication();
        _services = services.BuildServiceProvider();
        await DatabaseSetup.MigrateAsync(_services, default);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task More_than_a_thousand_matches_are_counted_as_a_thousand_and_said_to_be_more()
    {
        var csv = new StringBuilder("sku;name;category;price;vat_rate;unit;barcodes;cost_price\n");
        for (var i = 0; i < CatalogService.MaxCount + 5; i++)
            csv.Append(CultureInfo.InvariantCulture, $"LP-{i};Leverpostej nr {i:D4};Pålæg;19,95;25;piece;;\n");
        csv.Append("RB-1;Rugbrød, groft;Brød;24,95;25;piece;;\n");
        await using (var scope = _services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ProductImporter>()
                .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), skipBadRows: false, default);
            Assert.True(report.Imported, string.Join("; ", report.Errors));
        }

        var all = await SearchAsync("leverpostej");
        var secondPage = await SearchAsync("leverpostej", skip: 50);
        var few = await SearchAsync("nr 010");
        var everything = await SearchAsync(null);

        Assert.Equal((CatalogService.MaxCount, true, 50), (all.Total, all.TotalCapped, all.Items.Count));
        Assert.Equal(all.Items.Concat(secondPage.Items).Select(p => p.Name).Order(StringComparer.Ordinal),
            all.Items.Concat(secondPage.Items).Select(p => p.Name));
        Assert.Empty(all.Items.Select(p => p.Id).Intersect(secondPage.Items.Select(p => p.Id)));
        Assert.Equal((10, false), (few.Total, few.TotalCapped));
        Assert.Equal(Enumerable.Range(100, 10).Select(i => $"Leverpostej nr {i:D4}"), few.Items.Select(p => p.Name));
        Assert.Equal((CatalogService.MaxCount, true), (everything.Total, everything.TotalCapped));
    }

    private async Task<ProductPage> SearchAsync(string? query, int skip = 0)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CatalogService>().SearchAsync(query, null, skip, 50, default);
    }
}

public sealed class BroadSearchOnSqlite() : BroadSearchTests(DatabaseProvider.Sqlite);

public sealed class BroadSearchOnPostgres() : BroadSearchTests(DatabaseProvider.Postgres);

[Collection(SqliteCollection.Name)]
public sealed class SearchOnSqlite(SqliteServer server) : SearchTests(server);

[Collection(PostgresCollection.Name)]
public sealed class SearchOnPostgres(PostgresServer server) : SearchTests(server);
