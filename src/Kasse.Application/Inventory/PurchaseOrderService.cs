using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Inventory;

/// <summary>Purchase orders: suggested from reorder points and sales, edited, sent, received (by scanning) and closed.</summary>
public sealed class PurchaseOrderService(KasseDbContext db, StockLedger ledger, LocationService locations, TimeProvider clock)
{
    public async Task<IReadOnlyList<PurchaseOrderView>> ListAsync(Guid storeId, PurchaseOrderStatus? status, CancellationToken ct)
    {
        var orders = db.PurchaseOrders.AsNoTracking().Where(o => o.StoreId == storeId);
        if (status is not null)
            orders = orders.Where(o => o.Status == status);
        return await ViewsAsync(await orders.OrderByDescending(o => o.Number).Take(500).ToListAsync(ct), ct);
    }

    public async Task<PurchaseOrderView> GetAsync(Guid id, CancellationToken ct) => await ViewAsync(await FindAsync(id, ct), ct);

    public Task<PurchaseOrderView> CreateAsync(CreatePurchaseOrder command, CancellationToken ct) => db.CreateOnceAsync(() => db.InTransactionAsync(async () =>
    {
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid(PurchaseOrderErrors.Id, "Give the purchase order an id (a new UUID).");
        if (await db.PurchaseOrders.FirstOrDefaultAsync(o => o.Id == command.Id, ct) is { } existing)
            return await ViewAsync(existing, ct);
        await StoreService.FindStoreAsync(db, command.StoreId, ct);
        await SupplierService.FindAsync(db, command.SupplierId, ct);
        var location = await ReceivingLocationAsync(command.StoreId, command.LocationId, ct);
        var order = new PurchaseOrder(command.Id, command.StoreId, command.SupplierId, location, await NextNumberAsync(command.StoreId, ct), clock.Now());
        db.PurchaseOrders.Add(order);
        await SetLinesAsync(order, command.Lines ?? [], ct);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(order, ct);
    }, ct));

