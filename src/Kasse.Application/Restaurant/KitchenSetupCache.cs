using Kasse.Data;
using Kasse.Domain.Devices;
using Kasse.Domain.Restaurant;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Restaurant;

/// <summary>A store's kitchen as a send and a screen read it: its stations in screen order, its routes and its kitchen printers.</summary>
public sealed record KitchenSetup(IReadOnlyList<KitchenStation> Stations, IReadOnlyList<KitchenRoute> Routes, IReadOnlyList<Printer> Printers)
{
    /// <summary>The printers that print for a station (a kitchen printer's station is the station's name).</summary>
    public IReadOnlyList<Printer> PrintersOf(string stationName) =>
        Printers.Where(p => string.Equals(p.Station, stationName, StringComparison.OrdinalIgnoreCase)).ToList();
}

/// <summary>
/// What every send to the kitchen and every kitchen screen reads but a manager changes seldom — a store's stations,
/// routes and kitchen printers, the names of tables and waiters, products' categories — kept in memory and read again
/// when a save changes it (<see cref="CachedData.Kitchen"/>, <see cref="CachedData.Products"/>). On SQLite a send holds
/// the one write turn while it works out its tickets: every read it does not make there is a send less waiting behind it.
/// The copies are shared and never tracked; nobody changes them.
/// </summary>
public sealed class KitchenSetupCache(TimeProvider clock)
{
    private readonly HotPathCache<Guid, KitchenSetup> _setups = new(CachedData.Kitchen, clock);
    private readonly HotPathCache<Guid, string?> _tableNames = new(CachedData.Kitchen, clock);
    private readonly HotPathCache<Guid, string?> _employeeNames = new(CachedData.Kitchen, clock);
    private readonly HotPathCache<Guid, Guid?> _categories = new(CachedData.Products, clock);

    public Task<KitchenSetup> SetupAsync(KasseDbContext db, Guid storeId, CancellationToken ct) => _setups.GetAsync(storeId, async () =>
    {
        var stations = await db.KitchenStations.AsNoTracking().Where(s => s.StoreId == storeId && s.DeletedAt == null)
            .OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(ct);
        var routes = await db.KitchenRoutes.AsNoTracking().Where(r => r.StoreId == storeId).ToListAsync(ct);
        var printers = await db.Printers.AsNoTracking().Where(p => p.StoreId == storeId && p.Role == PrinterRole.Kitchen && p.Station != null)
            .ToListAsync(ct);
        return new KitchenSetup(stations, routes, printers);
    });

    public Task<string?> TableNameAsync(KasseDbContext db, Guid tableId, CancellationToken ct) => _tableNames.GetAsync(tableId, () =>
        db.DiningTables.AsNoTracking().Where(t => t.Id == tableId).Select(t => t.Name).FirstOrDefaultAsync(ct));

    public Task<string?> EmployeeNameAsync(KasseDbContext db, Guid employeeId, CancellationToken ct) => _employeeNames.GetAsync(employeeId, () =>
        db.Employees.AsNoTracking().Where(e => e.Id == employeeId).Select(e => e.Name).FirstOrDefaultAsync(ct));

    /// <summary>Each product's category (null for none, or for a product that is gone).</summary>
    public Task<IReadOnlyDictionary<Guid, Guid?>> CategoriesAsync(KasseDbContext db, IReadOnlyCollection<Guid> productIds, CancellationToken ct) =>
        _categories.GetManyAsync(productIds, async missing =>
        {
            var read = await db.Products.AsNoTracking().Where(p => missing.Contains(p.Id))
                .Select(p => new { p.Id, p.CategoryId }).ToDictionaryAsync(p => p.Id, p => p.CategoryId, ct);
            return missing.ToDictionary(id => id, id => read.GetValueOrDefault(id));
        });
}
