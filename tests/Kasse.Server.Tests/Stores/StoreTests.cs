using System.Globalization;
using System.Net;
using Kasse.Application.Stores;
using Kasse.Domain.Catalog;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Stores;

public abstract class StoreTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<StoreView> CreateStoreAsync(object body) =>
        await KasseClient.Read<StoreView>(await _api.PostAsync("/api/v1/stores", body));

    [Fact]
    public async Task A_danish_store_gets_danish_vat_cash_rounding_time_zone_and_scale_labels_by_default()
    {
        var store = await CreateStoreAsync(new { id = Guid.CreateVersion7(), name = "Bageriet på hjørnet", address = "Algade 3, 4000 Roskilde", companyId = "87654321", countryCode = "dk" });

        Assert.Equal("DK", store.CountryCode);
        Assert.Equal("DKK", store.Currency);
        Assert.Equal("Europe/Copenhagen", store.TimeZone);
        Assert.Equal(0.50m, store.CashRoundingIncrement);
        Assert.Equal([25m, 0m], store.VatRates.Select(r => r.Percent));
        Assert.Contains(store.VariableMeasureRules, r => r.Prefix == "23" && r.Kind == VariableMeasureKind.Weight);
        Assert.Contains(store.VariableMeasureRules, r => r.Prefix == "22" && r.Kind == VariableMeasureKind.Price);
    }

    [Fact]
    public async Task A_store_with_its_own_rates_rounding_and_label_layout_sells_by_them()
    {
        var store = await CreateStoreAsync(new
        {
            id = Guid.CreateVersion7(),
            name = "Butik i Malmö",
            address = "Storgatan 1, 211 41 Malmö",
            companyId = "5560000000",
            countryCode = "SE",
            vatRates = new[] { new { code = "S", percent = 25m, description = "Moms 25 %" }, new { code = "R", percent = 12m, description = "Moms 12 %" } },
            variableMeasureRules = new[] { new { prefix = "28", kind = "Weight", itemDigits = 4 } },
        });
        var register = await _api.NewRegisterAsync(store.Id, "Kassa 1");
        var item = "28" + (server.NextNumber() % 10_000).ToString("D4", CultureInfo.InvariantCulture);
        await _api.NewProductAsync(120.00m, vat: 12m, unit: Unit.Kilogram, name: "Räkor", barcodes: item);
        var sale = await KasseClient.Read<Kasse.Application.Sales.SaleView>(await _api.PostAsync("/api/v1/sales", new { id = Guid.CreateVersion7(), registerId = register.Id }));

        sale = await _api.ScanAsync(sale.Id, KasseClient.WithCheckDigit(item + "000750"));   // 6-digit weight: 750 g
        sale = await _api.PayCashAsync(sale.Id, 100m);

        Assert.Equal(1.00m, store.CashRoundingIncrement);
        Assert.Equal("SEK", store.Currency);
        Assert.Equal("Europe/Stockholm", store.TimeZone);
        Assert.Equal(0.750m, sale.Lines[0].Quantity);
        Assert.Equal(90.00m, sale.TotalAmount);
        Assert.Equal(12m, Assert.Single(sale.Vat).Percent);
        Assert.Equal(9.64m, sale.Vat[0].Vat); // 90 × 12/112
    }

    [Fact]
    public async Task A_label_prefix_the_store_does_not_use_is_read_as_an_ordinary_barcode()
    {
        var shop = await _api.NewShopAsync();
        var sale = await _api.OpenSaleAsync(shop);

        await KasseClient.Problem(await _api.TryScanAsync(sale.Id, KasseClient.WithCheckDigit("280012300750")), HttpStatusCode.NotFound, "barcode.unknown");
    }

    [Theory]
    [InlineData("""{"prefix":"19","kind":"Price"}""", "variable-measure.prefix")]
    [InlineData("""{"prefix":"28","kind":"Price","itemDigits":7}""", "variable-measure.layout")]
    public async Task A_wrong_label_layout_is_refused(string rule, string code)
    {
        using var content = new StringContent(
            $$"""{"id":"{{Guid.CreateVersion7()}}","name":"X","address":"Y","companyId":"1","countryCode":"DK","variableMeasureRules":[{{rule}}]}""",
            System.Text.Encoding.UTF8, "application/json");

        await KasseClient.Problem(await _api.Http.PostAsync("/api/v1/stores", content), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task Unknown_country_codes_time_zones_and_rounding_are_refused_with_reasons()
    {
        await KasseClient.Problem(await _api.PostAsync("/api/v1/stores", new { id = Guid.CreateVersion7(), name = "X", address = "Y", companyId = "1", countryCode = "Denmark" }),
            HttpStatusCode.BadRequest, "store.country");
        await KasseClient.Problem(await _api.PostAsync("/api/v1/stores", new { id = Guid.CreateVersion7(), name = "X", address = "Y", companyId = "1", countryCode = "DK", timeZone = "Mars/Olympus" }),
            HttpStatusCode.BadRequest, "store.time-zone");
        await KasseClient.Problem(await _api.PostAsync("/api/v1/stores", new { id = Guid.CreateVersion7(), name = "X", address = "Y", companyId = "1", countryCode = "DK", cashRoundingIncrement = 0.333m }),
            HttpStatusCode.BadRequest, "cash-rounding.increment");
    }

    [Fact]
    public async Task Registers_of_a_store_are_listed_and_names_are_unique_per_store()
    {
        var shop = await _api.NewShopAsync();
        await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2");

        await KasseClient.Problem(await _api.PostAsync($"/api/v1/stores/{shop.Store.Id}/registers", new { id = Guid.CreateVersion7(), name = "Kasse 2" }),
            HttpStatusCode.Conflict, "register.name-taken");
        var registers = await KasseClient.Read<List<RegisterView>>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/registers"));

        Assert.Equal(["Kasse 1", "Kasse 2"], registers.Select(r => r.Name));
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/stores/{Guid.CreateVersion7()}/registers"), HttpStatusCode.NotFound, "store.not-found");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StoresOnSqlite(SqliteServer server) : StoreTests(server);

[Collection(PostgresCollection.Name)]
public sealed class StoresOnPostgres(PostgresServer server) : StoreTests(server);
