using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Inventory;

/// <summary>A store's stock locations, and which one each till sells from.</summary>
public sealed class LocationService(KasseDbContext db, SellingLocationsCache sellingLocations)
{
    public const string FloorName = "Butik";

    public async Task<IReadOnlyList<LocationView>> ListAsync(Guid storeId, CancellationToken ct)
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        await EnsureFloorAsync(storeId, ct);
        var list = await db.StockLocations.AsNoTracking().Where(l => l.StoreId == storeId).ToListAsync(ct);
        return list.OrderBy(l => l.Kind).ThenBy(l => l.Name, StringComparer.CurrentCulture).Select(LocationView.From).ToList();
    }

    public Task<LocationView> CreateAsync(Guid storeId, CreateLocation command, CancellationToken ct) => db.CreateOnceAsync(() => db.InTransactionAsync(async () =>
    {
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid(LocationErrors.Id, "Give the location an id (a new UUID).");
        var existing = await db.StockLocations.FirstOrDefaultAsync(l => l.Id == command.Id, ct);
        if (existing is not null)
            return LocationView.From(existing);
        await StoreService.FindStoreAsync(db, storeId, ct);
        await EnsureFloorAsync(storeId, ct);
        var location = new StockLocation(command.Id, storeId, command.Name, command.Kind);
        if (await db.StockLocations.AnyAsync(l => l.StoreId == storeId && l.Name == location.Name, ct))
            throw DomainException.Conflict(LocationErrors.NameTaken, $"The store already has a location called {location.Name}.");
        db.StockLocations.Add(location);
        if (command.IsDefaultSelling)
            await MakeDefaultAsync(location, ct);
        await db.SaveChangesAsync(ct);
        return LocationView.From(location);
    }, ct));

    public Task<LocationView> UpdateAsync(Guid locationId, UpdateLocation command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var location = await FindAsync(db, locationId, ct);
        location.Rename(command.Name, command.Kind);
        if (command.IsDefaultSelling)
            await MakeDefaultAsync(location, ct);
        else
            location.SetDefaultSelling(false);
        await db.SaveChangesAsync(ct);
        return LocationView.From(location);
    }, ct);

    /// <summary>A till that sells from its own location (the café counter) instead of the store's default.</summary>
    public Task<LocationView> SetRegisterLocationAsync(Guid registerId, Guid locationId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        var location = await FindAsync(db, locationId, ct);
        if (location.StoreId != register.StoreId)
            throw DomainException.Invalid(LocationErrors.OtherStore, $"{location.Name} belongs to another store than register {register.Name}.");
        var mapping = await db.RegisterStockLocations.FirstOrDefaultAsync(r => r.RegisterId == registerId, ct);
        if (mapping is null)
            db.RegisterStockLocations.Add(new RegisterStockLocation(registerId, locationId));
        else
            mapping.MoveTo(locationId);
        await db.SaveChangesAsync(ct);
        return LocationView.From(location);
    }, ct);

    /// <summary>Where a register sells from: its own location, else the store's default, else the store's floor.</summary>
    /// <summary>
    /// Where the register's sales take stock from: its own location, else the store's default selling location, else the
    /// store's floor. Read in every completion's write turn, so kept in memory until a location or mapping changes.
    /// </summary>
    public Task<Guid> SellingLocationAsync(Guid storeId, Guid registerId, CancellationToken ct) =>
        sellingLocations.GetAsync((storeId, registerId), () => FindSellingLocationAsync(storeId, registerId, ct));

    private async Task<(Guid Location, bool Keep)> FindSellingLocationAsync(Guid storeId, Guid registerId, CancellationToken ct)
    {
        var own = await db.RegisterStockLocations.AsNoTracking().Where(r => r.RegisterId == registerId).Select(r => (Guid?)r.LocationId).FirstOrDefaultAsync(ct);
        if (own is { } registerLocation)
            return (registerLocation, true);
        var storeDefault = await db.StockLocations.AsNoTracking().Where(l => l.StoreId == storeId && l.IsDefaultSelling)
            .Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
        if (storeDefault is { } defaultLocation)
            return (defaultLocation, true);
        // A floor made just now is in this transaction only, which may yet roll back: kept only once it was there before.
        var existed = await EnsureFloorAsync(storeId, ct);
        return (StockLocation.FloorIdOf(storeId), existed);
    }

    /// <summary>Every store has its floor; it is made on first need, race-free because its id is the store's.</summary>
    /// <returns>Whether the floor was there already.</returns>
    public async Task<bool> EnsureFloorAsync(Guid storeId, CancellationToken ct)
    {
        var floor = StockLocation.FloorIdOf(storeId);
        if (await db.StockLocations.AnyAsync(l => l.Id == floor, ct))
            return true;
        var kind = nameof(LocationKind.StoreFloor);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "StockLocations" ("Id", "StoreId", "Name", "Kind", "IsDefaultSelling")
            VALUES ({floor}, {storeId}, {FloorName}, {kind}, {false}) ON CONFLICT DO NOTHING
            """, ct);
        return false;
    }

    public static async Task<StockLocation> FindAsync(KasseDbContext db, Guid locationId, CancellationToken ct) =>
        await db.StockLocations.FirstOrDefaultAsync(l => l.Id == locationId, ct)
        ?? throw DomainException.NotFound(LocationErrors.NotFound, $"No stock location has id {locationId}.");

    private async Task MakeDefaultAsync(StockLocation location, CancellationToken ct)
    {
        foreach (var other in await db.StockLocations.Where(l => l.StoreId == location.StoreId && l.IsDefaultSelling && l.Id != location.Id).ToListAsync(ct))
            other.SetDefaultSelling(false);
        location.SetDefaultSelling(true);
    }
}

/// <summary>
/// Each register's selling location (<see cref="LocationService.SellingLocationAsync"/>), and each location's store, read
/// again when a location or a register's mapping changes (<see cref="CachedData.Locations"/>).
/// </summary>
public sealed class SellingLocationsCache(TimeProvider clock)
{
    private readonly HotPathCache<(Guid Store, Guid Register), Guid> _selling = new(CachedData.Locations, clock);
    private readonly HotPathCache<Guid, Guid?> _storeOf = new(CachedData.Locations, clock);

    public async Task<Guid> GetAsync((Guid Store, Guid Register) key, Func<Task<(Guid Location, bool Keep)>> find)
    {
        (Guid Location, bool Keep) found = default;
        var location = await _selling.GetAsync(key, async () => (found = await find()).Location);
        if (found != default && !found.Keep)
            _selling.Forget(key);
        return location;
    }

    /// <summary>The store a location belongs to (it never changes), null when there is no such location.</summary>
    public Task<Guid?> StoreOfAsync(Guid locationId, Func<Task<Guid?>> read) => _storeOf.GetAsync(locationId, read);
}
