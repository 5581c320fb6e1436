using Kasse.Application.Printing;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Devices;
using Kasse.Domain.Restaurant;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Restaurant;

/// <summary>
/// A store's kitchen: its stations and routes (settings: ManageSettings, audited), and the stations' screens — the
/// tickets to make, bump, recall, items done, reprint (anyone who sells: the cooks sign in like the waiters).
/// </summary>
public sealed class KitchenService(KasseDbContext db, AuditTrail audit, CurrentActor actor, PrintQueue printing, KitchenNotifier notifier,
    KitchenSetupCache setups, TimeProvider clock)
{
    /// <summary>How many bumped tickets a screen keeps at hand for recall.</summary>
    public const int BumpedShown = 10;

    public async Task<IReadOnlyList<KitchenStationView>> StationsAsync(Guid storeId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Browse);
        actor.Value.EnsureMayActIn(storeId);
        await StoreService.FindStoreAsync(db, storeId, ct);
        var stations = await db.KitchenStations.AsNoTracking().Where(s => s.StoreId == storeId && s.DeletedAt == null).ToListAsync(ct);
        var setup = await setups.SetupAsync(db, storeId, ct);
        return stations.OrderBy(s => s.Position).ThenBy(s => s.Name, StringComparer.CurrentCulture).Select(s => View(s, setup)).ToList();
    }

    public async Task<KitchenStationView> StationAsync(Guid stationId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Browse);
        var station = await FindStationAsync(stationId, ct);
        return View(station, await setups.SetupAsync(db, station.StoreId, ct));
    }

    public async Task<KitchenStationView> AddStationAsync(Guid storeId, SaveKitchenStation command, CancellationToken ct)
    {
        Manage(storeId);
        await StoreService.FindStoreAsync(db, storeId, ct);
        var last = await db.KitchenStations.Where(s => s.StoreId == storeId && s.DeletedAt == null).MaxAsync(s => (int?)s.Position, ct);
        var station = new KitchenStation(Guid.CreateVersion7(), storeId, command.Name, command.Position ?? (last ?? 0) + 1,
            command.WarnAfterMinutes, command.LateAfterMinutes);
        await EnsureNameFreeAsync(storeId, station.Name, null, ct);
        db.KitchenStations.Add(station);
        audit.Record(AuditAction.SettingChanged, AuditTexts.KitchenStationAdded(station.Name), subject: "kitchen-station:" + station.Id, storeId: storeId,
            after: new { station.Name, station.Position, station.WarnAfterMinutes, station.LateAfterMinutes });
        await db.SaveChangesAsync(ct);
        return View(station, await setups.SetupAsync(db, storeId, ct));
    }

    public async Task<KitchenStationView> ChangeStationAsync(Guid storeId, Guid stationId, SaveKitchenStation command, CancellationToken ct)
    {
        Manage(storeId);
        var station = await FindStationAsync(stationId, ct, storeId, tracked: true);
        var before = new { station.Name, station.Position, station.WarnAfterMinutes, station.LateAfterMinutes };
        station.Change(command.Name, command.Position ?? station.Position, command.WarnAfterMinutes, command.LateAfterMinutes);
        await EnsureNameFreeAsync(storeId, station.Name, station.Id, ct);
        audit.Record(AuditAction.SettingChanged, AuditTexts.KitchenStationChanged(station.Name), subject: "kitchen-station:" + station.Id, storeId: storeId,
            before: before, after: new { station.Name, station.Position, station.WarnAfterMinutes, station.LateAfterMinutes });
        await db.SaveChangesAsync(ct);
        return View(station, await setups.SetupAsync(db, storeId, ct));
    }

    /// <summary>Removes a station with no ticket left to make; routes to it then send to the first station.</summary>
    public async Task DeleteStationAsync(Guid storeId, Guid stationId, CancellationToken ct)
    {
        Manage(storeId);
        var station = await FindStationAsync(stationId, ct, storeId, tracked: true);
        if (await db.KitchenTickets.AnyAsync(t => t.StationId == stationId && (t.Status == KitchenTicketStatus.Open || t.Status == KitchenTicketStatus.Held), ct))
            throw DomainException.Conflict(KitchenErrors.StationBusy, $"{station.Name} still has tickets to make; bump them first.");
        station.Delete(clock.Now());
        audit.Record(AuditAction.SettingChanged, AuditTexts.KitchenStationRemoved(station.Name), subject: "kitchen-station:" + station.Id, storeId: storeId);
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<KitchenRouteView>> RoutesAsync(Guid storeId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Browse);
        actor.Value.EnsureMayActIn(storeId);
        var routes = await db.KitchenRoutes.AsNoTracking().Where(r => r.StoreId == storeId).ToListAsync(ct);
        return routes.Select(View).ToList();
    }

    /// <summary>Sets a product's or category's station and course; with neither, removes its route (it then goes to the default).</summary>
    public async Task<KitchenRouteView?> SetRouteAsync(Guid storeId, SaveKitchenRoute command, CancellationToken ct)
    {
        Manage(storeId);
        await StoreService.FindStoreAsync(db, storeId, ct);
        if (command.StationId is { } stationId)
            await FindStationAsync(stationId, ct, storeId);
        if (command.ProductId is { } productId && !await db.Products.AnyAsync(p => p.Id == productId, ct))
            throw DomainException.NotFound(ProductErrors.NotFound, $"No product has id {productId}.");
        if (command.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
            throw DomainException.NotFound(CategoryErrors.NotFound, $"No category has id {categoryId}.");
        var route = await db.KitchenRoutes.FirstOrDefaultAsync(r => r.StoreId == storeId
            && ((command.ProductId != null && r.ProductId == command.ProductId) || (command.CategoryId != null && r.CategoryId == command.CategoryId)), ct);
        var before = route is null ? null : new { route.StationId, route.Course };
        if (command.StationId is null && command.Course is null)
        {
            if (route is not null)
                db.KitchenRoutes.Remove(route);
        }
        else if (route is null)
        {
            route = new KitchenRoute(Guid.CreateVersion7(), storeId, command.ProductId, command.CategoryId, command.StationId, command.Course);
            db.KitchenRoutes.Add(route);
        }
        else
            route.Change(command.StationId, command.Course);
        if (route is null && before is null)
            return null;
        audit.Record(AuditAction.SettingChanged,
            AuditTexts.KitchenRouteSet(command.ProductId, command.CategoryId),
            subject: "kitchen-route:" + (command.ProductId ?? command.CategoryId), storeId: storeId,
            before: before, after: new { command.StationId, command.Course });
        await db.SaveChangesAsync(ct);
        return command.StationId is null && command.Course is null ? null : View(route!);
    }

    /// <summary>A station's screen (or, with no station, the expo screen: every station of the store).</summary>
    public async Task<KitchenBoardView> BoardAsync(Guid storeId, Guid? stationId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        actor.Value.EnsureMayActIn(storeId);
        var setup = await setups.SetupAsync(db, storeId, ct);
        var stations = setup.Stations;
        if (stationId is { } only)
        {
            stations = stations.Where(s => s.Id == only).ToList();
            if (stations.Count == 0)
                throw StationNotFound(only);
        }
        var ids = stations.Select(s => s.Id).ToList();
        var live = await db.KitchenTickets.AsNoTracking()
            .Where(t => ids.Contains(t.StationId) && (t.Status == KitchenTicketStatus.Open || t.Status == KitchenTicketStatus.Held)).ToListAsync(ct);
        var bumped = await db.KitchenTickets.AsNoTracking()
            .Where(t => ids.Contains(t.StationId) && t.Status == KitchenTicketStatus.Bumped)
            .OrderByDescending(t => t.BumpedAt).Take(BumpedShown).ToListAsync(ct);
        var open = live.Where(t => t.Status == KitchenTicketStatus.Open).OrderBy(t => t.FiredAt).ThenBy(t => t.Id).ToList();
        var held = live.Where(t => t.Status == KitchenTicketStatus.Held).OrderBy(t => t.SentAt).ThenBy(t => t.Course).ThenBy(t => t.Id).ToList();
        var allDay = open.SelectMany(t => t.Items).Where(i => i.DoneAt is null)
            .GroupBy(i => i.Name)
            .Select(g => new AllDayCount(g.Key, g.Sum(i => i.Change == KitchenItemChange.New ? i.Quantity : i.Quantity - i.QuantityBefore)))
            .Where(c => c.Quantity != 0m)
            .OrderByDescending(c => c.Quantity).ThenBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        return new KitchenBoardView(storeId, clock.Now(), stations.Select(s => View(s, setup)).ToList(),
            open.Select(KitchenTicketView.From).ToList(), held.Select(KitchenTicketView.From).ToList(),
            bumped.Select(KitchenTicketView.From).ToList(), allDay);
    }

    public async Task<KitchenTicketView> TicketAsync(Guid ticketId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        var ticket = await db.KitchenTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct) ?? throw TicketNotFound(ticketId);
        actor.Value.EnsureMayActIn(ticket.StoreId);
        return KitchenTicketView.From(ticket);
    }

    /// <summary>The ticket is made and goes off the screen.</summary>
    public Task<KitchenTicketView> BumpAsync(Guid ticketId, CancellationToken ct) =>
        ChangeTicketAsync(ticketId, t => t.Bump(clock.Now()), ct);

    /// <summary>Brings the station's last bumped ticket back on the screen.</summary>
    public async Task<KitchenTicketView> RecallAsync(Guid stationId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        var station = await FindStationAsync(stationId, ct);
        var last = await db.KitchenTickets.Where(t => t.StationId == stationId && t.Status == KitchenTicketStatus.Bumped)
            .OrderByDescending(t => t.BumpedAt).Select(t => t.Id).FirstOrDefaultAsync(ct);
        if (last == Guid.Empty)
            throw DomainException.NotFound(KitchenErrors.NothingToRecall, $"{station.Name} has no bumped ticket to bring back.");
        return await ChangeTicketAsync(last, t => t.Recall(), ct);
    }

    /// <summary>One item of a ticket is done (or, with done false, not after all).</summary>
    public Task<KitchenTicketView> MarkItemDoneAsync(Guid ticketId, Guid itemId, MarkItemDone command, CancellationToken ct) =>
        ChangeTicketAsync(ticketId, t =>
        {
            var item = t.Items.FirstOrDefault(i => i.Id == itemId)
                ?? throw DomainException.NotFound(KitchenErrors.ItemNotFound, $"Ticket {ticketId} has no item {itemId}.");
            item.MarkDone(command.Done, clock.Now());
        }, ct);

    /// <summary>Prints the ticket again on its station's printers, marked as a reprint.</summary>
    public Task<IReadOnlyList<PrintJobView>> ReprintAsync(Guid ticketId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        actor.Value.Require(Permission.Sell);
        var ticket = await db.KitchenTickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct) ?? throw TicketNotFound(ticketId);
        actor.Value.EnsureMayActIn(ticket.StoreId);
        var printers = (await setups.SetupAsync(db, ticket.StoreId, ct)).PrintersOf(ticket.StationName);
        if (printers.Count == 0)
            throw DomainException.NotFound(PrinterErrors.StationNotFound,
                $"No printer prints for station '{ticket.StationName}'; add one with role Kitchen.");
        var store = await StoreService.FindStoreAsync(db, ticket.StoreId, ct);
        var view = KitchenTicketView.From(ticket);
        var jobs = new List<PrintJob>();
        foreach (var printer in printers)
            jobs.Add(await printing.QueueAsync(printer, PrintJobKind.KitchenTicket, ticket.Id,
                KitchenTicketDocument.For(view, store.LocalTime(ticket.FiredAt ?? ticket.SentAt), printer.Columns, reprint: true), ct));
        await db.SaveChangesAsync(ct);
        return (IReadOnlyList<PrintJobView>)jobs.Select(PrintJobView.From).ToList();
    }, ct);

    /// <summary>
    /// A cook's change of a ticket, committed as a send is (like an open-sale edit, see <see cref="KitchenOrders"/>): in the
    /// write queue's turn on SQLite rather than beside it, where a plain save would poll for the write lock and hold it
    /// through a sync of its own while waiters' sends queue behind it.
    /// </summary>
    private async Task<KitchenTicketView> ChangeTicketAsync(Guid ticketId, Action<KitchenTicket> change, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        var ticket = await db.InTransactionAsync(Durability.OpenSaleEdit, async () =>
        {
            var ticket = await db.KitchenTickets.FirstOrDefaultAsync(t => t.Id == ticketId, ct) ?? throw TicketNotFound(ticketId);
            actor.Value.EnsureMayActIn(ticket.StoreId);
            change(ticket);
            await db.SaveChangesAsync(ct);
            return ticket;
        }, ct);
        notifier.Tell(new KitchenChange(ticket.StoreId, new HashSet<Guid> { ticket.StationId }));
        return KitchenTicketView.From(ticket);
    }

    private void Manage(Guid storeId)
    {
        actor.Value.Require(Permission.ManageSettings);
        actor.Value.EnsureMayActIn(storeId);
    }

    private async Task<KitchenStation> FindStationAsync(Guid stationId, CancellationToken ct, Guid? storeId = null, bool tracked = false)
    {
        var stations = tracked ? db.KitchenStations : db.KitchenStations.AsNoTracking();
        var station = await stations.FirstOrDefaultAsync(s => s.Id == stationId && s.DeletedAt == null, ct);
        if (station is null || (storeId is { } store && station.StoreId != store))
            throw StationNotFound(stationId);
        actor.Value.EnsureMayActIn(station.StoreId);
        return station;
    }

    private async Task EnsureNameFreeAsync(Guid storeId, string name, Guid? except, CancellationToken ct)
    {
        var names = await db.KitchenStations.Where(s => s.StoreId == storeId && s.DeletedAt == null && s.Id != except).Select(s => s.Name).ToListAsync(ct);
        if (names.Any(n => string.Equals(n, name, StringComparison.CurrentCultureIgnoreCase)))
            throw DomainException.Conflict(KitchenErrors.StationNameTaken, $"The store already has a station named {name}.");
    }

    private static KitchenStationView View(KitchenStation s, KitchenSetup setup) => new(s.Id, s.StoreId, s.Name, s.Position,
        s.WarnAfterMinutes, s.LateAfterMinutes, setup.PrintersOf(s.Name).Select(p => p.Name).Order().ToList());

    private static KitchenRouteView View(KitchenRoute r) => new(r.Id, r.ProductId, r.CategoryId, r.StationId, r.Course);

    internal static DomainException StationNotFound(Guid stationId) =>
        DomainException.NotFound(KitchenErrors.StationNotFound, $"No kitchen station has id {stationId}.");

    private static DomainException TicketNotFound(Guid ticketId) =>
        DomainException.NotFound(KitchenErrors.TicketNotFound, $"No kitchen ticket has id {ticketId}.");
}
