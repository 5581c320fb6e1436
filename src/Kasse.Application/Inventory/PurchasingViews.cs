using Kasse.Domain.Inventory;

namespace Kasse.Application.Inventory;

public sealed record SupplierView(Guid Id, string Name, string? Email, string? Phone, string? AccountNumber)
{
    public static SupplierView From(Supplier s) => new(s.Id, s.Name, s.Email, s.Phone, s.AccountNumber);
}

public sealed record SupplierProductView(Guid SupplierId, Guid ProductId, string ProductName, string SupplierSku, decimal Cost, decimal PackSize,
    int LeadTimeDays, decimal MinimumOrder);

public sealed record PurchaseOrderLineView(Guid Id, Guid ProductId, string ProductName, string? SupplierSku, decimal Ordered, decimal Received,
    decimal Difference, decimal UnitCost, decimal LineCost);

public sealed record PurchaseOrderView(Guid Id, string Reference, Guid StoreId, Guid SupplierId, string SupplierName, Guid LocationId,
    PurchaseOrderStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt, DateTimeOffset? ClosedAt, decimal TotalCost,
    IReadOnlyList<PurchaseOrderLineView> Lines);

/// <summary>The drafts a suggestion made, and the products that need ordering but have no supplier to order from.</summary>
public sealed record SuggestionResult(IReadOnlyList<PurchaseOrderView> Orders, IReadOnlyList<Guid> ProductsWithoutSupplier);

public sealed record SaveSupplier(Guid Id, string Name, string? Email = null, string? Phone = null, string? AccountNumber = null);

public sealed record SaveSupplierProduct(string SupplierSku, decimal Cost, decimal PackSize = 1m, int LeadTimeDays = 0, decimal MinimumOrder = 0m);

public sealed record CreatePurchaseOrder(Guid Id, Guid StoreId, Guid SupplierId, Guid? LocationId = null, IReadOnlyList<PurchaseOrderLineRequest>? Lines = null);

/// <summary>Quantity 0 removes the line; a missing unit cost takes the supplier's cost.</summary>
public sealed record PurchaseOrderLineRequest(Guid ProductId, decimal Quantity, decimal? UnitCost = null);

public sealed record SuggestPurchaseOrders(Guid? LocationId = null, int SalesDays = 28);

/// <summary>Goods that arrived: each item a scanned barcode or a product id, with a quantity (1 per scan by default).</summary>
public sealed record ReceiveGoods(IReadOnlyList<ReceivedItem>? Items = null, bool Everything = false);

public sealed record ReceivedItem(string? Barcode = null, Guid? ProductId = null, decimal Quantity = 1m);
