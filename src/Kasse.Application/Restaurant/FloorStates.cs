using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Restaurant;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Restaurant;

/// <summary>What a table is doing, worked out from its sales (nothing is stored).</summary>
public enum TableState
{
    /// <summary>No open sale, and none paid lately.</summary>
    Free,
    /// <summary>A sale is open on it, with nothing ordered yet.</summary>
    Seated,
    /// <summary>A sale on it has lines.</summary>
    Ordered,
    /// <summary>A provisional bill (SAF-T 13015) was printed for a sale on it.</summary>
    BillAsked,
    /// <summary>No open sale; its last sale completed within <see cref="FloorStates.PaidShownFor"/>.</summary>
    Paid,
    /// <summary>The kitchen is making food for a sale on it: a fired ticket of it is not bumped and has an item not done.</summary>
    WaitingForFood,
}

public sealed record TableSaleView(Guid SaleId, SaleStatus Status, DateTimeOffset OpenedAt, int? Covers, string? TabName, Guid? WaiterId, string? Waiter,
    int Lines, decimal Total, bool BillPrinted, bool WaitingForFood = false);

public sealed record TableStateView(Guid Id, Guid AreaId, string Name, int Seats, TableShape Shape, int X, int Y, int Width, int Height,
    TableState State, decimal Total, int Covers, DateTimeOffset? OpenedSince, IReadOnlyList<TableSaleView> Sales)
{
    /// <summary>Guest orders from the table's QR code that wait for a waiter to confirm them.</summary>
    public int GuestOrdersWaiting { get; init; }

    /// <summary>A guest at the table pressed "call the waiter / ask for the bill" and no waiter has answered yet.</summary>
    public bool GuestCalled { get; init; }
}

public sealed record FloorAreaStateView(Guid Id, string Name, IReadOnlyList<TableStateView> Tables);

/// <param name="Tabs">Open sales kept as named tabs without a table.</param>
public sealed record FloorStateView(Guid StoreId, DateTimeOffset At, IReadOnlyList<FloorAreaStateView> Areas, IReadOnlyList<TableSaleView> Tabs);

/// <summary>The floor as the till shows it: each table's state, running total, covers and since when it has been open.</summary>
public sealed class FloorStates(KasseDbContext db, SalesService sales, FloorService floor, CurrentActor actor, TimeProvider clock)
{
    /// <summary>How long a table shows as paid after its last sale completed (the guests are leaving), before it shows as free.</summary>
    public static readonly TimeSpan PaidShownFor = TimeSpan.FromMinutes(10);

