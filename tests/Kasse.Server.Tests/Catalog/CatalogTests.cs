using System.Net;
using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Server.Api;
using Kasse.Server.Tests.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Catalog;

public abstract class CatalogTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task A_product_is_created_in_a_category_and_found_by_that_category()
    {
        var n = server.NextNumber();
        var dairy = await KasseClient.Read<CategoryView>(await _api.PostAsync("/api/v1/categories", new { id = Guid.CreateVersion7(), name = $"Mejeri {n}", sortOrder = 3 }));
        var butter = await KasseClient.Read<ProductView>(await _api.PostAsync("/api/v1/products", new
        {
            id = Guid.CreateVersion7(), sku = $"SMØR-{n}", name = "Lurpak, saltet 200 g", price = 24.95m, vatPercent = 25m, categoryId = dairy.Id,
        }));

        var categories = await KasseClient.Read<List<CategoryView>>(await _api.Http.GetAsync("/api/v1/categories"));
        var inDairy = await Search($"categoryId={dairy.Id}");

        Assert.Contains(dairy, categories);
        Assert.Equal(dairy.Id, butter.CategoryId);
        Assert.Equal([butter.Id], inDairy.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task Two_categories_cannot_share_a_name_and_a_product_cannot_join_a_missing_category()
    {
        var name = $"Frost {server.NextNumber()}";
        await KasseClient.Read<CategoryView>(await _api.PostAsync("/api/v1/categories", new { id = Guid.CreateVersion7(), name }));
        var productId = Guid.CreateVersion7();

        await Refusal.Expect(await _api.PostAsync("/api/v1/categories", new { id = Guid.CreateVersion7(), name }), HttpStatusCode.Conflict, "category.name-taken");
        await Refusal.Expect(await _api.PostAsync("/api/v1/products", new
        {
            id = productId, sku = $"IS-{server.NextNumber()}", name = "Is, vanilje", price = 30m, vatPercent = 25m, categoryId = Guid.CreateVersion7(),
        }), HttpStatusCode.NotFound, "category.not-found");

        Assert.Single((await KasseClient.Read<List<CategoryView>>(await _api.Http.GetAsync("/api/v1/categories"))), c => c.Name == name);
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/products/{productId}"), HttpStatusCode.NotFound, "product.not-found");
    }

    [Theory]
    [InlineData("æbl", "Æbler, Ingrid Marie")]
    [InlineData("ÆBLER, INGRID", "Æbler, Ingrid Marie")]
    [InlineData("ØL", "Øl, Classic")]
    [InlineData("øl, cl", "Øl, Classic")]
    [InlineData("ÅRSTID", "Rødkål, Årstidens")]
    [InlineData("rødkål", "Rødkål, Årstidens")]
    public async Task Search_finds_danish_letters_in_any_case(string query, string name)
    {
        var wanted = await _api.NewProductAsync(20.00m, name: name);
        var other = await _api.NewProductAsync(20.00m, name: "Gulerødder, økologiske");

        var found = await Search($"q={Uri.EscapeDataString(query)}&take=500");

        Assert.Contains(found.Items, p => p.Id == wanted.Id);
        Assert.DoesNotContain(found.Items, p => p.Id == other.Id);
    }

    [Fact]
    public async Task Search_finds_a_product_by_its_sku_in_any_case_and_by_its_barcode()
    {
        var ean = _api.NewEan13();
        var cheese = await _api.NewProductAsync(49.95m, name: "Danbo 45+, skiver", barcodes: ean);

        var bySku = await Search($"q={Uri.EscapeDataString(cheese.Sku.ToLowerInvariant())}");
        var byBarcode = await Search($"q={ean}");

        Assert.Equal([cheese.Id], bySku.Items.Select(p => p.Id));
        Assert.Equal([cheese.Id], byBarcode.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task Search_results_come_in_pages_in_name_order()
    {
        var token = $"Sidevare{server.NextNumber()}";
        foreach (var letter in new[] { "E", "B", "D", "A", "C" })
            await _api.NewProductAsync(10.00m, name: $"{token} {letter}");

        var pages = new List<ProductPage>();
        foreach (var skip in new[] { 0, 2, 4 })
            pages.Add(await Search($"q={token}&skip={skip}&take=2"));

        Assert.Equal(["A", "B", "C", "D", "E"], pages.SelectMany(p => p.Items).Select(p => p.Name[^1..]));
        Assert.All(pages, p => Assert.Equal(5, p.Total));
        Assert.Equal([2, 2, 1], pages.Select(p => p.Items.Count));
        Assert.Empty((await Search($"q={token}&skip=5&take=2")).Items);
        Assert.Equal(5, (await Search($"q={token}&take=500")).Items.Count);
    }

    [Theory]
    [InlineData("take=0", "page")]
    [InlineData("take=501", "page")]
    [InlineData("take=-1", "page")]
    [InlineData("skip=-1", "page")]
    [InlineData("take=ten", "request.malformed")]
    [InlineData("skip=1e3", "request.malformed")]
    [InlineData("categoryId=dairy", "request.malformed")]
    public async Task A_page_outside_the_limits_is_refused(string query, string code)
    {
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/products?{query}"), HttpStatusCode.BadRequest, code);
    }

    [Fact]
    public async Task A_second_product_with_the_same_sku_is_refused_and_not_created()
    {
        var first = await _api.NewProductAsync(15.00m);
        var id = Guid.CreateVersion7();

        await Refusal.Expect(await _api.PostAsync("/api/v1/products", new { id, sku = first.Sku, name = "Kopi", price = 15m, vatPercent = 25m }),
            HttpStatusCode.Conflict, "product.sku-taken");

        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/products/{id}"), HttpStatusCode.NotFound, "product.not-found");
        Assert.Equal([first.Id], (await Search($"q={first.Sku}")).Items.Select(p => p.Id));
    }

    [Fact]
    public async Task A_barcode_already_on_another_product_is_refused_even_written_as_upc()
    {
        var upc = KasseClient.WithCheckDigit("0" + (server.NextNumber() % 10_000_000_000L).ToString("D10", System.Globalization.CultureInfo.InvariantCulture));
        var first = await _api.NewProductAsync(15.00m, barcodes: upc);
        var asEan = Guid.CreateVersion7();
        var asUpc = Guid.CreateVersion7();

        await Refusal.Expect(await _api.PostAsync("/api/v1/products", new { id = asEan, sku = $"DUP-{server.NextNumber()}", name = "Kopi", price = 15m, vatPercent = 25m, barcodes = new[] { "0" + upc } }),
            HttpStatusCode.Conflict, "product.barcode-taken");
        await Refusal.Expect(await _api.PostAsync("/api/v1/products", new { id = asUpc, sku = $"DUP-{server.NextNumber()}", name = "Kopi", price = 15m, vatPercent = 25m, barcodes = new[] { upc } }),
            HttpStatusCode.Conflict, "product.barcode-taken");

        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/products/{asEan}"), HttpStatusCode.NotFound, "product.not-found");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/products/{asUpc}"), HttpStatusCode.NotFound, "product.not-found");
        Assert.Equal([first.Id], (await Search($"q=0{upc}")).Items.Select(p => p.Id));
    }

    [Fact]
    public async Task A_product_with_a_wrong_check_digit_is_refused_and_not_created()
    {
        var ean = _api.NewEan13();
        var wrong = ean[..12] + (char)('0' + (ean[12] - '0' + 1) % 10);
        var id = Guid.CreateVersion7();

        var problem = await Refusal.Expect(await _api.PostAsync("/api/v1/products", new { id, sku = $"CHK-{server.NextNumber()}", name = "Havregryn", price = 19m, vatPercent = 25m, barcodes = new[] { wrong } }),
            HttpStatusCode.BadRequest, "barcode.check-digit");

        Assert.Contains($"should be {ean[12]}", problem.Detail());
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/products/{id}"), HttpStatusCode.NotFound, "product.not-found");
        Assert.Equal(0, (await Search($"q={wrong}")).Total);
    }

    [Fact]
    public async Task A_new_price_applies_to_new_sales_but_never_to_a_completed_one()
    {
        var shop = await Refusal.SharedShopAsync(server);
        var wine = await _api.NewProductAsync(79.95m, name: "Rødvin, Côtes du Rhône");
        var sold = await _api.SellAsync(shop, PaymentMethod.Card, (wine, 2m));

        var repriced = await KasseClient.Read<ProductView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/products/{wine.Id}",
            new { sku = wine.Sku, name = wine.Name, price = 89.95m, vatPercent = 25m, unit = Unit.Piece }));
        var next = await _api.OpenSaleAsync(shop);
        next = await _api.AddProductAsync(next.Id, wine.Id, 2m);

        Assert.Equal(89.95m, repriced.Price);
        Assert.Equal(wine.Barcodes, repriced.Barcodes);
        Assert.Equal(89.95m, next.Lines[0].UnitPrice);
        Assert.Equal(179.90m, next.TotalAmount);
        var after = await _api.GetSaleAsync(sold.Id);
        Assert.Equivalent(sold, after);
        Assert.Equal(79.95m, after.Lines[0].UnitPrice);
        Assert.Equal(159.90m, after.TotalAmount);
    }

    [Fact]
    public async Task A_deactivated_product_cannot_be_sold_and_is_not_offered_in_search()
    {
        var shop = await Refusal.SharedShopAsync(server);
        var juice = await _api.NewProductAsync(22.00m, name: "Æblemost, uklaret");
        var sale = await _api.OpenSaleAsync(shop);

        var inactive = await KasseClient.Read<ProductView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/products/{juice.Id}",
            new { sku = juice.Sku, name = juice.Name, price = juice.Price, vatPercent = 25m, isActive = false }));

        Assert.False(inactive.IsActive);
        var byId = await Refusal.Expect(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new AddLine(ProductId: juice.Id)), HttpStatusCode.Conflict, "product.inactive");
        await Refusal.Expect(await _api.TryScanAsync(sale.Id, juice.Barcodes[0]), HttpStatusCode.Conflict, "product.inactive");
        Assert.Contains(juice.Name, byId.Detail());
        Assert.Empty((await _api.GetSaleAsync(sale.Id)).Lines);
        Assert.Equal(0, (await Search($"q={juice.Sku}")).Total);
        Assert.False((await KasseClient.Read<ProductView>(await _api.Http.GetAsync($"/api/v1/products/{juice.Id}"))).IsActive);
    }

    [Fact]
    public async Task A_scale_label_is_read_as_the_product_with_the_weight_or_price_printed_in_it()
    {
        var shop = await Refusal.SharedShopAsync(server);
        var hamCode = _api.NewItemCode("23");
        var trayCode = _api.NewItemCode("22");
        var ham = await _api.NewProductAsync(189.00m, unit: Unit.Kilogram, name: "Hamburgerryg fra disken", barcodes: hamCode);
        var tray = await _api.NewProductAsync(149.00m, name: "Smørrebrødsbakke", barcodes: trayCode);
        var ean = _api.NewEan13();
        var milk = await _api.NewProductAsync(14.95m, name: "Minimælk 1 l", barcodes: ean);
        var hamLabel = KasseClient.Label(hamCode, 412);
        var trayLabel = KasseClient.Label(trayCode, 12950);

        var weighed = await LookUp(shop, hamLabel);
        var priced = await LookUp(shop, trayLabel);
        var plain = await LookUp(shop, ean);

        Assert.Equal((hamLabel, ham.Id, VariableMeasureKind.Weight, 0.412m), (weighed.Barcode, weighed.Product.Id, weighed.EmbeddedKind, weighed.EmbeddedValue));
        Assert.Equal((trayLabel, tray.Id, VariableMeasureKind.Price, 129.50m), (priced.Barcode, priced.Product.Id, priced.EmbeddedKind, priced.EmbeddedValue));
        Assert.Equal((ean, milk.Id, (VariableMeasureKind?)null, (decimal?)null), (plain.Barcode, plain.Product.Id, plain.EmbeddedKind, plain.EmbeddedValue));
    }

    [Fact]
    public async Task A_code_no_product_has_is_not_found_and_a_misread_code_is_refused()
    {
        var shop = await Refusal.SharedShopAsync(server);
        var unknown = _api.NewEan13();
        var unknownLabel = KasseClient.Label(_api.NewItemCode("23"), 500);

        var notFound = await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/barcodes/{unknown}"), HttpStatusCode.NotFound, "barcode.unknown");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/barcodes/{unknownLabel}"), HttpStatusCode.NotFound, "barcode.unknown");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/barcodes/{unknown[..12]}{(unknown[12] - '0' + 1) % 10}"),
            HttpStatusCode.BadRequest, "barcode.check-digit");

        Assert.Contains(unknown, notFound.Detail());
    }

    private async Task<ProductPage> Search(string query) =>
        await KasseClient.Read<ProductPage>(await _api.Http.GetAsync($"/api/v1/products?{query}"));

    private async Task<BarcodeLookup> LookUp(Shop shop, string code) =>
        await KasseClient.Read<BarcodeLookup>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/barcodes/{code}"));
}

[Collection(SqliteCollection.Name)]
public sealed class CatalogOnSqlite(SqliteServer server) : CatalogTests(server);

[Collection(PostgresCollection.Name)]
public sealed class CatalogOnPostgres(PostgresServer server) : CatalogTests(server);
