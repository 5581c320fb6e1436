using System.Net;
using System.Text;
using Kasse.Application.Catalog;
using Kasse.Application.Inventory;
using Kasse.Domain.Catalog;
using Kasse.Domain.Inventory;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Inventory;

/// <summary>Counts, transfers, recipes, stock reports and CSV, through the API.</summary>
public abstract class StockWorkTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task A_blind_count_by_scanning_is_approved_from_its_variance_report_and_books_the_differences()
    {
        var shop = await _api.NewShopAsync();
        var floor = await _api.FloorAsync(shop);
        var beer = await _api.NewProductAsync(15.00m, name: "Øl");
        var wine = await _api.NewProductAsync(80.00m, name: "Rødvin");
        var water = await _api.NewProductAsync(10.00m, name: "Vand");
        await _api.AdjustAsync(floor.Id, beer.Id, 24m);
        await _api.AdjustAsync(floor.Id, wine.Id, 6m);
        await _api.AdjustAsync(floor.Id, water.Id, 12m);
        var counter = await server.ClientAsAsync("Supervisor", shop.Store.Id);

        var count = await counter.PostAsync<StockCountView>("/api/v1/stock-counts", new StartCount(Guid.CreateVersion7(), floor.Id));
        foreach (var _ in Enumerable.Range(0, 20))
            count = await counter.PostAsync<StockCountView>($"/api/v1/stock-counts/{count.Id}/scans", new CountScan(beer.Barcodes[0]));
        count = await counter.PutAsync<StockCountView>($"/api/v1/stock-counts/{count.Id}/lines/{wine.Id}", new { quantity = 7m });
        var counterSeesVariance = await counter.Http.GetAsync($"/api/v1/stock-counts/{count.Id}/variance");
        var early = await _api.PostAsync($"/api/v1/stock-counts/{count.Id}/approve", null);
        await counter.PostAsync<StockCountView>($"/api/v1/stock-counts/{count.Id}/submit", null);
        var lateScan = await counter.PostAsync($"/api/v1/stock-counts/{count.Id}/scans", new CountScan(beer.Barcodes[0]));
        var variance = await _api.GetAsync<VarianceReport>($"/api/v1/stock-counts/{count.Id}/variance");
        var approved = await _api.PostAsync<VarianceReport>($"/api/v1/stock-counts/{count.Id}/approve", null);

        Assert.All(count.Lines, l => Assert.Null(l.Expected)); // blind: counters never see what should be there
        Assert.Equal(20m, count.Lines.Single(l => l.ProductId == beer.Id).Counted);
        await KasseClient.Problem(counterSeesVariance, HttpStatusCode.Forbidden);
        await KasseClient.Problem(early, HttpStatusCode.Conflict, "count.not-submitted");
        await KasseClient.Problem(lateScan, HttpStatusCode.Conflict, "count.not-counting");
        Assert.Equal(-4m, variance.Lines.Single(l => l.ProductId == beer.Id).Variance);
        Assert.Equal(1m, variance.Lines.Single(l => l.ProductId == wine.Id).Variance);
        Assert.Equal(1, variance.NotCounted);
        Assert.Equal(StockCountStatus.Approved, approved.Status);
        Assert.Equal(20m, await _api.OnHandAsync(beer.Id, floor.Id));
        Assert.Equal(7m, await _api.OnHandAsync(wine.Id, floor.Id));
        Assert.Equal(12m, await _api.OnHandAsync(water.Id, floor.Id)); // not counted: left as it was
        var booked = (await _api.MovementsAsync(beer.Id))[0];
        Assert.Equal((MovementKind.Count, -4m, count.Id), (booked.Kind, booked.Quantity, booked.ReferenceId));
    }

    [Fact]
    public async Task A_partial_count_covers_one_category_and_a_sale_before_the_shelf_is_counted_is_not_counted_twice()
    {
        var shop = await _api.NewShopAsync();
        var floor = await _api.FloorAsync(shop);
        var fruit = await _api.PostAsync<CategoryView>("/api/v1/categories", new { id = Guid.CreateVersion7(), name = $"Frugt {server.NextNumber()}" });
        var apple = await _api.PostAsync<ProductView>("/api/v1/products", new
        {
            id = Guid.CreateVersion7(), sku = $"A-{server.NextNumber()}", name = "Æble", price = 4.00m, vatPercent = 25m, categoryId = fruit.Id,
            barcodes = new[] { _api.NewEan13() },
        });
        var bread = await _api.NewProductAsync(30.00m, name: "Brød");
        await _api.AdjustAsync(floor.Id, apple.Id, 50m);
        await _api.AdjustAsync(floor.Id, bread.Id, 10m);

        var count = await _api.PostAsync<StockCountView>("/api/v1/stock-counts", new StartCount(Guid.CreateVersion7(), floor.Id, fruit.Id, Blind: false));
        await _api.SellAsync(shop, PaymentMethod.Card, (apple, 5m));
        await _api.PutAsync<StockCountView>($"/api/v1/stock-counts/{count.Id}/lines/{apple.Id}", new { quantity = 44m });
        var wrongCategory = await _api.PostAsync($"/api/v1/stock-counts/{count.Id}/scans", new CountScan(bread.Barcodes[0]));
        await _api.PostAsync<StockCountView>($"/api/v1/stock-counts/{count.Id}/submit", null);
        await _api.PostAsync<VarianceReport>($"/api/v1/stock-counts/{count.Id}/approve", null);

        var line = Assert.Single(count.Lines);
        Assert.Equal((apple.Id, (decimal?)50m), (line.ProductId, line.Expected));
        await KasseClient.Problem(wrongCategory, HttpStatusCode.BadRequest, "count.other-category");
        Assert.Equal(44m, await _api.OnHandAsync(apple.Id, floor.Id)); // counted after 5 were sold: 45 expected, 44 there
        Assert.Equal(10m, await _api.OnHandAsync(bread.Id, floor.Id));
    }

    [Fact]
    public async Task A_transfer_to_another_store_is_in_transit_until_received_and_a_shortfall_stays_on_it()
    {
        var shop = await _api.NewShopAsync();
        var other = await _api.NewShopAsync();
        var warehouse = await _api.NewLocationAsync(shop.Store.Id, "Lager", LocationKind.Warehouse);
        var otherFloor = await _api.FloorAsync(other);
        var chairs = await _api.NewProductAsync(399.00m, name: "Stol");
        await _api.AdjustAsync(warehouse.Id, chairs.Id, 10m);

        var transfer = await _api.PostAsync<TransferView>("/api/v1/stock-transfers",
            new SendTransfer(Guid.CreateVersion7(), warehouse.Id, otherFloor.Id, [new TransferItem(chairs.Id, 4m)]));
        var inTransit = await _api.GetAsync<List<TransferView>>($"/api/v1/stores/{other.Store.Id}/stock-transfers?status=InTransit");
        var beforeArrival = await _api.OnHandAsync(chairs.Id, otherFloor.Id);
        var received = await _api.PostAsync<TransferView>($"/api/v1/stock-transfers/{transfer.Id}/receive", new ReceiveTransfer([new TransferItem(chairs.Id, 3m)]));
        var twice = await _api.PostAsync($"/api/v1/stock-transfers/{transfer.Id}/receive", new ReceiveTransfer());

        Assert.Equal(TransferStatus.InTransit, transfer.Status);
        Assert.Contains(inTransit, t => t.Id == transfer.Id);
        Assert.Equal(0m, beforeArrival);
        Assert.Equal(6m, await _api.OnHandAsync(chairs.Id, warehouse.Id));
        Assert.Equal(3m, await _api.OnHandAsync(chairs.Id, otherFloor.Id));
        Assert.Equal((TransferStatus.Received, (decimal?)3m), (received.Status, received.Lines[0].Received));
        await KasseClient.Problem(twice, HttpStatusCode.Conflict, "transfer.not-in-transit");
        Assert.Equal([MovementKind.TransferIn, MovementKind.TransferOut, MovementKind.Adjustment], (await _api.MovementsAsync(chairs.Id)).Select(m => m.Kind));
    }

    [Fact]
    public async Task A_cancelled_transfer_puts_the_goods_back()
    {
        var shop = await _api.NewShopAsync();
        var floor = await _api.FloorAsync(shop);
        var back = await _api.NewLocationAsync(shop.Store.Id, "Baglager");
        var cups = await _api.NewProductAsync(20.00m);
        await _api.AdjustAsync(back.Id, cups.Id, 10m);
        var transfer = await _api.PostAsync<TransferView>("/api/v1/stock-transfers",
            new SendTransfer(Guid.CreateVersion7(), back.Id, floor.Id, [new TransferItem(cups.Id, 10m)]));
        var same = await _api.PostAsync("/api/v1/stock-transfers", new SendTransfer(Guid.CreateVersion7(), back.Id, back.Id, [new TransferItem(cups.Id, 1m)]));

        await _api.PostAsync<TransferView>($"/api/v1/stock-transfers/{transfer.Id}/cancel", null);

        Assert.Equal(10m, await _api.OnHandAsync(cups.Id, back.Id));
        Assert.Equal(0m, await _api.OnHandAsync(cups.Id, floor.Id));
        await KasseClient.Problem(same, HttpStatusCode.BadRequest, "transfer.same-location");
    }

    [Fact]
    public async Task Selling_a_caffe_latte_deducts_its_recipe_in_the_ingredients_own_units_with_yield_and_waste()
    {
        var shop = await _api.NewShopAsync();
        var floor = await _api.FloorAsync(shop);
        var coffee = await _api.NewProductAsync(120.00m, unit: Unit.Kilogram, name: "Kaffebønner");
        var milk = await _api.NewProductAsync(12.00m, unit: Unit.Litre, name: "Mælk");
        var cups = await _api.NewProductAsync(1.00m, name: "Kop");
        var latte = await _api.NewProductAsync(42.00m, name: "Caffè latte");
        var cookies = await _api.NewProductAsync(30.00m, name: "Småkager, 4 stk");
        var dough = await _api.NewProductAsync(50.00m, unit: Unit.Kilogram, name: "Dej");
        await _api.AdjustAsync(floor.Id, coffee.Id, 1m);
        await _api.AdjustAsync(floor.Id, milk.Id, 10m);
        await _api.AdjustAsync(floor.Id, cups.Id, 100m);
        await _api.AdjustAsync(floor.Id, dough.Id, 2m);
        var recipe = await _api.PutAsync<RecipeView>($"/api/v1/products/{latte.Id}/recipe", new SaveRecipe(1m,
            [new(coffee.Id, 18m, "g"), new(milk.Id, 200m, "ml", WastePercent: 10m), new(cups.Id, 1m, "pcs")]));
        await _api.PutAsync<RecipeView>($"/api/v1/products/{cookies.Id}/recipe", new SaveRecipe(4m, [new(dough.Id, 0.2m, "kg")]));
        var wrongUnit = await _api.SendAsync(HttpMethod.Put, $"/api/v1/products/{latte.Id}/recipe", new SaveRecipe(1m, [new(milk.Id, 18m, "g")]));
        var unknownUnit = await _api.SendAsync(HttpMethod.Put, $"/api/v1/products/{latte.Id}/recipe", new SaveRecipe(1m, [new(milk.Id, 1m, "cup")]));

        await _api.SellAsync(shop, PaymentMethod.Card, (latte, 2m), (cookies, 2m));

        Assert.Equal([0.018m, 0.22m, 1m], recipe.Components.Select(c => c.PerSoldUnit));
        await KasseClient.Problem(wrongUnit, HttpStatusCode.BadRequest, "recipe.unit");
        await KasseClient.Problem(unknownUnit, HttpStatusCode.BadRequest, "recipe.unit");
        Assert.Equal(0.964m, await _api.OnHandAsync(coffee.Id, floor.Id));  // 1 kg − 2 × 18 g
        Assert.Equal(9.56m, await _api.OnHandAsync(milk.Id, floor.Id));     // 10 l − 2 × 200 ml × 1.10
        Assert.Equal(98m, await _api.OnHandAsync(cups.Id, floor.Id));
        Assert.Equal(1.9m, await _api.OnHandAsync(dough.Id, floor.Id));     // 200 g makes 4: 2 sold use 100 g
        Assert.Empty((await _api.StockOfAsync(latte.Id)).Locations);        // the latte itself is never stocked
    }

    [Fact]
    public async Task Reports_show_value_slow_movers_and_days_of_cover()
    {
        var shop = await _api.NewShopAsync();
        var floor = await _api.FloorAsync(shop);
        var fast = await _api.PostAsync<ProductView>("/api/v1/products", new { id = Guid.CreateVersion7(), sku = $"F-{server.NextNumber()}", name = "Hurtig", price = 20m, vatPercent = 25m, costPrice = 10m, barcodes = new[] { _api.NewEan13() } });
        var slow = await _api.PostAsync<ProductView>("/api/v1/products", new { id = Guid.CreateVersion7(), sku = $"S-{server.NextNumber()}", name = "Langsom", price = 20m, vatPercent = 25m, costPrice = 2.50m, barcodes = new[] { _api.NewEan13() } });
        await _api.AdjustAsync(floor.Id, fast.Id, 70m);
        await _api.AdjustAsync(floor.Id, slow.Id, 40m);
        await _api.SellAsync(shop, PaymentMethod.Card, (fast, 14m));

        var turnover = await _api.GetAsync<List<StockTurnLine>>($"/api/v1/stores/{shop.Store.Id}/stock-turnover?days=7");
        var value = await _api.GetAsync<StockValueReport>($"/api/v1/stores/{shop.Store.Id}/stock-value");

        Assert.Equal(["Langsom", "Hurtig"], turnover.Select(t => t.Name)); // slowest first
        var hurtig = turnover[1];
        Assert.Equal((14m, 2m, (decimal?)28m), (hurtig.Sold, hurtig.DailySales, hurtig.DaysOfCover)); // 56 left at 2 a day
        Assert.Null(turnover[0].DaysOfCover);
        Assert.Equal(660.00m, value.TotalValue); // 56 × 10 + 40 × 2.50
        var bad = await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/stock-turnover?days=0");
        await KasseClient.Problem(bad, HttpStatusCode.BadRequest, "report.days");
    }

    [Fact]
    public async Task Stock_levels_round_trip_through_csv_and_a_bad_file_imports_nothing_with_line_numbers()
    {
        var shop = await _api.NewShopAsync();
        var floor = await _api.FloorAsync(shop);
        await _api.NewLocationAsync(shop.Store.Id, "Baglager");
        var pens = await _api.NewProductAsync(5.00m, name: "Kuglepen");
        var pads = await _api.NewProductAsync(15.00m, name: "Blok");
        await _api.AdjustAsync(floor.Id, pens.Id, 3m);

        var good = $"sku;location;on_hand;reorder_point;reorder_quantity\n{pens.Sku};Butik;25;5;50\n{pads.Sku};Baglager;12,5;;\n";
        var imported = await KasseClient.Read<StockImportResult>(await _api.Http.PostAsync($"/api/v1/stores/{shop.Store.Id}/stock.csv",
            new StringContent(good, Encoding.UTF8, "text/csv")));
        var bad = $"sku;location;on_hand\n{pens.Sku};Butik;1\nNOPE;Butik;2\n{pads.Sku};Kælder;x\n";
        var refused = await _api.Http.PostAsync($"/api/v1/stores/{shop.Store.Id}/stock.csv", new StringContent(bad, Encoding.UTF8, "text/csv"));
        var exported = await _api.Http.GetStringAsync($"/api/v1/stores/{shop.Store.Id}/stock.csv");

        Assert.Equal(new StockImportResult(2, 2), imported);
        Assert.Equal(25m, await _api.OnHandAsync(pens.Id, floor.Id));
        Assert.Equal("CSV import", (await _api.MovementsAsync(pens.Id))[0].Reason);
        var detail = (await KasseClient.Problem(refused, HttpStatusCode.BadRequest, "import.rows")).GetProperty("detail").GetString()!;
        Assert.Contains("line 3: no product has SKU 'NOPE'", detail);
        Assert.Contains("line 4: the store has no location called 'Kælder'", detail);
        Assert.Contains("line 4, on_hand: 'x'", detail);
        Assert.Equal(25m, await _api.OnHandAsync(pens.Id, floor.Id)); // the good row of the bad file changed nothing
        Assert.Contains($"{pens.Sku};Butik;25;5;50", exported);
        Assert.Contains($"{pads.Sku};Baglager;12.5;;", exported);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StockWorkOnSqlite(SqliteServer server) : StockWorkTests(server);

[Collection(PostgresCollection.Name)]
public sealed class StockWorkOnPostgres(PostgresServer server) : StockWorkTests(server);