    public async Task<FloorStateView> ReadAsync(Guid storeId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        var plan = await floor.PlanAsync(storeId, ct);
        var now = clock.Now();
        var open = await db.Sales.AsNoTracking()
            .Where(s => s.StoreId == storeId && (s.TableId != null || s.TabName != null) && (s.Status == SaleStatus.Open || s.Status == SaleStatus.Parked))
            .Select(s => new { s.Id, s.TableId, s.Covers, s.TabName })
            .ToListAsync(ct);
        var ids = open.Select(s => s.Id).ToList();
        var billed = (await db.JournalEntries.AsNoTracking()
            .Where(j => j.SaleId != null && ids.Contains(j.SaleId.Value) && j.Kind == nameof(JournalEventKind.ProvisionalReceipt))
            .Select(j => j.SaleId!.Value).ToListAsync(ct)).ToHashSet();
        // What a station still makes: a fired ticket not bumped with an item not done (a cancellation is no food to wait for),
        // and the records of fired lines moved to another table since, so the food follows its lines (see Cooking).
        var kitchen = await db.KitchenTickets.AsNoTracking()
            .Where(t => t.StoreId == storeId
                && ((t.Status == KitchenTicketStatus.Open && t.Items.Any(i => i.DoneAt == null && i.Change != KitchenItemChange.Voided))
                    || (t.Status == KitchenTicketStatus.Moved && ids.Contains(t.SaleId))))
            .ToListAsync(ct);
        var cooking = Cooking(kitchen);
        var since = now - PaidShownFor;
        var paidLately = (await db.Sales.AsNoTracking()
            .Where(s => s.StoreId == storeId && s.TableId != null && s.Status == SaleStatus.Completed && s.ClosedAt >= since)
            .Select(s => s.TableId!.Value).ToListAsync(ct)).ToHashSet();
        var guestWaiting = (await db.GuestOrders.AsNoTracking().Where(o => o.StoreId == storeId && o.Status == GuestOrderStatus.Pending)
            .Select(o => o.TableId).ToListAsync(ct)).CountBy(id => id).ToDictionary(p => p.Key, p => p.Value);
        var guestCalled = (await db.DiningTables.AsNoTracking().Where(t => t.StoreId == storeId && t.GuestCalledAt != null)
            .Select(t => t.Id).ToListAsync(ct)).ToHashSet();
        var waiters = await db.Employees.AsNoTracking().Select(e => new { e.Id, e.Name }).ToDictionaryAsync(e => e.Id, e => e.Name, ct);

        var views = new List<(Guid? TableId, TableSaleView Sale)>();
        foreach (var s in open)
        {
            // Lines and totals may still be only in memory (OpenSaleMemory): the sale as the till sees it.
            var sale = await sales.GetAsync(s.Id, ct);
            if (sale.Status is not (SaleStatus.Open or SaleStatus.Parked))
                continue;
            views.Add((s.TableId, new TableSaleView(sale.Id, sale.Status, sale.OpenedAt, s.Covers, s.TabName, sale.CashierId,
                sale.CashierId is { } w && waiters.TryGetValue(w, out var name) ? name : null, sale.Lines.Count, sale.TotalAmount, billed.Contains(sale.Id),
                cooking.Contains(sale.Id))));
        }

        var areas = plan.Select(area => new FloorAreaStateView(area.Id, area.Name, area.Tables.Select(t =>
        {
            var onTable = views.Where(v => v.TableId == t.Id).Select(v => v.Sale).OrderBy(v => v.OpenedAt).ToList();
            var state = onTable.Count == 0
                ? paidLately.Contains(t.Id) ? TableState.Paid : TableState.Free
                : onTable.Any(v => v.BillPrinted) ? TableState.BillAsked
                : onTable.Any(v => v.WaitingForFood) ? TableState.WaitingForFood
                : onTable.Any(v => v.Lines > 0) ? TableState.Ordered
                : TableState.Seated;
            return new TableStateView(t.Id, t.AreaId, t.Name, t.Seats, t.Shape, t.X, t.Y, t.Width, t.Height, state, onTable.Sum(v => v.Total),
                onTable.Sum(v => v.Covers ?? 0), onTable.Count == 0 ? null : onTable[0].OpenedAt, onTable)
            {
                GuestOrdersWaiting = guestWaiting.GetValueOrDefault(t.Id),
                GuestCalled = guestCalled.Contains(t.Id),
            };
        }).ToList())).ToList();
        var tabs = views.Where(v => v.TableId is null).Select(v => v.Sale).OrderBy(v => v.OpenedAt).ToList();
        return new FloorStateView(storeId, now, areas, tabs);
    }

    /// <summary>
    /// The sales the kitchen is making food for. A fired ticket's item counts for its own sale unless every unit of its line
    /// moved away since (the move's record on that sale says what was left), and for each sale its line moved to (a record
    /// there copies the ticket's station, course and firing moment, which is how it is matched to the ticket being made).
    /// </summary>
    internal static HashSet<Guid> Cooking(IReadOnlyList<KitchenTicket> tickets)
    {
        var making = tickets.Where(t => t.Status == KitchenTicketStatus.Open).ToList();
        var moved = tickets.Where(t => t.Status == KitchenTicketStatus.Moved).ToList();
        // What a sale's line holds of what was fired after a move: the newest move record of that line on that sale.
        decimal? LeftAfter(Guid saleId, Guid lineId, DateTimeOffset since) => moved
            .Where(r => r.SaleId == saleId && r.SentAt >= since)
            .SelectMany(r => r.Items.Where(i => i.LineId == lineId).Select(i => (r.SentAt, r.Id, i.Position, i.Quantity)))
            .OrderBy(x => x.SentAt).ThenBy(x => x.Id).ThenBy(x => x.Position)
            .Select(x => (decimal?)x.Quantity).LastOrDefault();
        static bool Waiting(KitchenTicketItem i) => i.DoneAt is null && i.Change != KitchenItemChange.Voided;

        var cooking = new HashSet<Guid>();
        foreach (var ticket in making)
            if (ticket.Items.Any(i => Waiting(i) && (LeftAfter(ticket.SaleId, i.LineId, ticket.SentAt) ?? i.Quantity) > 0m))
                cooking.Add(ticket.SaleId);
        foreach (var record in moved)
        {
            var source = making.FirstOrDefault(t => t.StationId == record.StationId && t.Course == record.Course && t.FiredAt == record.FiredAt);
            if (source is null)
                continue;
            if (record.Items.Any(i => i.Change == KitchenItemChange.New && i.Quantity > 0m
                    && source.Items.Any(s => Waiting(s) && s.Name == i.Name)
                    && (LeftAfter(record.SaleId, i.LineId, record.SentAt) ?? i.Quantity) > 0m))
                cooking.Add(record.SaleId);
        }
        return cooking;
    }
}
