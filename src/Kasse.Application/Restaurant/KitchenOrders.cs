using Kasse.Application.Printing;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Restaurant;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Restaurant;

/// <summary>
/// Sending a sale's lines to the kitchen, firing held courses, and telling the kitchen of a change or void of a line it
/// was sent. Called only through <see cref="SaleUseCases"/> (the one front door). Every send is a snapshot: one ticket per
/// station and course, saved with its items; what a station was told is worked out from its tickets, so a second send
/// sends only what is new or changed since.
/// </summary>
public sealed partial class KitchenOrders(KasseDbContext db, PrintQueue printing, KitchenNotifier notifier, KitchenTurns turns, AuditTrail audit,
    KitchenSetupCache setups, StoreCache stores, TimeProvider clock)
{
    private enum Mode { Send, SendAll, Fire, ChangesOnly }

    public Task<SaleKitchenView> SendAsync(SaleView sale, SendToKitchen command, CancellationToken ct) =>
        RunAsync(sale, command.HoldLaterCourses ? Mode.Send : Mode.SendAll, null, ct);

    public Task<SaleKitchenView> FireAsync(SaleView sale, int course, CancellationToken ct) =>
        RunAsync(sale, Mode.Fire, Courses.Check(course), ct);

    /// <summary>After a line's quantity changed, a line was removed or the sale voided: the stations that were sent it hear of it.</summary>
    public async Task AfterChangeAsync(SaleView sale, CancellationToken ct)
    {
        if (await db.KitchenTickets.AnyAsync(t => t.SaleId == sale.Id, ct))
            await RunAsync(sale, Mode.ChangesOnly, null, ct);
    }

    /// <summary>The sale as the kitchen knows it, with nothing sent.</summary>
    public async Task<SaleKitchenView> ViewAsync(SaleView sale, CancellationToken ct)
    {
        var tickets = await TicketsOfAsync(sale.Id, ct);
        var routing = await RoutingAsync(sale, ct);
        return View(sale, tickets, routing, []);
    }

    private async Task<SaleKitchenView> RunAsync(SaleView sale, Mode mode, int? fireCourse, CancellationToken ct)
    {
        using var turn = await turns.TakeAsync(sale.Id, ct);
        var made = new List<KitchenTicket>();
        var fired = new List<KitchenTicket>();
        // A ticket is part of an open sale's life, not a fiscal record: committed like an open-sale edit (it survives a crash
        // of Kasse; a power cut may lose the last ones, as it may the last scans), and in the write queue's turn on SQLite.
        var (tickets, routing) = await db.InTransactionAsync(Durability.OpenSaleEdit, async () =>
        {
            made.Clear();
            fired.Clear();
            var tickets = await db.KitchenTickets.Where(t => t.SaleId == sale.Id).ToListAsync(ct);
            var routing = await RoutingAsync(sale, ct);
            var now = clock.Now();
            var sendId = Guid.CreateVersion7();
            var firedCourses = tickets.Where(t => t.FiredAt is not null).Select(t => t.Course).ToHashSet();
            if (mode == Mode.Fire)
            {
                var course = fireCourse!.Value;
                if (tickets.All(t => t.Course != course) && routing.Lines.All(l => l.Course != course))
                    throw DomainException.Conflict(KitchenErrors.CourseNotOrdered, $"The sale has nothing in course {course} to fire; order it first.");
                foreach (var held in tickets.Where(t => t.Course == course && t.Status == KitchenTicketStatus.Held))
                    if (held.Fire(now))
                        fired.Add(held);
                firedCourses.Add(course);
            }
            var pending = Pending(sale, tickets, routing, mode, fireCourse);
            if (pending.Count > 0 && routing.Stations.Count == 0)
                throw DomainException.Conflict(KitchenErrors.NoStations,
                    "The store has no kitchen station to send to: add one in the back office under Restaurant → Kitchen.");
            var firstToGo = firedCourses.Count > 0 ? firedCourses.Max() : pending.Select(p => p.Course).DefaultIfEmpty(Courses.First).Min();
            var waiter = sale.CashierId is { } cashierId ? await setups.EmployeeNameAsync(db, cashierId, ct) : null;
            var table = sale.TableId is { } tableId ? await setups.TableNameAsync(db, tableId, ct) : null;
            foreach (var group in pending.GroupBy(p => (p.Station.Id, p.Course)).OrderBy(g => g.Key.Course))
            {
                var held = mode switch
                {
                    Mode.SendAll => false,
                    Mode.Fire => group.Key.Course != fireCourse && !firedCourses.Contains(group.Key.Course),
                    _ => group.Key.Course > firstToGo && !firedCourses.Contains(group.Key.Course),
                };
                var ticket = new KitchenTicket(Guid.CreateVersion7(), sale.StoreId, group.First().Station, sale.Id, sendId, group.Key.Course, held,
                    table, sale.TabName, sale.Covers, waiter, now);
                ticket.MarkOrderType(sale.OrderType);
                ticket.MarkOrderNumber(sale.OrderNumber);
                foreach (var item in group)
                    ticket.Add(Guid.CreateVersion7(), item.LineId, item.Name, item.Quantity, item.Change, item.QuantityBefore,
                        item.Details.Modifiers, item.Details.Note, item.Details.Allergens);
                db.KitchenTickets.Add(ticket);
                tickets.Add(ticket);
                made.Add(ticket);
                if (!held)
                    fired.Add(ticket);
            }
            if (made.Count == 0 && fired.Count == 0)
                return (tickets, routing);
            foreach (var ticket in fired)
                await PrintAsync(ticket, routing.Setup, ct);
            if (mode != Mode.ChangesOnly || made.Any(t => t.Items.Any(i => i.Change == KitchenItemChange.Voided)))
                audit.Record(mode == Mode.Fire ? AuditAction.CourseFired : AuditAction.SentToKitchen,
                    mode == Mode.Fire
                        ? AuditTexts.CourseFired(fireCourse!.Value, table, sale.TabName)
                        : AuditTexts.SentToKitchen(table, sale.TabName, string.Join(", ", made.SelectMany(t => t.Items).Select(Describe))),
                    subject: "sale:" + sale.Id, storeId: sale.StoreId,
                    after: new { Tickets = made.Select(t => new { t.StationName, t.Course, t.Status, Items = t.Items.Select(Describe) }), Fired = fired.Count });
            await db.SaveChangesAsync(ct);
            var stations = made.Concat(fired).Select(t => t.StationId).ToHashSet();
            db.AfterCommit(() => notifier.Tell(new KitchenChange(sale.StoreId, stations)));
            return (tickets, routing);
        }, ct);
        return View(sale, tickets, routing, made.Concat(fired).Distinct().ToList());
    }

    private async Task PrintAsync(KitchenTicket ticket, KitchenSetup setup, CancellationToken ct)
    {
        var printers = setup.PrintersOf(ticket.StationName);
        if (printers.Count == 0)
            return;
        var store = await stores.GetAsync(db, ticket.StoreId, ct);
        var view = KitchenTicketView.From(ticket);
        foreach (var printer in printers)
            await printing.KitchenTicketAsync(printer, ticket.Id, Printing.KitchenTicketDocument.For(view, store.LocalTime(ticket.FiredAt ?? clock.Now()), printer.Columns), ct);
    }

    private static string Describe(KitchenTicketItem i) => i.Change switch
    {
        KitchenItemChange.Voided => $"void {i.QuantityBefore:0.###} × {i.Name}",
        KitchenItemChange.Changed => $"{i.Name} {i.QuantityBefore:0.###} → {i.Quantity:0.###}",
        _ => $"{i.Quantity:0.###} × {i.Name}",
    };

    private sealed record PendingItem(Guid LineId, string Name, decimal Quantity, KitchenItemChange Change, decimal QuantityBefore,
        KitchenStation Station, int Course, KitchenItemDetails Details);

    /// <summary>What each line was last sent as: its newest item (a void says 0), with the ticket it came on.</summary>
    private static Dictionary<Guid, (KitchenTicketItem Item, KitchenTicket Ticket)> LastSent(IEnumerable<KitchenTicket> tickets) =>
        tickets.SelectMany(t => t.Items.Select(i => (Item: i, Ticket: t)))
            .GroupBy(x => x.Item.LineId)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Ticket.SentAt).ThenBy(x => x.Ticket.Id).ThenBy(x => x.Item.Position).Last());

    private static List<PendingItem> Pending(SaleView sale, IEnumerable<KitchenTicket> tickets, Routing routing, Mode mode, int? fireCourse)
    {
        var last = LastSent(tickets);
        var pending = new List<PendingItem>();
        var voided = sale.Status == SaleStatus.Voided;
        foreach (var line in voided ? [] : routing.Lines)
        {
            var sent = last.TryGetValue(line.Line.Id, out var was) ? was.Item.Quantity : 0m;
            if (sent == line.Line.Quantity)
                continue;
            if (sent == 0m)
            {
                // A new line waits for the waiter's send; firing a course sends that course's new lines with it.
                if (mode == Mode.ChangesOnly || (mode == Mode.Fire && line.Course != fireCourse))
                    continue;
                pending.Add(new PendingItem(line.Line.Id, line.Line.Name, line.Line.Quantity, KitchenItemChange.New, 0m, line.Station!, line.Course,
                    KitchenItems.FromLine(line.Line)));
            }
            else
                pending.Add(new PendingItem(line.Line.Id, line.Line.Name, line.Line.Quantity, KitchenItemChange.Changed, sent,
                    Station(was.Ticket, routing, line.Station), was.Ticket.Course, KitchenItems.FromLine(line.Line)));
        }
        var present = voided ? [] : sale.Lines.Select(l => l.Id).ToHashSet();
        foreach (var (lineId, was) in last)
            if (!present.Contains(lineId) && was.Item.Quantity != 0m)
                pending.Add(new PendingItem(lineId, was.Item.Name, 0m, KitchenItemChange.Voided, was.Item.Quantity,
                    Station(was.Ticket, routing, null), was.Ticket.Course, new KitchenItemDetails(was.Item.Modifiers, was.Item.Note, was.Item.Allergens)));
        return pending;
    }

    /// <summary>A change goes where the line was sent; if that station is gone, where the line would go now.</summary>
    private static KitchenStation Station(KitchenTicket sentOn, Routing routing, KitchenStation? now) =>
        routing.Stations.FirstOrDefault(s => s.Id == sentOn.StationId) ?? now ?? (routing.Stations.Count > 0 ? routing.Stations[0] : null)
        ?? throw DomainException.Conflict(KitchenErrors.NoStations, "The store has no kitchen station left to tell of the change; add one in the back office.");

    private sealed record RoutedLine(SaleLineView Line, KitchenStation? Station, int Course);

    private sealed record Routing(KitchenSetup Setup, IReadOnlyList<RoutedLine> Lines)
    {
        public IReadOnlyList<KitchenStation> Stations => Setup.Stations;
    }

    /// <summary>Each line's station and course: the product's route, else its category's, else the first station and course 1; the line's own course wins.</summary>
    private async Task<Routing> RoutingAsync(SaleView sale, CancellationToken ct)
    {
        var setup = await setups.SetupAsync(db, sale.StoreId, ct);
        var stations = setup.Stations;
        var byProduct = setup.Routes.Where(r => r.ProductId is not null).ToDictionary(r => r.ProductId!.Value);
        var byCategory = setup.Routes.Where(r => r.CategoryId is not null).ToDictionary(r => r.CategoryId!.Value);
        // Categories matter only to a store that routes by category.
        var productIds = byCategory.Count == 0 ? [] : sale.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var categories = productIds.Count == 0 ? new Dictionary<Guid, Guid?>() : await setups.CategoriesAsync(db, productIds, ct);
        var lines = new List<RoutedLine>();
        foreach (var line in sale.Lines.Where(l => !l.IsVoucher && l.Quantity > 0m && l.OriginalLineId is null))
        {
            var own = line.ProductId is { } p ? byProduct.GetValueOrDefault(p) : null;
            var category = line.ProductId is { } q && categories.GetValueOrDefault(q) is { } c ? byCategory.GetValueOrDefault(c) : null;
            var stationId = own?.StationId ?? category?.StationId;
            var station = stations.FirstOrDefault(s => s.Id == stationId) ?? (stations.Count > 0 ? stations[0] : null);
            lines.Add(new RoutedLine(line, station, line.Course ?? own?.Course ?? category?.Course ?? Courses.First));
        }
        return new Routing(setup, lines);
    }

    private Task<List<KitchenTicket>> TicketsOfAsync(Guid saleId, CancellationToken ct) =>
        db.KitchenTickets.AsNoTracking().Where(t => t.SaleId == saleId).ToListAsync(ct);

    private static SaleKitchenView View(SaleView sale, IReadOnlyList<KitchenTicket> tickets, Routing routing, IReadOnlyList<KitchenTicket> touched)
    {
        var last = LastSent(tickets);
        var lines = routing.Lines.Select(l =>
        {
            var sent = last.TryGetValue(l.Line.Id, out var was) ? was.Item.Quantity : 0m;
            var state = sent != l.Line.Quantity || was.Ticket is null ? KitchenLineState.Unsent
                : was.Ticket.FiredAt is null ? KitchenLineState.Held : KitchenLineState.Fired;
            return new KitchenLineView(l.Line.Id, l.Line.Name, l.Line.Quantity, was.Ticket?.Course ?? l.Course, sent, state);
        }).ToList();
        var courses = lines.GroupBy(l => l.Course).OrderBy(g => g.Key).Select(g => new KitchenCourseView(g.Key,
            tickets.Any(t => t.Course == g.Key && t.FiredAt is not null) ? KitchenLineState.Fired
            : tickets.Any(t => t.Course == g.Key && t.Status == KitchenTicketStatus.Held) ? KitchenLineState.Held
            : KitchenLineState.Unsent)).ToList();
        return new SaleKitchenView(sale.Id, lines, courses, touched.Select(KitchenTicketView.From).ToList());
    }
}
