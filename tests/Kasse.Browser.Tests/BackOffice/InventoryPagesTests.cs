using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Inventory;
using Kasse.Domain.Catalog;
using Kasse.Domain.Inventory;

namespace Kasse.Browser.Tests.BackOffice;

/// <summary>The inventory pages' main flows in Chromium: count by scanning on a phone, and order, send and receive by scanning.</summary>
public abstract class InventoryPagesTests(BrowserServer server)
{
    private async Task<ProductView> NewProductAsync(string name, string barcode, decimal cost) =>
        await server.UseAsync<CatalogService, ProductView>(c => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("INV-" + barcode[^6..], name, 20m, 25m, Unit.Piece, null, cost, [barcode]), default));

    private Task<MovementView> StockAsync(Guid productId, decimal quantity) =>
        server.UseAsync<StockService, MovementView>(s => s.AdjustAsync(DemoSeeder.StoreId,
            new AdjustStock(Guid.CreateVersion7(), productId, quantity, "Opening stock"), default));

    private Task<decimal> OnHandAsync(Guid productId) =>
        server.UseAsync<StockService, decimal>(async s => (await s.ProductAsync(productId, DemoSeeder.StoreId, default)).OnHand);

    [Fact]
    public async Task A_blind_count_scanned_on_a_phone_is_approved_from_its_variance()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var barcode = Ean.Fresh();
        await server.UseAsync<LocationService, IReadOnlyList<LocationView>>(l => l.ListAsync(DemoSeeder.StoreId, default));
        var jam = await NewProductAsync("Hindbærsyltetøj " + suffix, barcode, 12m);
        await StockAsync(jam.Id, 5m);
        var phone = await server.NewOwnerPageAsync(390, 844);

        await phone.GotoInteractiveAsync("/backoffice/count");
        await phone.GetByTestId("count-location").SelectOptionAsync(DemoSeeder.StoreId.ToString());
        await phone.GetByTestId("start-count").ClickAsync();
        foreach (var _ in Enumerable.Range(0, 3))
        {
            await phone.GetByTestId("count-scan").FillAsync(barcode);
            await phone.GetByTestId("count-scan").PressAsync("Enter");
        }
        await phone.ExplainedAsync("Three scans count 3", () =>
            Assertions.Expect(phone.Locator($"tr[data-product='{jam.Sku}'] [data-testid=counted]")).ToHaveTextAsync("3"));
        await phone.GetByTestId("submit-count").ClickAsync();
        await Assertions.Expect(phone.Locator($"[data-testid=variance] tr[data-product='{jam.Sku}'] [data-testid=variance-quantity]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[-−]2$"));
        await phone.GetByTestId("approve-count").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("count-approved")).ToHaveTextAsync("Approved");
        await Artifacts.ScreenshotAsync(phone, $"inventory-count-{server.Provider.ToString().ToLowerInvariant()}");

        Assert.Equal(3m, await OnHandAsync(jam.Id));
    }

    [Fact]
    public async Task A_suggested_order_is_sent_and_received_by_scanning_and_the_alert_goes_away()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var barcode = Ean.Fresh();
        await server.UseAsync<LocationService, IReadOnlyList<LocationView>>(l => l.ListAsync(DemoSeeder.StoreId, default));
        var tea = await NewProductAsync("Grøn te " + suffix, barcode, 15m);
        var supplier = await server.UseAsync<SupplierService, SupplierView>(s => s.CreateAsync(new SaveSupplier(Guid.CreateVersion7(), "Teimporten " + suffix), default));
        await server.UseAsync<SupplierService, SupplierProductView>(s => s.SetProductAsync(supplier.Id, tea.Id, new SaveSupplierProduct("TE-" + suffix, 15m), default));
        await server.UseAsync<StockService, StockLevelView>(s => s.ConfigureAsync(DemoSeeder.StoreId, tea.Id, new StockSettings(2m, 2m), default));
        var page = await server.NewOwnerPageAsync();

        await page.GotoInteractiveAsync("/backoffice/stock");
        await Assertions.Expect(page.Locator($"[data-testid=stock-alerts] tr[data-product='{tea.Sku}']")).ToContainTextAsync("Udsolgt");

        await page.GotoInteractiveAsync("/backoffice/purchase-orders");
        await page.GetByTestId("suggest").ClickAsync();
        var row = page.Locator("[data-testid=order-list] tr", new() { HasText = supplier.Name });
        await row.GetByTestId("open-order").ClickAsync();
        await Assertions.Expect(page.Locator($"[data-testid=order-lines] tr[data-product='{tea.Name}']")).ToBeVisibleAsync();
        await page.GetByTestId("send-order").ClickAsync();
        await Assertions.Expect(row.GetByTestId("order-status")).ToHaveTextAsync("Sent");
        foreach (var _ in Enumerable.Range(0, 2))
        {
            await page.GetByTestId("receive-scan").FillAsync(barcode);
            await page.GetByTestId("receive-scan").PressAsync("Enter");
        }
        await Assertions.Expect(row.GetByTestId("order-status")).ToHaveTextAsync("Received");
        await Artifacts.ScreenshotAsync(page, $"inventory-purchase-order-{server.Provider.ToString().ToLowerInvariant()}");

        Assert.Equal(2m, await OnHandAsync(tea.Id));
        await page.GotoInteractiveAsync("/backoffice/stock");
        await Assertions.Expect(page.Locator($"[data-testid=stock-levels] tr[data-product='{tea.Sku}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"[data-testid=stock-alerts] tr[data-product='{tea.Sku}']")).ToContainTextAsync("Lav"); // 2 is at the reorder point
    }

    [Fact]
    public async Task A_transfer_to_the_back_room_is_in_transit_until_received()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var barcode = Ean.Fresh();
        var back = await server.UseAsync<LocationService, LocationView>(l => l.CreateAsync(DemoSeeder.StoreId,
            new CreateLocation(Guid.CreateVersion7(), "Baglager " + suffix), default));
        var soap = await NewProductAsync("Håndsæbe " + suffix, barcode, 8m);
        await StockAsync(soap.Id, 5m);
        var page = await server.NewOwnerPageAsync();

        await page.GotoInteractiveAsync("/backoffice/transfers");
        await page.GetByTestId("transfer-from").SelectOptionAsync(DemoSeeder.StoreId.ToString());
        await page.GetByTestId("transfer-to").SelectOptionAsync(back.Id.ToString());
        await page.GetByTestId("transfer-product").FillAsync(barcode);
        await page.GetByTestId("transfer-quantity").FillAsync("2");
        await page.GetByTestId("send-transfer").ClickAsync();
        var row = page.Locator("[data-testid=transfer-list] tr", new() { HasText = back.Name });
        await Assertions.Expect(row.GetByTestId("transfer-status")).ToHaveTextAsync("InTransit");
        Assert.Equal(3m, await OnHandAsync(soap.Id));
        await row.GetByTestId("receive-transfer").ClickAsync();
        await Assertions.Expect(row.GetByTestId("transfer-status")).ToHaveTextAsync("Received");

        var stock = await server.UseAsync<StockService, ProductStockView>(s => s.ProductAsync(soap.Id, DemoSeeder.StoreId, default));
        Assert.Equal(2m, stock.Locations.Single(l => l.LocationId == back.Id).OnHand);
        Assert.Equal(5m, stock.OnHand);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteInventoryPagesTests(SqliteBrowserServer server) : InventoryPagesTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresInventoryPagesTests(PostgresBrowserServer server) : InventoryPagesTests(server);
