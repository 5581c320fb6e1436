using System.Collections.Concurrent;
using System.Security.Cryptography;
using Kasse.Application.Menu;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Menu;
using Kasse.Domain.Restaurant;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Restaurant;

public sealed record GuestMenuItemView(Guid Id, string Name, decimal Price, IReadOnlyList<Allergens> Allergens, IReadOnlyList<ModifierGroupView> Groups);

public sealed record GuestMenuCategoryView(Guid Id, string Name, IReadOnlyList<GuestMenuItemView> Items);

/// <summary>What a guest's phone shows for a table: the store, the table, whether orders wait for a waiter, and the menu.</summary>
public sealed record GuestMenuView(string Store, string Table, string Language, string Currency, bool StaffConfirms, int MaxLines, int MaxQuantity,
    IReadOnlyList<GuestMenuCategoryView> Categories);

/// <param name="Modifiers">The chosen options of the item's modifier groups (required groups must be answered).</param>
/// <param name="Note">A note to the kitchen ("no ice"), at most 140 characters.</param>
public sealed record GuestOrderLine(Guid ProductId, int Quantity = 1, IReadOnlyList<Guid>? Modifiers = null, string? Note = null);

public sealed record PlaceGuestOrder(IReadOnlyList<GuestOrderLine> Lines);

public sealed record GuestOrderView(Guid Id, Guid TableId, string Table, Guid SaleId, GuestOrderStatus Status, DateTimeOffset PlacedAt,
    IReadOnlyList<SaleLineView> Lines, string? DecidedBy);

/// <param name="Status">Pending (waits for a waiter), Sent (to the kitchen), or Ordered (put on the bill by the staff).</param>
public sealed record GuestBillLine(string Name, decimal Quantity, decimal Total, IReadOnlyList<string> Modifiers, string? Note, string Status);

/// <summary>The table's running bill and order status, as the guest's phone shows it; nothing of any other table.</summary>
public sealed record GuestBillView(string Table, string Currency, decimal Total, IReadOnlyList<GuestBillLine> Lines, bool WaiterCalled);

public sealed record GuestOrderingSettingsView(Guid StoreId, bool Closed, bool StaffConfirms);

public sealed record SaveGuestOrderingSettings(bool Closed, bool StaffConfirms);

public sealed record SetTableOrdering(bool Closed);

public sealed record QrTableView(Guid Id, string Name, string Token, bool Closed);

public sealed record QrAreaView(Guid Id, string Name, IReadOnlyList<QrTableView> Tables);

