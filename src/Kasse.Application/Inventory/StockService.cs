using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Inventory;

/// <summary>On-hand figures, their settings, manual movements, alerts and the ledger's history.</summary>
public sealed class StockService(KasseDbContext db, StockLedger ledger, LocationService locations)
{
    public const int MaxTake = 1000;

    public async Task<IReadOnlyList<StockLevelView>> LevelsAsync(Guid storeId, Guid? locationId, StockState? state, CancellationToken ct)
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        var levels = db.StockLevels.AsNoTracking().Where(l => l.StoreId == storeId);
        if (locationId is { } location)
            levels = levels.Where(l => l.LocationId == location);
        var views = await ViewsAsync(levels, ct);
        return state is null ? views : views.Where(v => v.State == state).ToList();
    }

    /// <summary>Low and out-of-stock products of a store: what the back office shows first.</summary>
    public async Task<IReadOnlyList<StockLevelView>> AlertsAsync(Guid storeId, CancellationToken ct) =>
        (await LevelsAsync(storeId, null, null, ct)).Where(v => v.State != StockState.Ok)
            .OrderBy(v => v.State == StockState.Out ? 0 : 1).ThenBy(v => v.Name, StringComparer.CurrentCulture).ToList();

    public async Task<ProductStockView> ProductAsync(Guid productId, Guid? storeId, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct)
            ?? throw DomainException.NotFound(ProductErrors.NotFound, $"No product has id {productId}.");
        var levels = db.StockLevels.AsNoTracking().Where(l => l.ProductId == productId);
        if (storeId is { } store)
            levels = levels.Where(l => l.StoreId == store);
        var views = await ViewsAsync(levels, ct);
        return new ProductStockView(productId, product.Sku, views.Sum(v => v.OnHand), views);
    }

    public Task<StockLevelView> ConfigureAsync(Guid locationId, Guid productId, StockSettings settings, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var location = await LocationService.FindAsync(db, locationId, ct);
        await FindProductAsync(db, productId, ct);
        var level = await db.StockLevels.FirstOrDefaultAsync(l => l.LocationId == locationId && l.ProductId == productId, ct);
        if (level is null)
        {
            level = new StockLevel(locationId, productId, location.StoreId);
            db.StockLevels.Add(level);
        }
        level.Configure(settings.ReorderPoint, settings.ReorderQuantity, settings.BelowZero);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db.StockLevels.AsNoTracking().Where(l => l.LocationId == locationId && l.ProductId == productId), ct)).Single();
    }, ct);

    public Task<MovementView> AdjustAsync(Guid locationId, AdjustStock command, CancellationToken ct) => db.CreateOnceAsync(() => db.InTransactionAsync(async () =>
    {
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid(MovementErrors.Id, "Give the adjustment an id (a new UUID), so a retry books it once.");
        if (await db.StockMovements.AsNoTracking().FirstOrDefaultAsync(m => m.Id == command.Id, ct) is { } done)
            return MovementView.From(done);
        if (command.Kind is not (MovementKind.Adjustment or MovementKind.Waste))
            throw DomainException.Invalid(MovementErrors.Kind, "Only adjustments and waste are booked by hand; sales, receipts, counts and transfers book themselves.");
        var reason = Text.Required(command.Reason, StockMovement.MaxReasonLength, "movement.reason", "A reason (damaged, found, expired …)");
        var quantity = Quantities.NonZero(command.Quantity, "movement.quantity", "The quantity");
        if (command.Kind == MovementKind.Waste && quantity > 0m)
            throw DomainException.Invalid(MovementErrors.Quantity, "Waste takes stock out: give a negative quantity.");
        await LocationService.FindAsync(db, locationId, ct);
        var product = await FindProductAsync(db, command.ProductId, ct);
        var booked = await ledger.BookAsync([new StockMove(locationId, product.Id, command.Kind, quantity, reason, null, product.CostPrice, command.Id)], ct);
        return MovementView.From(booked.Single());
    }, ct));

    public async Task<IReadOnlyList<MovementView>> MovementsAsync(Guid productId, Guid? storeId, DateTimeOffset? from, DateTimeOffset? to, int take, CancellationToken ct)
    {
        if (take is < 1 or > MaxTake)
            throw DomainException.Invalid(RequestErrors.Page, $"take must be between 1 and {MaxTake}.");
        await FindProductAsync(db, productId, ct);
        var movements = db.StockMovements.AsNoTracking().Where(m => m.ProductId == productId);
        if (storeId is { } store)
            movements = movements.Where(m => m.StoreId == store);
        if (from is { } start)
            movements = movements.Where(m => m.At >= start);
        if (to is { } end)
            movements = movements.Where(m => m.At < end);
        var list = await movements.OrderByDescending(m => m.At).ThenByDescending(m => m.Id).Take(take).ToListAsync(ct);
        return list.Select(MovementView.From).ToList();
    }

    internal async Task<IReadOnlyList<StockLevelView>> ViewsAsync(IQueryable<StockLevel> levels, CancellationToken ct)
    {
        var rows = await (from l in levels
                          join p in db.Products on l.ProductId equals p.Id
                          join loc in db.StockLocations on l.LocationId equals loc.Id
                          select new { Level = l, p.Sku, p.Name, p.Unit, p.CostPrice, Location = loc.Name }).ToListAsync(ct);
        return rows.Select(r => new StockLevelView(r.Level.ProductId, r.Sku, r.Name, r.Unit, r.Level.LocationId, r.Location, r.Level.OnHand,
                r.Level.ReorderPoint, r.Level.ReorderQuantity, r.Level.BelowZero, r.CostPrice,
                Kasse.Domain.Money.Money.RoundToMinor(Math.Max(r.Level.OnHand, 0m) * (r.CostPrice ?? 0m)),
                r.Level.IsOut ? StockState.Out : r.Level.IsLow ? StockState.Low : StockState.Ok))
            .OrderBy(v => v.Name, StringComparer.CurrentCulture).ThenBy(v => v.LocationName, StringComparer.CurrentCulture).ToList();
    }

    public static async Task<Product> FindProductAsync(KasseDbContext db, Guid productId, CancellationToken ct) =>
        await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct)
        ?? throw DomainException.NotFound(ProductErrors.NotFound, $"No product has id {productId}.");

    /// <summary>A product by scanned barcode or typed SKU, for the back office's scan fields.</summary>
    public async Task<Guid> ProductByCodeAsync(string code, CancellationToken ct)
    {
        var text = code.Trim();
        return await db.ProductBarcodes.AsNoTracking().Where(b => b.Code == text).Select(b => (Guid?)b.ProductId).FirstOrDefaultAsync(ct)
            ?? await db.Products.AsNoTracking().Where(p => p.Sku == text).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(BarcodeErrors.Unknown, $"No product has the barcode or SKU '{text}'.");
    }

    /// <summary>The store's floor exists before anyone asks for its stock.</summary>
    public Task EnsureFloorAsync(Guid storeId, CancellationToken ct) => locations.EnsureFloorAsync(storeId, ct);
}
