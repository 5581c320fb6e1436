using System.Net;
using Kasse.Application.Catalog;
using Kasse.Application.Inventory;
using Kasse.Domain.Catalog;
using Kasse.Domain.Inventory;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Kasse.Server.Tests.Inventory;

public abstract class PurchasingTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<SupplierView> NewSupplierAsync(string name = "Grossisten") =>
        await _api.PostAsync<SupplierView>("/api/v1/suppliers", new SaveSupplier(Guid.CreateVersion7(), $"{name} {server.NextNumber()}", "ordre@example.dk", AccountNumber: "K-4411"));

    private Task<SupplierProductView> SellsAsync(SupplierView supplier, ProductView product, decimal cost, decimal pack = 1m, int leadDays = 0, decimal minimum = 0m) =>
        _api.PutAsync<SupplierProductView>($"/api/v1/suppliers/{supplier.Id}/products/{product.Id}",
            new SaveSupplierProduct($"S-{product.Sku}", cost, pack, leadDays, minimum));

    [Fact]
    public async Task Suggestions_group_what_is_below_its_reorder_point_by_supplier_in_whole_packs_and_count_what_is_on_order()
    {
        var shop = await _api.NewShopAsync();
        var floor = await _api.FloorAsync(shop);
        var dairy = await NewSupplierAsync("Mejeriet");
        var dry = await NewSupplierAsync("Tørvarer");
        var milk = await _api.NewProductAsync(12.95m, name: "Mælk");
        var butter = await _api.NewProductAsync(24.95m, name: "Smør");
        var rice = await _api.NewProductAsync(19.95m, name: "Ris");
        var plenty = await _api.NewProductAsync(9.95m, name: "Salt");
        await SellsAsync(dairy, milk, 7.10m, pack: 12m);
        await SellsAsync(dairy, butter, 14.00m, pack: 1m, minimum: 10m);
        await SellsAsync(dry, rice, 9.00m, pack: 6m, leadDays: 7);
        await SellsAsync(dry, plenty, 4.00m);
        await _api.ConfigureAsync(floor.Id, milk.Id, reorderPoint: 10m, reorderQuantity: 20m);
        await _api.ConfigureAsync(floor.Id, butter.Id, reorderPoint: 3m);
        await _api.ConfigureAsync(floor.Id, rice.Id, reorderPoint: 4m);
        await _api.ConfigureAsync(floor.Id, plenty.Id, reorderPoint: 4m);
        await _api.AdjustAsync(floor.Id, milk.Id, 8m);
        await _api.AdjustAsync(floor.Id, butter.Id, 2m);
        await _api.AdjustAsync(floor.Id, rice.Id, 18m);
        await _api.AdjustAsync(floor.Id, plenty.Id, 50m);
        await _api.SellAsync(shop, PaymentMethod.Card, (rice, 14m)); // 14 in the last 28 days: ½ a day, 3.5 over the 7-day lead time

        var result = await _api.PostAsync<SuggestionResult>($"/api/v1/stores/{shop.Store.Id}/purchase-orders/suggestions", new SuggestPurchaseOrders());
        var again = await _api.PostAsync<SuggestionResult>($"/api/v1/stores/{shop.Store.Id}/purchase-orders/suggestions", new SuggestPurchaseOrders());

        Assert.Equal(2, result.Orders.Count);
        var fromDairy = result.Orders.Single(o => o.SupplierId == dairy.Id);
        Assert.All(result.Orders, o => Assert.Equal(PurchaseOrderStatus.Draft, o.Status));
        Assert.Equal(24m, fromDairy.Lines.Single(l => l.ProductId == milk.Id).Ordered);   // max(10 − 8, 20) = 20 → two packs of 12
        Assert.Equal(10m, fromDairy.Lines.Single(l => l.ProductId == butter.Id).Ordered); // the supplier's minimum
        var fromDry = Assert.Single(result.Orders.Single(o => o.SupplierId == dry.Id).Lines);
        Assert.Equal(rice.Id, fromDry.ProductId);
        Assert.Equal(6m, fromDry.Ordered);  // 4 − 4 + 0.5 × 7 = 3.5 → one pack of 6
        Assert.Equal(9.00m, fromDry.UnitCost);
        Assert.Empty(again.Orders);         // the drafts are already on order
    }

    [Fact]
    public async Task An_order_is_edited_sent_as_pdf_and_csv_received_in_part_by_scanning_and_closed_with_its_differences()
    {
        var shop = await _api.NewShopAsync();
        var floor = await _api.FloorAsync(shop);
        var supplier = await NewSupplierAsync("Kaffehuset");
        var beans = await _api.NewProductAsync(89.00m, name: "Kaffebønner 500 g");
        var filters = await _api.NewProductAsync(25.00m, name: "Kaffefiltre");
        var mugs = await _api.NewProductAsync(49.00m, name: "Krus");
        await SellsAsync(supplier, beans, 40.00m);
        await SellsAsync(supplier, filters, 8.00m);
        var order = await _api.PostAsync<PurchaseOrderView>("/api/v1/purchase-orders",
            new CreatePurchaseOrder(Guid.CreateVersion7(), shop.Store.Id, supplier.Id, Lines: [new(beans.Id, 10m)]));
        order = await _api.PutAsync<PurchaseOrderView>($"/api/v1/purchase-orders/{order.Id}/lines",
            new PurchaseOrderLineRequest[] { new(filters.Id, 5m), new(beans.Id, 6m, 42.00m) });
        var early = await _api.PostAsync($"/api/v1/purchase-orders/{order.Id}/receipts", new ReceiveGoods(Everything: true));
        order = await _api.PostAsync<PurchaseOrderView>($"/api/v1/purchase-orders/{order.Id}/send", null);
        var edit = await _api.SendAsync(HttpMethod.Put, $"/api/v1/purchase-orders/{order.Id}/lines", new PurchaseOrderLineRequest[] { new(filters.Id, 9m) });

        var pdf = await _api.Http.GetByteArrayAsync($"/api/v1/purchase-orders/{order.Id}/order.pdf");
        var csv = await _api.Http.GetStringAsync($"/api/v1/purchase-orders/{order.Id}/order.csv");
        // 4 bags of beans scanned one by one, one scan of 2, all filters counted in, and one mug nobody ordered.
        foreach (var _ in Enumerable.Range(0, 4))
            order = await _api.PostAsync<PurchaseOrderView>($"/api/v1/purchase-orders/{order.Id}/receipts", new ReceiveGoods([new ReceivedItem(beans.Barcodes[0])]));
        order = await _api.PostAsync<PurchaseOrderView>($"/api/v1/purchase-orders/{order.Id}/receipts",
            new ReceiveGoods([new ReceivedItem(filters.Barcodes[0], Quantity: 5m), new ReceivedItem(mugs.Barcodes[0])]));
        Assert.Equal(PurchaseOrderStatus.PartlyReceived, order.Status);
        var closed = await _api.PostAsync<PurchaseOrderView>($"/api/v1/purchase-orders/{order.Id}/close", null);
        var late = await _api.PostAsync($"/api/v1/purchase-orders/{order.Id}/receipts", new ReceiveGoods(Everything: true));

        await KasseClient.Problem(early, HttpStatusCode.Conflict, "purchase-order.not-sent");
        await KasseClient.Problem(edit, HttpStatusCode.Conflict, "purchase-order.not-draft");
        await KasseClient.Problem(late, HttpStatusCode.Conflict, "purchase-order.closed");
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.Contains(order.Reference, text);
            Assert.Contains(supplier.Name, text);
            Assert.Contains("K-4411", text);
            Assert.Contains($"S-{beans.Sku}", text);
        }
        Assert.StartsWith("order;supplier_sku;product;quantity;unit_cost;line_cost\r\n", csv);
        Assert.Contains($"{order.Reference};S-{beans.Sku};Kaffebønner 500 g;6;42.00;252.00", csv);
        Assert.Equal(PurchaseOrderStatus.Closed, closed.Status);
        Assert.Equal(-2m, closed.Lines.Single(l => l.ProductId == beans.Id).Difference);  // under-delivered
        Assert.Equal(0m, closed.Lines.Single(l => l.ProductId == filters.Id).Difference);
        var extra = closed.Lines.Single(l => l.ProductId == mugs.Id);
        Assert.Equal((0m, 1m), (extra.Ordered, extra.Received));                             // over-delivered
        Assert.Equal(4m, await _api.OnHandAsync(beans.Id, floor.Id));
        Assert.Equal(5m, await _api.OnHandAsync(filters.Id, floor.Id));
        var received = (await _api.MovementsAsync(beans.Id))[0];
        Assert.Equal(MovementKind.Received, received.Kind);
        Assert.Equal(order.Id, received.ReferenceId);
    }

    [Fact]
    public async Task Receiving_updates_the_moving_average_cost()
    {
        var shop = await _api.NewShopAsync();
        var floor = await _api.FloorAsync(shop);
        var supplier = await NewSupplierAsync();
        var oil = await _api.NewProductAsync(59.00m, name: "Olivenolie");
        await SellsAsync(supplier, oil, 30.00m);

        async Task ReceiveAsync(decimal quantity, decimal cost)
        {
            var order = await _api.PostAsync<PurchaseOrderView>("/api/v1/purchase-orders",
                new CreatePurchaseOrder(Guid.CreateVersion7(), shop.Store.Id, supplier.Id, floor.Id, [new(oil.Id, quantity, cost)]));
            await _api.PostAsync<PurchaseOrderView>($"/api/v1/purchase-orders/{order.Id}/send", null);
            await _api.PostAsync<PurchaseOrderView>($"/api/v1/purchase-orders/{order.Id}/receipts", new ReceiveGoods(Everything: true));
        }

        await ReceiveAsync(10m, 30.00m);
        Assert.Equal(30.00m, (await _api.GetAsync<ProductView>($"/api/v1/products/{oil.Id}")).CostPrice);
        await ReceiveAsync(5m, 36.00m);

        Assert.Equal(32.00m, (await _api.GetAsync<ProductView>($"/api/v1/products/{oil.Id}")).CostPrice); // (10 × 30 + 5 × 36) ÷ 15
        Assert.Equal(15m, await _api.OnHandAsync(oil.Id, floor.Id));
        var value = await _api.GetAsync<StockValueReport>($"/api/v1/stores/{shop.Store.Id}/stock-value");
        Assert.Equal(480.00m, value.TotalValue);
    }

    [Fact]
    public async Task Supplier_terms_are_checked()
    {
        var supplier = await NewSupplierAsync();
        var product = await _api.NewProductAsync(10m);

        var badPack = await _api.SendAsync(HttpMethod.Put, $"/api/v1/suppliers/{supplier.Id}/products/{product.Id}", new SaveSupplierProduct("X1", 5m, 0m));
        var badLead = await _api.SendAsync(HttpMethod.Put, $"/api/v1/suppliers/{supplier.Id}/products/{product.Id}", new SaveSupplierProduct("X1", 5m, 1m, -1));
        var unknown = await _api.SendAsync(HttpMethod.Put, $"/api/v1/suppliers/{Guid.CreateVersion7()}/products/{product.Id}", new SaveSupplierProduct("X1", 5m));
        var duplicate = await _api.PostAsync("/api/v1/suppliers", new SaveSupplier(Guid.CreateVersion7(), supplier.Name));

        await KasseClient.Problem(badPack, HttpStatusCode.BadRequest, "supplier-product.pack-size");
        await KasseClient.Problem(badLead, HttpStatusCode.BadRequest, "supplier-product.lead-time");
        await KasseClient.Problem(unknown, HttpStatusCode.NotFound, "supplier.not-found");
        await KasseClient.Problem(duplicate, HttpStatusCode.Conflict, "supplier.name-taken");
        await SellsAsync(supplier, product, 5.50m, pack: 6m, leadDays: 3, minimum: 12m);
        var listed = Assert.Single(await _api.GetAsync<List<SupplierProductView>>($"/api/v1/suppliers/{supplier.Id}/products"));
        Assert.Equal((product.Id, 5.50m, 6m, 3, 12m), (listed.ProductId, listed.Cost, listed.PackSize, listed.LeadTimeDays, listed.MinimumOrder));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PurchasingOnSqlite(SqliteServer server) : PurchasingTests(server);

[Collection(PostgresCollection.Name)]
public sealed class PurchasingOnPostgres(PostgresServer server) : PurchasingTests(server);