/// <summary>
/// QR ordering at the table. A guest's phone holds the table's token (its QR code): <see cref="EnterAsync"/> turns it into
/// the caller, a guest actor named for the table ("Gæst ved bord 8") who may order onto that table only, through the same
/// sale use cases as the till (<see cref="SaleUseCases"/>): never read another table, never pay, void or discount. Waiters
/// confirm or reject what waits for them; managers print the codes, rotate a table's token and close tables or the store.
/// </summary>
public sealed class GuestOrdering(KasseDbContext db, SaleUseCases sales, SalesService saleReader, MenuService menu, CurrentActor actor,
    AuditTrail audit, FloorNotifier floor, TimeProvider clock)
{
    public const int MaxLines = 20;
    public const int MaxQuantity = 10;

    /// <summary>One guest order at a time per table, so two phones at a free table open one sale, not two.</summary>
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> TableTurns = new();

    private DiningTable? _table;

    private DiningTable Table => _table ?? throw new InvalidOperationException("EnterAsync first.");

    /// <summary>
    /// Makes the holder of a table's token the caller: a guest at that table, with no other rights. An unknown token (a
    /// rotated or made-up one) is not found; a table or store closed for QR ordering answers <c>guest.closed</c>.
    /// </summary>
    public async Task<DiningTable> EnterAsync(string token, CancellationToken ct)
    {
        var table = token.Length == DiningTable.OrderingTokenLength
            ? await db.DiningTables.FirstOrDefaultAsync(t => t.OrderingToken == token && t.DeletedAt == null, ct)
            : null;
        if (table is null)
            throw DomainException.NotFound(GuestOrderErrors.UnknownTable,
                "This QR code does not open a table any more. Ask the staff for the table's current code.");
        var settings = await db.GuestOrderingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.StoreId == table.StoreId, ct);
        if (table.OrderingClosed || settings?.Closed == true)
            throw DomainException.Conflict(GuestOrderErrors.Closed,
                $"Ordering from the table is closed at table {table.Name} right now. Please ask the staff to take your order.");
        _table = table;
        actor.Value = GuestActor(table);
        return table;
    }

    /// <summary>The guest at a table: may browse and sell (order lines, send them) in its store; the guest endpoints offer nothing else.</summary>
    public static Actor GuestActor(DiningTable table) =>
        new($"Gæst ved bord {table.Name}", null, null, null, new HashSet<Permission> { Permission.Browse, Permission.Sell }, new HashSet<Guid> { table.StoreId });

    /// <summary>
    /// The guest menu: the store's menu categories (those its kitchen routes name, and those of items with modifier groups),
    /// their active items sold by the piece, each with its allergens and modifier groups.
    /// </summary>
    public async Task<GuestMenuView> MenuAsync(CancellationToken ct)
    {
        var table = Table;
        var store = await StoreService.FindStoreAsync(db, table.StoreId, ct);
        var settings = await SettingsOfAsync(table.StoreId, ct);
        var items = await MenuProductsAsync(table.StoreId, ct);
        var categories = await db.Categories.AsNoTracking().ToListAsync(ct);
        var menuItems = new List<(Product Product, GuestMenuItemView View)>();
        foreach (var product in items)
        {
            var groups = await menu.OfferedAsync(table.StoreId, product.Id, ct);
            menuItems.Add((product, new GuestMenuItemView(product.Id, product.Name, product.Price, AllergenNames.Split(product.Allergens),
                groups.Select(ModifierGroupView.From).ToList())));
        }
        var view = categories.Where(c => menuItems.Any(i => i.Product.CategoryId == c.Id))
            // The kitchen's own menu (items with choices: the café's coffees, its brunch) before the drinks the shop also sells.
            .OrderByDescending(c => menuItems.Any(i => i.Product.CategoryId == c.Id && i.View.Groups.Count > 0))
            .ThenBy(c => c.SortOrder).ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .Select(c => new GuestMenuCategoryView(c.Id, c.Name, menuItems.Where(i => i.Product.CategoryId == c.Id)
                .OrderByDescending(i => i.View.Groups.Count > 0).ThenBy(i => i.Product.Name, StringComparer.CurrentCulture).Select(i => i.View).ToList()))
            .ToList();
        var loose = menuItems.Where(i => i.Product.CategoryId is null || categories.All(c => c.Id != i.Product.CategoryId)).Select(i => i.View).ToList();
        if (loose.Count > 0)
            view.Add(new GuestMenuCategoryView(Guid.Empty, "Menu", loose.OrderBy(i => i.Name, StringComparer.CurrentCulture).ToList()));
        return new GuestMenuView(store.Name, table.Name, store.Language, store.Currency, settings.StaffConfirms, MaxLines, MaxQuantity, view);
    }

    private async Task<List<Product>> MenuProductsAsync(Guid storeId, CancellationToken ct)
    {
        var routed = await db.KitchenRoutes.AsNoTracking().Where(r => r.StoreId == storeId).Select(r => new { r.CategoryId, r.ProductId }).ToListAsync(ct);
        var withGroups = await (from l in db.ProductModifierGroups
                                join g in db.ModifierGroups on l.GroupId equals g.Id
                                where g.StoreId == storeId && g.DeletedAt == null
                                select l.ProductId).Distinct().ToListAsync(ct);
        var productIds = routed.Where(r => r.ProductId is not null).Select(r => r.ProductId!.Value).Concat(withGroups).ToHashSet();
        var categoryIds = routed.Where(r => r.CategoryId is not null).Select(r => r.CategoryId!.Value).ToHashSet();
        foreach (var category in await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id) && p.CategoryId != null)
                     .Select(p => p.CategoryId!.Value).Distinct().ToListAsync(ct))
            categoryIds.Add(category);
        return await db.Products.AsNoTracking()
            .Where(p => p.IsActive && p.Unit == Unit.Piece && (productIds.Contains(p.Id) || (p.CategoryId != null && categoryIds.Contains(p.CategoryId.Value))))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Puts the guest's lines on the table's open sale (opening one if the table is free) through the sale use cases, as
    /// the guest. With the store's "staff confirms guest orders" on it waits for a waiter; otherwise it goes to the kitchen now.
    /// </summary>
    public async Task<GuestOrderView> PlaceAsync(string device, PlaceGuestOrder command, CancellationToken ct)
    {
        var table = Table;
        var lines = command.Lines ?? [];
        if (lines.Count == 0)
            throw DomainException.Invalid(GuestOrderErrors.Empty, "The order has no items. Add something from the menu first.");
        if (lines.Count > MaxLines)
            throw DomainException.Invalid(GuestOrderErrors.TooMany, $"An order from the table has at most {MaxLines} lines; send the rest as another order.");
        if (lines.Any(l => l.Quantity is < 1 or > MaxQuantity))
            throw DomainException.Invalid(GuestOrderErrors.Quantity, $"Order 1 to {MaxQuantity} of an item at a time; ask the staff for more.");
        var store = await StoreService.FindStoreAsync(db, table.StoreId, ct);
        var onMenu = (await MenuProductsAsync(table.StoreId, ct)).ToDictionary(p => p.Id);
        foreach (var line in lines)
        {
            if (!onMenu.TryGetValue(line.ProductId, out var product))
                throw DomainException.NotFound(GuestOrderErrors.NotOnMenu, $"The item {line.ProductId} is not on the menu. Reload the menu and try again.");
            // Checked before the first line is added, so a wrong choice never leaves half an order on the table.
            await menu.ChoiceAsync(store, product, line.Modifiers, line.Note, ct);
        }
        var settings = await SettingsOfAsync(table.StoreId, ct);
        var turn = TableTurns.GetOrAdd(table.Id, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(ct);
        try
        {
            var saleId = await OpenSaleOfTableAsync(table, ct) ?? (await OpenSaleAsync(table, ct)).Id;
            var lineIds = new List<Guid>();
            foreach (var line in lines)
            {
                var lineId = Guid.CreateVersion7();
                await sales.AddLineAsync(saleId, new AddLine(LineId: lineId, ProductId: line.ProductId, Quantity: line.Quantity,
                    Modifiers: line.Modifiers, Note: string.IsNullOrWhiteSpace(line.Note) ? null : line.Note.Trim()), ct);
                lineIds.Add(lineId);
            }
            var order = new GuestOrder(Guid.CreateVersion7(), table.StoreId, table.Id, saleId, device, lineIds, settings.StaffConfirms, clock.Now());
            db.GuestOrders.Add(order);
            await db.SaveChangesAsync(ct);
            if (!settings.StaffConfirms)
                await sales.SendToKitchenAsync(saleId, new SendToKitchen(), ct);
            floor.Tell(table.StoreId);
            return await ViewAsync(order, table.Name, ct);
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>The table's running bill: its open sales' lines, each with where it stands (waiting for a waiter, sent, ordered).</summary>
    public async Task<GuestBillView> BillAsync(CancellationToken ct)
    {
        var table = Table;
        var store = await StoreService.FindStoreAsync(db, table.StoreId, ct);
        var open = await OpenSalesOfTableAsync(table.Id, ct);
        var orders = await db.GuestOrders.AsNoTracking().Where(o => o.TableId == table.Id && open.Contains(o.SaleId)).ToListAsync(ct);
        var pending = orders.Where(o => o.Status == GuestOrderStatus.Pending).SelectMany(o => o.Lines).ToHashSet();
        var sent = orders.Where(o => o.Status == GuestOrderStatus.Sent).SelectMany(o => o.Lines).ToHashSet();
        var lines = new List<GuestBillLine>();
        var total = 0m;
        foreach (var saleId in open)
        {
            var sale = await saleReader.GetAsync(saleId, ct);
            total += sale.TotalAmount;
            lines.AddRange(sale.Lines.Select(l => new GuestBillLine(l.Name, l.Quantity, l.TotalAmount, l.Modifiers.Select(m => m.Name).ToList(), l.Note,
                pending.Contains(l.Id) ? "Pending" : sent.Contains(l.Id) ? "Sent" : "Ordered")));
        }
        return new GuestBillView(table.Name, store.Currency, total, lines, table.GuestCalledAt is not null);
    }

    /// <summary>"Call the waiter / ask for the bill": the floor marks the table until a waiter answers.</summary>
    public async Task CallWaiterAsync(CancellationToken ct)
    {
        var table = await db.DiningTables.FirstAsync(t => t.Id == Table.Id, ct);
        table.GuestCalls(clock.Now());
        await db.SaveChangesAsync(ct);
        floor.Tell(table.StoreId);
    }

    // ---- The waiter's side ----

    /// <summary>The guest orders of a sale, newest first, with their lines as the sale has them now.</summary>
    public async Task<IReadOnlyList<GuestOrderView>> OfSaleAsync(Guid saleId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        var sale = await saleReader.GetAsync(saleId, ct);
        actor.Value.EnsureMayActIn(sale.StoreId);
        var orders = await db.GuestOrders.AsNoTracking().Where(o => o.SaleId == saleId).ToListAsync(ct);
        var tables = await db.DiningTables.AsNoTracking().Where(t => t.StoreId == sale.StoreId).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return orders.OrderByDescending(o => o.PlacedAt)
            .Select(o => View(o, tables.GetValueOrDefault(o.TableId, "?"), sale)).ToList();
    }

    /// <summary>A waiter confirms a guest order: the table's order goes to the kitchen (the send is audited as the waiter's).</summary>
    public async Task<GuestOrderView> ConfirmAsync(Guid orderId, CancellationToken ct)
    {
        var order = await DecidingAsync(orderId, ct);
        await sales.SendToKitchenAsync(order.SaleId, new SendToKitchen(), ct);
        order.Confirm(actor.Value.Name, clock.Now());
        await db.SaveChangesAsync(ct);
        floor.Tell(order.StoreId);
        return await ViewAsync(order, await TableNameAsync(order.TableId, ct), ct);
    }

    /// <summary>A waiter rejects a guest order: its lines still on the sale are taken off (nothing of it was sent to the kitchen).</summary>
    public async Task<GuestOrderView> RejectAsync(Guid orderId, CancellationToken ct)
    {
        var order = await DecidingAsync(orderId, ct);
        var sale = await saleReader.GetAsync(order.SaleId, ct);
        foreach (var lineId in order.Lines.Where(id => sale.Lines.Any(l => l.Id == id)))
            await sales.RemoveLineAsync(order.SaleId, lineId, ct);
        order.Reject(actor.Value.Name, clock.Now());
        await db.SaveChangesAsync(ct);
        floor.Tell(order.StoreId);
        return await ViewAsync(order, await TableNameAsync(order.TableId, ct), ct);
    }

    /// <summary>A waiter came to the table that called: the floor's marker goes.</summary>
    public async Task AnswerCallAsync(Guid storeId, Guid tableId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        actor.Value.EnsureMayActIn(storeId);
        var table = await FloorService.FindTableAsync(db, storeId, tableId, ct);
        table.WaiterAnswered();
        await db.SaveChangesAsync(ct);
        floor.Tell(storeId);
    }

    // ---- The manager's side ----

    public async Task<GuestOrderingSettingsView> SettingsAsync(Guid storeId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Browse);
        actor.Value.EnsureMayActIn(storeId);
        await StoreService.FindStoreAsync(db, storeId, ct);
        var settings = await SettingsOfAsync(storeId, ct);
        return new GuestOrderingSettingsView(storeId, settings.Closed, settings.StaffConfirms);
    }

    public async Task<GuestOrderingSettingsView> SaveSettingsAsync(Guid storeId, SaveGuestOrderingSettings command, CancellationToken ct)
    {
        Manage(storeId);
        await StoreService.FindStoreAsync(db, storeId, ct);
        var settings = await db.GuestOrderingSettings.FirstOrDefaultAsync(s => s.StoreId == storeId, ct);
        if (settings is null)
        {
            settings = new GuestOrderingSettings(storeId);
            db.GuestOrderingSettings.Add(settings);
        }
        var before = new { settings.Closed, settings.StaffConfirms };
        settings.Closed = command.Closed;
        settings.StaffConfirms = command.StaffConfirms;
        audit.Record(AuditAction.SettingChanged, AuditTexts.GuestOrderingChanged(), subject: "guest-ordering:" + storeId,
            storeId: storeId, before: before, after: new { settings.Closed, settings.StaffConfirms });
        await db.SaveChangesAsync(ct);
        return new GuestOrderingSettingsView(storeId, settings.Closed, settings.StaffConfirms);
    }

    /// <summary>Every table's QR token, area by area (a table without one gets one now), for the printable sheet.</summary>
    public async Task<IReadOnlyList<QrAreaView>> SheetAsync(Guid storeId, CancellationToken ct)
    {
        Manage(storeId);
        await StoreService.FindStoreAsync(db, storeId, ct);
        var areas = await db.FloorAreas.AsNoTracking().Where(a => a.StoreId == storeId && a.DeletedAt == null).OrderBy(a => a.Position).ToListAsync(ct);
        var tables = await db.DiningTables.Where(t => t.StoreId == storeId && t.DeletedAt == null).ToListAsync(ct);
        foreach (var table in tables.Where(t => t.OrderingToken is null))
            table.RotateOrderingToken(NewToken());
        await db.SaveChangesAsync(ct);
        return areas.Select(a => new QrAreaView(a.Id, a.Name, tables.Where(t => t.AreaId == a.Id).OrderBy(t => t.Y).ThenBy(t => t.X)
            .Select(t => new QrTableView(t.Id, t.Name, t.OrderingToken!, t.OrderingClosed)).ToList())).ToList();
    }

    /// <summary>A new token for a table: its old QR code stops working at once (print the sheet again).</summary>
    public async Task<QrTableView> RotateTokenAsync(Guid storeId, Guid tableId, CancellationToken ct)
    {
        Manage(storeId);
        var table = await FloorService.FindTableAsync(db, storeId, tableId, ct);
        table.RotateOrderingToken(NewToken());
        audit.Record(AuditAction.SettingChanged, AuditTexts.TableQrRenewed(table.Name), subject: "table:" + table.Id, storeId: storeId);
        await db.SaveChangesAsync(ct);
        return new QrTableView(table.Id, table.Name, table.OrderingToken!, table.OrderingClosed);
    }

    public async Task<QrTableView> SetTableClosedAsync(Guid storeId, Guid tableId, SetTableOrdering command, CancellationToken ct)
    {
        Manage(storeId);
        var table = await FloorService.FindTableAsync(db, storeId, tableId, ct);
        table.SetOrderingClosed(command.Closed);
        table.RotateOrderingToken(table.OrderingToken ?? NewToken());
        audit.Record(AuditAction.SettingChanged, AuditTexts.TableQrOrdering(table.Name, command.Closed), subject: "table:" + table.Id, storeId: storeId,
            after: new { table.OrderingClosed });
        await db.SaveChangesAsync(ct);
        return new QrTableView(table.Id, table.Name, table.OrderingToken!, table.OrderingClosed);
    }

    // ---- Helpers ----

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    private void Manage(Guid storeId)
    {
        actor.Value.Require(Permission.ManageSettings);
        actor.Value.EnsureMayActIn(storeId);
    }

    private async Task<GuestOrder> DecidingAsync(Guid orderId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        var order = await db.GuestOrders.FirstOrDefaultAsync(o => o.Id == orderId, ct)
            ?? throw DomainException.NotFound(GuestOrderErrors.NotFound, $"There is no guest order {orderId}.");
        actor.Value.EnsureMayActIn(order.StoreId);
        if (order.Status != GuestOrderStatus.Pending)
            throw DomainException.Conflict(GuestOrderErrors.Decided, $"This guest order was already {order.Status}.");
        return order;
    }

    private async Task<GuestOrderingSettings> SettingsOfAsync(Guid storeId, CancellationToken ct) =>
        await db.GuestOrderingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.StoreId == storeId, ct) ?? new GuestOrderingSettings(storeId);

    private async Task<List<Guid>> OpenSalesOfTableAsync(Guid tableId, CancellationToken ct) =>
        await db.Sales.AsNoTracking().Where(s => s.TableId == tableId && s.Status == SaleStatus.Open).OrderBy(s => s.OpenedAt).Select(s => s.Id).ToListAsync(ct);

    private async Task<Guid?> OpenSaleOfTableAsync(DiningTable table, CancellationToken ct)
    {
        foreach (var id in await OpenSalesOfTableAsync(table.Id, ct))
        {
            // Lines and status may still be only in memory (OpenSaleMemory): the sale as the till sees it.
            var sale = await saleReader.GetAsync(id, ct);
            if (sale.Status == SaleStatus.Open && sale.TableId == table.Id && sale.PaidAmount == 0m)
                return sale.Id;
        }
        return null;
    }

    /// <summary>A free table gets a new sale at the store's first till (never a kiosk); the guest is the caller, no waiter is named.</summary>
    private async Task<SaleView> OpenSaleAsync(DiningTable table, CancellationToken ct)
    {
        var register = await db.Registers.AsNoTracking().Where(r => r.StoreId == table.StoreId && r.Kind == Kasse.Domain.Stores.RegisterKind.Till).OrderBy(r => r.Name).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct)
            ?? throw DomainException.Conflict(GuestOrderErrors.NoRegister, "The store has no register to take orders from the table. Ask the staff.");
        return await sales.OpenAsync(new OpenSale(Guid.CreateVersion7(), register, TableId: table.Id, OrderType: OrderType.EatIn), ct);
    }

    private async Task<string> TableNameAsync(Guid tableId, CancellationToken ct) =>
        await db.DiningTables.AsNoTracking().Where(t => t.Id == tableId).Select(t => t.Name).FirstAsync(ct);

    private async Task<GuestOrderView> ViewAsync(GuestOrder order, string table, CancellationToken ct) =>
        View(order, table, await saleReader.GetAsync(order.SaleId, ct));

    private static GuestOrderView View(GuestOrder order, string table, SaleView sale)
    {
        var ids = order.Lines;
        return new GuestOrderView(order.Id, order.TableId, table, order.SaleId, order.Status, order.PlacedAt,
            sale.Lines.Where(l => ids.Contains(l.Id)).ToList(), order.DecidedBy);
    }
}
