using System.Text;
using Kasse.Application.Inventory;
using Kasse.Domain.Inventory;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>Suppliers and purchase orders (docs/inventory.md).</summary>
public static class PurchasingEndpoints
{
    public static RouteGroupBuilder MapPurchasing(this RouteGroupBuilder api)
    {
        var suppliers = api.MapGroup("/suppliers").WithTags("Purchasing");
        suppliers.MapGet("/", ListSuppliers).RequirePermission(Permission.ManageInventory).WithSummary("All suppliers");
        suppliers.MapPost("/", CreateSupplier).RequirePermission(Permission.ManageInventory).WithSummary("Add a supplier (idempotent by id)");
        suppliers.MapGet("/{supplierId:guid}", GetSupplier).RequirePermission(Permission.ManageInventory).WithSummary("One supplier");
        suppliers.MapPut("/{supplierId:guid}", UpdateSupplier).RequirePermission(Permission.ManageInventory).WithSummary("Change a supplier's name and contact details");
        suppliers.MapGet("/{supplierId:guid}/products", SupplierProducts).RequirePermission(Permission.ManageInventory)
            .WithSummary("What the supplier sells us: their SKU, cost, pack size, lead time, minimum order");
        suppliers.MapPut("/{supplierId:guid}/products/{productId:guid}", SetSupplierProduct).RequirePermission(Permission.ManageInventory)
            .WithSummary("Set the supplier's terms for a product");
        suppliers.MapDelete("/{supplierId:guid}/products/{productId:guid}", RemoveSupplierProduct).RequirePermission(Permission.ManageInventory)
            .WithSummary("The supplier no longer sells the product");

        var orders = api.MapGroup("").WithTags("Purchasing");
        orders.MapGet("/stores/{storeId:guid}/purchase-orders", ListOrders).RequirePermission(Permission.ManageInventory)
            .WithSummary("The store's purchase orders, newest first (?status=Draft|Sent|PartlyReceived|Received|Closed)");
        orders.MapPost("/stores/{storeId:guid}/purchase-orders/suggestions", Suggest).RequirePermission(Permission.ManageInventory)
            .WithSummary("Draft orders, one per supplier, for everything at or below its reorder point (sales velocity and lead time included)");
        orders.MapPost("/purchase-orders", CreateOrder).RequirePermission(Permission.ManageInventory).WithSummary("Start a purchase order by hand (idempotent by id)");
        orders.MapGet("/purchase-orders/{orderId:guid}", GetOrder).RequirePermission(Permission.ManageInventory).WithSummary("One purchase order with ordered, received and difference per line");
        orders.MapPut("/purchase-orders/{orderId:guid}/lines", EditLines).RequirePermission(Permission.ManageInventory)
            .WithSummary("Set quantities (0 removes) and costs on a draft order");
        orders.MapPost("/purchase-orders/{orderId:guid}/send", Send).RequirePermission(Permission.ManageInventory).WithSummary("Mark the order sent (then fetch its PDF or CSV)");
        orders.MapGet("/purchase-orders/{orderId:guid}/order.pdf", OrderPdf).RequirePermission(Permission.ManageInventory).WithSummary("The order as an A4 PDF for the supplier");
        orders.MapGet("/purchase-orders/{orderId:guid}/order.csv", OrderCsv).RequirePermission(Permission.ManageInventory).WithSummary("The order as CSV for the supplier's system");
        orders.MapPost("/purchase-orders/{orderId:guid}/receipts", Receive).RequirePermission(Permission.ManageInventory)
            .WithSummary("Book a delivery, in full or by scanned items: stock in and moving average cost updated");
        orders.MapPost("/purchase-orders/{orderId:guid}/close", Close).RequirePermission(Permission.ManageInventory)
            .WithSummary("Close the order; lines still short stay recorded as under-delivered");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<SupplierView>>> ListSuppliers(SupplierService suppliers, CancellationToken ct) => TypedResults.Ok(await suppliers.ListAsync(ct));

    private static async Task<Created<SupplierView>> CreateSupplier(SaveSupplier request, SupplierService suppliers, CancellationToken ct)
    {
        var supplier = await suppliers.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/suppliers/{supplier.Id}", supplier);
    }

    private static async Task<Ok<SupplierView>> GetSupplier(Guid supplierId, SupplierService suppliers, CancellationToken ct) => TypedResults.Ok(await suppliers.GetAsync(supplierId, ct));

    private static async Task<Ok<SupplierView>> UpdateSupplier(Guid supplierId, SaveSupplier request, SupplierService suppliers, CancellationToken ct) =>
        TypedResults.Ok(await suppliers.UpdateAsync(supplierId, request, ct));

    private static async Task<Ok<IReadOnlyList<SupplierProductView>>> SupplierProducts(Guid supplierId, SupplierService suppliers, CancellationToken ct) =>
        TypedResults.Ok(await suppliers.ProductsAsync(supplierId, ct));

    private static async Task<Ok<SupplierProductView>> SetSupplierProduct(Guid supplierId, Guid productId, SaveSupplierProduct request, SupplierService suppliers, CancellationToken ct) =>
        TypedResults.Ok(await suppliers.SetProductAsync(supplierId, productId, request, ct));

    private static async Task<NoContent> RemoveSupplierProduct(Guid supplierId, Guid productId, SupplierService suppliers, CancellationToken ct)
    {
        await suppliers.RemoveProductAsync(supplierId, productId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<IReadOnlyList<PurchaseOrderView>>> ListOrders(Guid storeId, PurchaseOrderStatus? status, PurchaseOrderService orders, CancellationToken ct) =>
        TypedResults.Ok(await orders.ListAsync(storeId, status, ct));

    private static async Task<Ok<SuggestionResult>> Suggest(Guid storeId, SuggestPurchaseOrders? request, PurchaseOrderService orders, CancellationToken ct) =>
        TypedResults.Ok(await orders.SuggestAsync(storeId, request ?? new SuggestPurchaseOrders(), ct));

    private static async Task<Created<PurchaseOrderView>> CreateOrder(CreatePurchaseOrder request, PurchaseOrderService orders, CancellationToken ct)
    {
        var order = await orders.CreateAsync(request, ct);
        return TypedResults.Created($"/api/v1/purchase-orders/{order.Id}", order);
    }

    private static async Task<Ok<PurchaseOrderView>> GetOrder(Guid orderId, PurchaseOrderService orders, CancellationToken ct) => TypedResults.Ok(await orders.GetAsync(orderId, ct));

    private static async Task<Ok<PurchaseOrderView>> EditLines(Guid orderId, IReadOnlyList<PurchaseOrderLineRequest> request, PurchaseOrderService orders, CancellationToken ct) =>
        TypedResults.Ok(await orders.EditLinesAsync(orderId, request, ct));

    private static async Task<Ok<PurchaseOrderView>> Send(Guid orderId, PurchaseOrderService orders, CancellationToken ct) => TypedResults.Ok(await orders.SendAsync(orderId, ct));

    private static async Task<FileContentHttpResult> OrderPdf(Guid orderId, PurchaseOrderService orders, CancellationToken ct)
    {
        var (order, supplier, store, location) = await orders.DocumentAsync(orderId, ct);
        return TypedResults.File(PurchaseOrderDocuments.Pdf(order, supplier, store, location), "application/pdf", $"{order.Reference}.pdf");
    }

    private static async Task<FileContentHttpResult> OrderCsv(Guid orderId, PurchaseOrderService orders, CancellationToken ct)
    {
        var order = await orders.GetAsync(orderId, ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(PurchaseOrderDocuments.Csv(order)), "text/csv", $"{order.Reference}.csv");
    }

    private static async Task<Ok<PurchaseOrderView>> Receive(Guid orderId, ReceiveGoods request, PurchaseOrderService orders, CancellationToken ct) =>
        TypedResults.Ok(await orders.ReceiveAsync(orderId, request, ct));

    private static async Task<Ok<PurchaseOrderView>> Close(Guid orderId, PurchaseOrderService orders, CancellationToken ct) => TypedResults.Ok(await orders.CloseAsync(orderId, ct));
}
