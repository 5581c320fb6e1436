using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Restaurant;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Restaurant;

public sealed record TableView(Guid Id, Guid AreaId, string Name, int Seats, TableShape Shape, int X, int Y, int Width, int Height)
{
    public static TableView From(DiningTable t) => new(t.Id, t.AreaId, t.Name, t.Seats, t.Shape, t.X, t.Y, t.Width, t.Height);
}

public sealed record AreaView(Guid Id, Guid StoreId, string Name, int Position, IReadOnlyList<TableView> Tables);

/// <param name="Position">Where the area comes among the store's areas; left out, after the last.</param>
public sealed record SaveArea(string Name, int? Position = null);

/// <param name="Shape">Square (default) or Round.</param>
/// <param name="Width">In the floor editor's grid units; default 2.</param>
/// <param name="Height">In the floor editor's grid units; default 2.</param>
public sealed record SaveTable(Guid AreaId, string Name, int Seats = 4, TableShape Shape = TableShape.Square, int X = 0, int Y = 0, int Width = 2, int Height = 2)
{
    public TablePlacement Placement => new(Name, Seats, Shape, X, Y, Width, Height);
}

/// <summary>
/// A store's floor plan: its areas (rooms) and their tables. Everyone who sells may read it (the till draws it); changing
/// it is a setting (ManageSettings), audited. Removing keeps the row (sales served at a table still name it).
/// </summary>
public sealed class FloorService(KasseDbContext db, AuditTrail audit, CurrentActor actor, TimeProvider clock)
{
    public async Task<IReadOnlyList<AreaView>> PlanAsync(Guid storeId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Browse);
        actor.Value.EnsureMayActIn(storeId);
        await StoreService.FindStoreAsync(db, storeId, ct);
        var areas = await db.FloorAreas.AsNoTracking().Where(a => a.StoreId == storeId && a.DeletedAt == null).ToListAsync(ct);
        var tables = await db.DiningTables.AsNoTracking().Where(t => t.StoreId == storeId && t.DeletedAt == null).ToListAsync(ct);
        return areas.OrderBy(a => a.Position).ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .Select(a => View(a, tables.Where(t => t.AreaId == a.Id))).ToList();
    }

    public async Task<AreaView> AddAreaAsync(Guid storeId, SaveArea command, CancellationToken ct)
    {
        Manage(storeId);
        await StoreService.FindStoreAsync(db, storeId, ct);
        var last = await db.FloorAreas.Where(a => a.StoreId == storeId && a.DeletedAt == null).MaxAsync(a => (int?)a.Position, ct);
        var area = new FloorArea(Guid.CreateVersion7(), storeId, command.Name, command.Position ?? (last ?? 0) + 1);
        await EnsureNameFreeAsync(storeId, area.Name, null, ct);
        db.FloorAreas.Add(area);
        audit.Record(AuditAction.SettingChanged, AuditTexts.FloorAreaAdded(area.Name), subject: "floor-area:" + area.Id, storeId: storeId,
            after: new { area.Name, area.Position });
        await db.SaveChangesAsync(ct);
        return View(area, []);
    }

    public async Task<AreaView> ChangeAreaAsync(Guid storeId, Guid areaId, SaveArea command, CancellationToken ct)
    {
        Manage(storeId);
        var area = await FindAreaAsync(storeId, areaId, ct);
        var before = new { area.Name, area.Position };
        area.Change(command.Name, command.Position ?? area.Position);
        await EnsureNameFreeAsync(storeId, area.Name, area.Id, ct);
        audit.Record(AuditAction.SettingChanged, AuditTexts.FloorAreaChanged(area.Name), subject: "floor-area:" + area.Id, storeId: storeId,
            before: before, after: new { area.Name, area.Position });
        await db.SaveChangesAsync(ct);
        return View(area, await db.DiningTables.AsNoTracking().Where(t => t.AreaId == area.Id && t.DeletedAt == null).ToListAsync(ct));
    }

    /// <summary>An area with tables is not removed: move or remove its tables first, so no table is lost by accident.</summary>
    public async Task DeleteAreaAsync(Guid storeId, Guid areaId, CancellationToken ct)
    {
        Manage(storeId);
        var area = await FindAreaAsync(storeId, areaId, ct);
        var tables = await db.DiningTables.CountAsync(t => t.AreaId == areaId && t.DeletedAt == null, ct);
        if (tables > 0)
            throw DomainException.Conflict(FloorErrors.AreaHasTables,
                $"The area {area.Name} still has {tables} table(s). Move them to another area or remove them first.");
        area.Delete(clock.Now());
        audit.Record(AuditAction.SettingChanged, AuditTexts.FloorAreaRemoved(area.Name), subject: "floor-area:" + area.Id, storeId: storeId,
            before: new { area.Name, area.Position });
        await db.SaveChangesAsync(ct);
    }

    public async Task<TableView> AddTableAsync(Guid storeId, SaveTable command, CancellationToken ct)
    {
        Manage(storeId);
        await FindAreaAsync(storeId, command.AreaId, ct);
        var table = new DiningTable(Guid.CreateVersion7(), storeId, command.AreaId, command.Placement);
        await EnsureTableNameFreeAsync(storeId, table.Name, null, ct);
        db.DiningTables.Add(table);
        audit.Record(AuditAction.SettingChanged, AuditTexts.TableAdded(table.Name), subject: "table:" + table.Id, storeId: storeId, after: TableView.From(table));
        await db.SaveChangesAsync(ct);
        return TableView.From(table);
    }

    /// <summary>Renames, re-seats, reshapes, moves (also to another area) and resizes a table in one go, as the editor saves it.</summary>
    public async Task<TableView> ChangeTableAsync(Guid storeId, Guid tableId, SaveTable command, CancellationToken ct)
    {
        Manage(storeId);
        var table = await FindTableAsync(storeId, tableId, ct);
        if (command.AreaId != table.AreaId)
            await FindAreaAsync(storeId, command.AreaId, ct);
        var before = TableView.From(table);
        table.Place(command.Placement);
        table.MoveTo(command.AreaId);
        await EnsureTableNameFreeAsync(storeId, table.Name, table.Id, ct);
        audit.Record(AuditAction.SettingChanged, AuditTexts.TableChanged(table.Name), subject: "table:" + table.Id, storeId: storeId,
            before: before, after: TableView.From(table));
        await db.SaveChangesAsync(ct);
        return TableView.From(table);
    }

    /// <summary>A table with an open sale on it stays: move the sale to another table or finish it first.</summary>
    public async Task DeleteTableAsync(Guid storeId, Guid tableId, CancellationToken ct)
    {
        Manage(storeId);
        var table = await FindTableAsync(storeId, tableId, ct);
        if (await db.Sales.AnyAsync(s => s.TableId == tableId && (s.Status == Kasse.Domain.Sales.SaleStatus.Open || s.Status == Kasse.Domain.Sales.SaleStatus.Parked), ct))
            throw DomainException.Conflict(FloorErrors.TableInUse, $"Table {table.Name} has an open sale. Move it to another table or finish it first.");
        table.Delete(clock.Now());
        audit.Record(AuditAction.SettingChanged, AuditTexts.TableRemoved(table.Name), subject: "table:" + table.Id, storeId: storeId, before: TableView.From(table));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Changing the floor is a setting of the store; the API's store boundary checks the store too, the UI relies on this.</summary>
    private void Manage(Guid storeId)
    {
        actor.Value.Require(Permission.ManageSettings);
        actor.Value.EnsureMayActIn(storeId);
    }

    internal static async Task<DiningTable> FindTableAsync(KasseDbContext db, Guid storeId, Guid tableId, CancellationToken ct) =>
        await db.DiningTables.FirstOrDefaultAsync(t => t.Id == tableId && t.StoreId == storeId && t.DeletedAt == null, ct)
        ?? throw DomainException.NotFound(FloorErrors.TableNotFound, $"Store {storeId} has no table with id {tableId}. GET /api/v1/stores/{storeId}/floor lists them.");

    private Task<DiningTable> FindTableAsync(Guid storeId, Guid tableId, CancellationToken ct) => FindTableAsync(db, storeId, tableId, ct);

    private async Task<FloorArea> FindAreaAsync(Guid storeId, Guid areaId, CancellationToken ct) =>
        await db.FloorAreas.FirstOrDefaultAsync(a => a.Id == areaId && a.StoreId == storeId && a.DeletedAt == null, ct)
        ?? throw DomainException.NotFound(FloorErrors.AreaNotFound, $"Store {storeId} has no floor area with id {areaId}. GET /api/v1/stores/{storeId}/floor lists them.");

    private async Task EnsureNameFreeAsync(Guid storeId, string name, Guid? self, CancellationToken ct)
    {
        if (await db.FloorAreas.AnyAsync(a => a.StoreId == storeId && a.DeletedAt == null && a.Name == name && a.Id != self, ct))
            throw DomainException.Conflict(FloorErrors.AreaNameTaken, $"The store already has an area named {name}. Choose another name.");
    }

    /// <summary>Table names are unique in the store (not only the area): a waiter says "table 4", not "table 4 in the garden".</summary>
    private async Task EnsureTableNameFreeAsync(Guid storeId, string name, Guid? self, CancellationToken ct)
    {
        if (await db.DiningTables.AnyAsync(t => t.StoreId == storeId && t.DeletedAt == null && t.Name == name && t.Id != self, ct))
            throw DomainException.Conflict(FloorErrors.TableNameTaken, $"The store already has a table named {name}. Choose another name.");
    }

    private static AreaView View(FloorArea area, IEnumerable<DiningTable> tables) =>
        new(area.Id, area.StoreId, area.Name, area.Position, tables.OrderBy(t => t.Y).ThenBy(t => t.X).Select(TableView.From).ToList());
}