    public Task<PurchaseOrderView> EditLinesAsync(Guid id, IReadOnlyList<PurchaseOrderLineRequest> lines, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var order = await FindAsync(id, ct);
        await SetLinesAsync(order, lines, ct);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(order, ct);
    }, ct);

    /// <summary>Drafts one order per supplier for everything at or below its reorder point, counting what is already on order.</summary>
    public Task<SuggestionResult> SuggestAsync(Guid storeId, SuggestPurchaseOrders command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        if (command.SalesDays is < 1 or > 365)
            throw DomainException.Invalid(SuggestionErrors.Days, "Sales velocity is measured over 1 to 365 days.");
        var levels = db.StockLevels.AsNoTracking().Where(l => l.StoreId == storeId && l.ReorderPoint != null);
        if (command.LocationId is { } only)
            levels = levels.Where(l => l.LocationId == only);
        var candidates = await levels.ToListAsync(ct);
        var productIds = candidates.Select(l => l.ProductId).Distinct().ToList();
        var openLines = await (from o in db.PurchaseOrders
                               where o.StoreId == storeId && o.Status != PurchaseOrderStatus.Received && o.Status != PurchaseOrderStatus.Closed
                               from l in o.Lines
                               where productIds.Contains(l.ProductId)
                               select new { o.LocationId, l.ProductId, l.Ordered, l.Received }).ToListAsync(ct);
        var since = clock.Now().AddDays(-command.SalesDays);
        var sold = await db.StockMovements.AsNoTracking()
            .Where(m => m.StoreId == storeId && productIds.Contains(m.ProductId) && m.At >= since && (m.Kind == MovementKind.Sale || m.Kind == MovementKind.Return))
            .Select(m => new { m.LocationId, m.ProductId, m.Quantity }).ToListAsync(ct);
        var offers = (await db.SupplierProducts.AsNoTracking().Where(s => productIds.Contains(s.ProductId)).ToListAsync(ct))
            .GroupBy(s => s.ProductId).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Cost).ThenBy(s => s.SupplierId).First());
        var orders = new Dictionary<(Guid Supplier, Guid Location), PurchaseOrder>();
        var withoutSupplier = new List<Guid>();
        foreach (var level in candidates.OrderBy(l => l.ProductId))
        {
            var onOrder = openLines.Where(l => l.ProductId == level.ProductId && l.LocationId == level.LocationId).Sum(l => Math.Max(l.Ordered - l.Received, 0m));
            var dailySales = -sold.Where(s => s.ProductId == level.ProductId && s.LocationId == level.LocationId).Sum(s => s.Quantity) / command.SalesDays;
            offers.TryGetValue(level.ProductId, out var offer);
            var quantity = ReorderMath.Suggest(level.OnHand, onOrder, level.ReorderPoint!.Value, level.ReorderQuantity, Math.Max(dailySales, 0m),
                offer?.LeadTimeDays ?? 0, offer?.PackSize ?? 1m, offer?.MinimumOrder ?? 0m);
            if (quantity <= 0m)
                continue;
            if (offer is null)
            {
                withoutSupplier.Add(level.ProductId);
                continue;
            }
            if (!orders.TryGetValue((offer.SupplierId, level.LocationId), out var order))
            {
                order = new PurchaseOrder(Guid.CreateVersion7(), storeId, offer.SupplierId, level.LocationId, await NextNumberAsync(storeId, ct) + orders.Count, clock.Now());
                orders[(offer.SupplierId, level.LocationId)] = order;
            }
            order.SetLine(level.ProductId, offer.SupplierSku, quantity, offer.Cost);
        }
        db.PurchaseOrders.AddRange(orders.Values);
        await db.SaveChangesAsync(ct);
        return new SuggestionResult(await ViewsAsync(orders.Values.ToList(), ct), withoutSupplier.Distinct().ToList());
    }, ct);

    public Task<PurchaseOrderView> SendAsync(Guid id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var order = await FindAsync(id, ct);
        order.Send(clock.Now());
        await db.SaveChangesAsync(ct);
        return await ViewAsync(order, ct);
    }, ct);

    /// <summary>
    /// Books a delivery: stock in at the order's location and the moving average cost of each product updated. More than
    /// ordered, or a product not on the order, is taken in and shown as an over-delivery.
    /// </summary>
    public Task<PurchaseOrderView> ReceiveAsync(Guid id, ReceiveGoods command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var order = await FindAsync(id, ct);
        var items = new List<(Guid ProductId, decimal Quantity)>();
        if (command.Everything)
            items.AddRange(order.Lines.Where(l => l.Ordered > l.Received).Select(l => (l.ProductId, l.Ordered - l.Received)));
        foreach (var item in command.Items ?? [])
            items.Add((await ProductOfAsync(item, ct), item.Quantity));
        if (items.Count == 0)
            throw DomainException.Invalid(PurchaseOrderErrors.NothingReceived, "Say what arrived: scan the goods (items) or receive everything.");
        var costs = await db.SupplierProducts.AsNoTracking().Where(s => s.SupplierId == order.SupplierId).ToDictionaryAsync(s => s.ProductId, s => s.Cost, ct);
        var moves = new List<StockMove>();
        foreach (var (productId, quantity) in items.GroupBy(i => i.ProductId).Select(g => (g.Key, g.Sum(i => i.Quantity))))
        {
            var product = await StockService.FindProductAsync(db, productId, ct);
            var line = order.Receive(productId, quantity, costs.GetValueOrDefault(productId, product.CostPrice ?? 0m));
            await UpdateAverageCostAsync(product, quantity, line.UnitCost, ct);
            moves.Add(new StockMove(order.LocationId, productId, MovementKind.Received, quantity, order.Reference, order.Id, line.UnitCost));
        }
        await db.SaveChangesAsync(ct);
        await ledger.BookAsync(moves, ct);
        return await ViewAsync(order, ct);
    }, ct);

    public Task<PurchaseOrderView> CloseAsync(Guid id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var order = await FindAsync(id, ct);
        order.Close(clock.Now());
        await db.SaveChangesAsync(ct);
        return await ViewAsync(order, ct);
    }, ct);

    public async Task<(PurchaseOrderView Order, SupplierView Supplier, string StoreName, string LocationName)> DocumentAsync(Guid id, CancellationToken ct)
    {
        var order = await GetAsync(id, ct);
        var supplier = SupplierView.From(await SupplierService.FindAsync(db, order.SupplierId, ct));
        var store = await StoreService.FindStoreAsync(db, order.StoreId, ct);
        var location = await LocationService.FindAsync(db, order.LocationId, ct);
        return (order, supplier, store.Name + ", " + store.Address, location.Name);
    }

    /// <summary>New average = (units on hand × old average + units received × their cost) ÷ all units; the receipt's cost when none were on hand.</summary>
    private async Task UpdateAverageCostAsync(Product product, decimal received, decimal unitCost, CancellationToken ct)
    {
        var onHand = (await db.StockLevels.Where(l => l.ProductId == product.Id).Select(l => l.OnHand).ToListAsync(ct)).Sum();
        var average = product.CostPrice is { } old && onHand > 0m
            ? Domain.Money.Money.RoundToMinor((onHand * old + received * unitCost) / (onHand + received))
            : unitCost;
        product.Update(product.Sku, product.Name, product.Price, product.VatPercent, product.Unit, product.CategoryId, average, product.IsActive);
    }

    private async Task<Guid> ProductOfAsync(ReceivedItem item, CancellationToken ct)
    {
        Quantities.Positive(item.Quantity, "purchase-order.received", "The received quantity");
        if (item.ProductId is { } productId)
            return productId;
        var code = item.Barcode?.Trim();
        if (string.IsNullOrEmpty(code))
            throw DomainException.Invalid(PurchaseOrderErrors.Item, "Each received item needs a barcode or a productId.");
        return await db.ProductBarcodes.AsNoTracking().Where(b => b.Code == code).Select(b => (Guid?)b.ProductId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(BarcodeErrors.Unknown, $"No product has barcode {code}. Add the barcode to the product in the catalogue, then scan again.");
    }

    private async Task SetLinesAsync(PurchaseOrder order, IReadOnlyList<PurchaseOrderLineRequest> lines, CancellationToken ct)
    {
        var offers = await db.SupplierProducts.AsNoTracking().Where(s => s.SupplierId == order.SupplierId).ToDictionaryAsync(s => s.ProductId, ct);
        foreach (var line in lines)
        {
            await StockService.FindProductAsync(db, line.ProductId, ct);
            offers.TryGetValue(line.ProductId, out var offer);
            order.SetLine(line.ProductId, offer?.SupplierSku, line.Quantity, line.UnitCost ?? offer?.Cost
                ?? throw DomainException.Invalid(PurchaseOrderErrors.Cost, $"The supplier has no cost for product {line.ProductId}; give a unitCost."));
        }
    }

    private async Task<Guid> ReceivingLocationAsync(Guid storeId, Guid? locationId, CancellationToken ct)
    {
        if (locationId is null)
        {
            await locations.EnsureFloorAsync(storeId, ct);
            return StockLocation.FloorIdOf(storeId);
        }
        var location = await LocationService.FindAsync(db, locationId.Value, ct);
        return location.StoreId == storeId ? location.Id
            : throw DomainException.Invalid(LocationErrors.OtherStore, $"{location.Name} belongs to another store.");
    }

    private async Task<long> NextNumberAsync(Guid storeId, CancellationToken ct) =>
        (await db.PurchaseOrders.Where(o => o.StoreId == storeId).MaxAsync(o => (long?)o.Number, ct) ?? 0L) + 1L;

    private async Task<PurchaseOrder> FindAsync(Guid id, CancellationToken ct) =>
        await db.PurchaseOrders.FirstOrDefaultAsync(o => o.Id == id, ct)
        ?? throw DomainException.NotFound(PurchaseOrderErrors.NotFound, $"No purchase order has id {id}.");

    private async Task<PurchaseOrderView> ViewAsync(PurchaseOrder order, CancellationToken ct) => (await ViewsAsync([order], ct)).Single();

    private async Task<IReadOnlyList<PurchaseOrderView>> ViewsAsync(IReadOnlyList<PurchaseOrder> orders, CancellationToken ct)
    {
        var productIds = orders.SelectMany(o => o.Lines).Select(l => l.ProductId).Distinct().ToList();
        var names = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var supplierIds = orders.Select(o => o.SupplierId).Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Where(s => supplierIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return orders.Select(o => new PurchaseOrderView(o.Id, o.Reference, o.StoreId, o.SupplierId, suppliers.GetValueOrDefault(o.SupplierId, ""), o.LocationId,
            o.Status, o.CreatedAt, o.SentAt, o.ClosedAt, o.TotalCost,
            o.Lines.OrderBy(l => names.GetValueOrDefault(l.ProductId, ""), StringComparer.CurrentCulture).Select(l => new PurchaseOrderLineView(l.Id, l.ProductId,
                names.GetValueOrDefault(l.ProductId, ""), l.SupplierSku, l.Ordered, l.Received, l.Difference, l.UnitCost,
                Domain.Money.Money.RoundToMinor(l.Ordered * l.UnitCost))).ToList())).ToList();
    }
}
