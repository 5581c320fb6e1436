using System.Net.Http.Json;
using System.Text;
using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Stores;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Cli;

public abstract class CommandLineTests(KasseServer server) : IDisposable
{
    private readonly KasseClient _api = server.Client();
    private readonly string _folder = Directory.CreateTempSubdirectory("kasse-cli-").FullName;

    private string[] Database => ["--database", server.Provider.ToString(), "--connection", server.Database.ConnectionString];

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private string CsvFile(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task A_product_file_with_bad_rows_is_refused_with_line_numbers_and_imports_nothing()
    {
        var n = server.NextNumber();
        var good = _api.NewEan13();
        var badDigit = good[..12] + ((good[12] - '0' + 3) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var file = CsvFile("products.csv",
            "sku;name;category;price;vat_rate;unit;barcodes;cost_price",
            $"CLI-{n}-1;Flødeboller 8 stk;Slik;34,95;25;piece;{_api.NewEan13()};18,00",
            $"CLI-{n}-2;Hindbærsnitter;Bageri;12,50;25;piece;{badDigit};",
            $"CLI-{n}-3;Kanelsnegl;Bageri;abc;25;piece;;",
            $"CLI-{n}-4;Kartofler;Frugt & grønt;14,95;25;box;;");

        var result = await KasseProcess.RunAsync(["import", "products", file, .. Database]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 3", result.Error);
        Assert.Contains("check digit", result.Error);
        Assert.Contains("line 4, price", result.Error);
        Assert.Contains("line 5, unit", result.Error);
        Assert.Contains("Nothing was imported", result.Error);
        Assert.DoesNotContain("line 2", result.Error);
        var page = await _api.Http.GetFromJsonAsync<ProductPage>($"/api/v1/products?q=CLI-{n}", KasseClient.Json);
        Assert.Equal(0, page!.Total);
    }

    [Fact]
    public async Task Skipping_bad_rows_imports_the_good_ones_ready_to_scan_and_a_second_import_updates_by_sku()
    {
        var n = server.NextNumber();
        var ean = _api.NewEan13();
        var file = CsvFile("products.csv",
            "sku,name,category,price,vat_rate,unit,barcodes,cost_price",
            $"CLI-{n}-1,Æblemost 75 cl,Drikkevarer,29.95,25,piece,{ean},15.00",
            $"CLI-{n}-2,\"Ost, lagret\",Delikatesse,189.00,25,kg,,",
            $"CLI-{n}-3,Broken,Delikatesse,-5,25,piece,,");

        var first = await KasseProcess.RunAsync(["import", "products", file, "--skip-bad-rows", .. Database]);
        var again = await KasseProcess.RunAsync(["import", "products",
            CsvFile("update.csv", "sku;name;price;vat_rate", $"CLI-{n}-1;Æblemost 75 cl;32,95;25"), .. Database]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("2 created", first.Output);
        Assert.Contains("1 bad row(s) skipped", first.Output);
        Assert.Contains("line 4", first.Error);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("1 updated", again.Output);
        var shop = await _api.NewShopAsync();
        var sale = await _api.OpenSaleAsync(shop);
        sale = await _api.ScanAsync(sale.Id, ean);
        Assert.Equal(32.95m, sale.TotalAmount);
        Assert.Equal("Æblemost 75 cl", sale.Lines[0].Name);
    }

    [Fact]
    public async Task A_file_that_is_not_utf8_is_refused_with_a_clear_message()
    {
        var path = Path.Combine(_folder, "latin1.csv");
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes("sku;name;price;vat_rate\nL1;Æbler;10,00;25\n"));

        var result = await KasseProcess.RunAsync(["import", "products", path, .. Database]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("UTF-8", result.Error);
    }

    [Fact]
    public async Task Seeding_the_demo_store_twice_leaves_one_demo_store_ready_to_sell()
    {
        var first = await KasseProcess.RunAsync(["seed", "demo", .. Database]);
        var second = await KasseProcess.RunAsync(["seed", "demo", .. Database]);

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("already there", second.Output);
        var store = await _api.Http.GetFromJsonAsync<StoreView>($"/api/v1/stores/{DemoSeeder.StoreId}", KasseClient.Json);
        Assert.Equal("DK", store!.CountryCode);
        // Other tests share this database and add products of their own, so read the whole catalogue, page by page.
        var items = new List<ProductView>();
        for (var skip = 0; skip < 20_000; skip += 500)
        {
            var page = await _api.Http.GetFromJsonAsync<ProductPage>($"/api/v1/products?take=500&skip={skip}", KasseClient.Json);
            items.AddRange(page!.Items);
            if (page.Items.Count < 500)
                break;
        }
        var catalogue = new ProductPage(items, items.Count, 0, items.Count);
        using var csv = new StreamReader(typeof(DemoSeeder).Assembly.GetManifestResourceStream("Kasse.DemoProducts.csv")!);
        var demoSkus = (await csv.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')[0]).ToHashSet();
        Assert.InRange(catalogue.Items.Count(p => demoSkus.Contains(p.Sku)), 190, 220);
        Assert.True(catalogue.Items.Count(p => p.Name.IndexOfAny(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']) >= 0) >= 30);
        Assert.Contains(catalogue.Items, p => p.Barcodes.Any(b => b.StartsWith("23", StringComparison.Ordinal) && b.Length == 7));
        Assert.Contains(catalogue.Items, p => p.Barcodes.Any(b => b.StartsWith("22", StringComparison.Ordinal) && b.Length == 7));
    }
}

/// <summary>The newcomer's first command: <c>kasse</c> on an empty data folder makes a demo store to sell from.</summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("kasse-first-").FullName;

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Kasse_on_an_empty_folder_migrates_creates_the_demo_store_and_sells()
    {
        var (process, address) = await KasseProcess.ServeAsync("--data", _data);
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            http.DefaultRequestHeaders.Add("X-Api-Key", DemoSeeder.DemoApiKey);
            var api = new KasseClient(http, null!);
            var sale = await KasseClient.Read<Kasse.Application.Sales.SaleView>(await api.PostAsync("/api/v1/sales",
                new Kasse.Application.Sales.OpenSale(Guid.CreateVersion7(), DemoSeeder.RegisterId, DemoSeeder.EmployeeId)));
            var page = await http.GetFromJsonAsync<ProductPage>("/api/v1/products?q=rugbrød", KasseClient.Json);
            sale = await api.ScanAsync(sale.Id, page!.Items[0].Barcodes[0]);
            await api.PayCashAsync(sale.Id, 100m);
            var done = await api.CompleteAsync(sale.Id);
            var receipt = await http.GetStringAsync($"/api/v1/sales/{done.Id}/receipt.txt");

            Assert.Equal(SaleStatus.Completed, done.Status);
            Assert.Contains("Købmand Hansen", receipt);
            Assert.True(File.Exists(Path.Combine(_data, "kasse.db")));
            Assert.Contains("Kasse", await http.GetStringAsync("/"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Journal_verify_passes_on_honest_data_and_fails_with_the_first_break_after_tampering()
    {
        var (process, address) = await KasseProcess.ServeAsync("--data", _data);
        Guid saleId;
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            http.DefaultRequestHeaders.Add("X-Api-Key", DemoSeeder.DemoApiKey);
            var api = new KasseClient(http, null!);
            var sale = await KasseClient.Read<Kasse.Application.Sales.SaleView>(await api.PostAsync("/api/v1/sales",
                new Kasse.Application.Sales.OpenSale(Guid.CreateVersion7(), DemoSeeder.RegisterId, DemoSeeder.EmployeeId)));
            await api.ScanAsync(sale.Id, "5704312418755");
            await api.PayAsync(sale.Id, PaymentMethod.Card);
            saleId = (await api.CompleteAsync(sale.Id)).Id;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var honest = await KasseProcess.RunAsync("journal", "verify", "--data", _data);
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data, "kasse.db")};Pooling=False"))
        {
            await db.OpenAsync();
            await using var tamper = db.CreateCommand();
            tamper.CommandText = "UPDATE \"Payments\" SET \"Amount\" = 100 WHERE \"SaleId\" = $id";
            tamper.Parameters.AddWithValue("$id", saleId.ToString().ToUpperInvariant());
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }
        var tampered = await KasseProcess.RunAsync("journal", "verify", "--data", _data);

        Assert.True(honest.ExitCode == 0, honest.Error);
        Assert.Contains("Købmand Hansen: intact", honest.Output);
        Assert.Equal(1, tampered.ExitCode);
        Assert.Contains("BROKEN", tampered.Error);
        Assert.Contains("Receipt 1", tampered.Error);
    }

    [Fact]
    public async Task The_command_line_lists_its_sub_commands()
    {
        var help = await KasseProcess.RunAsync("--help");
        var migrate = await KasseProcess.RunAsync("db", "migrate", "--data", _data);

        Assert.Equal(0, help.ExitCode);
        foreach (var command in new[] { "serve", "db", "seed", "import", "journal" })
            Assert.Contains(command, help.Output);
        Assert.True(migrate.ExitCode == 0, migrate.Error);
        Assert.Contains("up to date", migrate.Output);
    }

    [Fact]
    public async Task Api_key_create_prints_a_key_once_that_has_its_roles_rights_and_no_more()
    {
        // A key works in a store, so there must be one: the demo store is the only one, so it needs no naming.
        var seeded = await KasseProcess.RunAsync("seed", "demo", "--data", _data);
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        var created = await KasseProcess.RunAsync("api-key", "create", "--name", "kiosk", "--role", "Cashier", "--data", _data);
        var key = created.Output.Trim();
        var (process, address) = await KasseProcess.ServeAsync("--data", _data);
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            var browse = await http.GetAsync("/api/v1/products");
            var edit = await http.PostAsJsonAsync("/api/v1/categories", new { id = Guid.CreateVersion7(), name = "Nyt" });

            Assert.True(created.ExitCode == 0, created.Error);
            Assert.Contains("shown only now", created.Error);
            Assert.StartsWith("kasse_", key);
            Assert.True(browse.IsSuccessStatusCode);
            await KasseClient.Problem(edit, System.Net.HttpStatusCode.Forbidden, "permission.denied");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task With_the_second_demo_store_users_and_keys_from_the_command_line_work_only_in_the_stores_they_are_given()
    {
        var seeded = await KasseProcess.RunAsync("seed", "demo", "--second-store", "--data", _data);
        var unnamed = await KasseProcess.RunAsync("user", "add", "--name", "Ole", "--role", "Cashier", "--pin", "2468", "--data", _data);
        var ole = await KasseProcess.RunAsync("user", "add", "--name", "Ole", "--role", "Cashier", "--pin", "2468", "--store", DemoSeeder.CafeStoreId.ToString(),
            "--data", _data);
        var created = await KasseProcess.RunAsync("api-key", "create", "--name", "kasse 1", "--role", "Manager", "--store", DemoSeeder.StoreId.ToString(),
            "--data", _data);
        var key = created.Output.Trim();
        var (process, address) = await KasseProcess.ServeAsync("--data", _data);
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
            var own = await http.GetAsync($"/api/v1/stores/{DemoSeeder.StoreId}/sales");
            var cafe = await http.GetAsync($"/api/v1/stores/{DemoSeeder.CafeStoreId}/sales");
            using var till = new HttpClient { BaseAddress = address };
            var jonasAtTheShop = await till.PostAsJsonAsync($"/api/v1/registers/{DemoSeeder.RegisterId}/sign-in",
                new { employeeId = DemoSeeder.CafeCashierId, pin = DemoSeeder.CafeCashierPin });
            var jonasAtTheCafe = await till.PostAsJsonAsync($"/api/v1/registers/{DemoSeeder.CafeRegisterId}/sign-in",
                new { employeeId = DemoSeeder.CafeCashierId, pin = DemoSeeder.CafeCashierPin });

            Assert.True(seeded.ExitCode == 0, seeded.Error);
            Assert.Contains("Second demo store", seeded.Output);
            Assert.Equal(1, unnamed.ExitCode);
            Assert.Contains("employee.stores", unnamed.Error);
            Assert.True(ole.ExitCode == 0, ole.Error);
            Assert.Contains("Ole (Cashier, store " + DemoSeeder.CafeStoreId, ole.Output);
            Assert.True(created.ExitCode == 0, created.Error);
            Assert.Equal(System.Net.HttpStatusCode.OK, own.StatusCode);
            await KasseClient.Problem(cafe, System.Net.HttpStatusCode.Forbidden, "store.not-yours");
            await KasseClient.Problem(jonasAtTheShop, System.Net.HttpStatusCode.Forbidden, "store.not-yours");
            Assert.Equal(System.Net.HttpStatusCode.OK, jonasAtTheCafe.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CommandLineOnSqlite(SqliteServer server) : CommandLineTests(server);

[Collection(PostgresCollection.Name)]
public sealed class CommandLineOnPostgres(PostgresServer server) : CommandLineTests(server);
