using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain.Restaurant;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Restaurant;

public sealed partial class KitchenOrders
{
    /// <summary>
    /// Lines moved between sales (a move, a merge, a split) keep what the kitchen was told: for each line whose last ticket
    /// was fired, a <see cref="KitchenTicketStatus.Moved"/> record says how much of what was sent now belongs to the line it
    /// went to, and how much is left on the line it came from — so neither sale sends it again nor voids it. Lines of a course
    /// still held are not carried: the sale they left tells its station of the change (held), and the sale they went to sends
    /// them with its next send. Runs in the caller's transaction.
    /// </summary>
    public async Task CarryMovesAsync(IReadOnlyList<LineMove> moves, IReadOnlyDictionary<Guid, SaleView> sales, CancellationToken ct)
    {
        var fromIds = moves.Select(m => m.FromSaleId).Distinct().ToList();
        if (moves.Count == 0 || !await db.KitchenTickets.AnyAsync(t => fromIds.Contains(t.SaleId), ct))
            return;
        var taken = await turns.TakeAllAsync(moves.SelectMany(m => new[] { m.FromSaleId, m.ToSaleId }), ct);
        try
        {
            await db.InTransactionAsync(async () =>
            {
                var tickets = await db.KitchenTickets.Where(t => fromIds.Contains(t.SaleId)).ToListAsync(ct);
                var tableIds = sales.Values.Where(s => s.TableId is not null).Select(s => s.TableId!.Value).Distinct().ToList();
                var tables = await db.DiningTables.AsNoTracking().Where(t => tableIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
                var now = clock.Now();
                var sendId = Guid.CreateVersion7();
                var records = new Dictionary<(Guid SaleId, Guid TicketId), KitchenTicket>();
                KitchenTicket RecordOn(Guid saleId, KitchenTicket sentOn)
                {
                    if (records.TryGetValue((saleId, sentOn.Id), out var record))
                        return record;
                    var sale = sales[saleId];
                    record = KitchenTicket.MovedFrom(sentOn, Guid.CreateVersion7(), saleId, sendId,
                        sale.TableId is { } table ? tables.GetValueOrDefault(table) : null, sale.TabName, sale.Covers, now);
                    records[(saleId, sentOn.Id)] = record;
                    return record;
                }
                foreach (var group in moves.GroupBy(m => (m.FromSaleId, m.FromLineId)))
                {
                    var last = LastSent(tickets.Where(t => t.SaleId == group.Key.FromSaleId));
                    if (!last.TryGetValue(group.Key.FromLineId, out var was) || was.Item.Quantity == 0m || was.Ticket.FiredAt is null)
                        continue;
                    var sent = was.Item.Quantity;
                    var left = sent;
                    foreach (var move in group)
                    {
                        var carried = Math.Min(move.Quantity, left);
                        if (carried <= 0m)
                            break;
                        left -= carried;
                        RecordOn(move.ToSaleId, was.Ticket).Add(Guid.CreateVersion7(), move.ToLineId, was.Item.Name, carried, KitchenItemChange.New, 0m,
                            was.Item.Modifiers, was.Item.Note, was.Item.Allergens);
                    }
                    if (left != sent)
                        RecordOn(group.Key.FromSaleId, was.Ticket).Add(Guid.CreateVersion7(), group.Key.FromLineId, was.Item.Name, left,
                            left == 0m ? KitchenItemChange.Voided : KitchenItemChange.Changed, sent, was.Item.Modifiers, was.Item.Note, was.Item.Allergens);
                }
                db.KitchenTickets.AddRange(records.Values);
                await db.SaveChangesAsync(ct);
                return records.Count;
            }, ct);
        }
        finally
        {
            foreach (var turn in taken)
                turn.Dispose();
        }
    }

    /// <summary>
    /// The whole sale moved to another table or tab (or its guests changed), or another waiter took it over: its tickets
    /// still on the stations' screens follow it, so the food goes to where the guests sit now and the cook calls the waiter
    /// who has it. Runs after the move committed, as its own open-sale edit.
    /// </summary>
    public async Task FollowSaleAsync(SaleView sale, CancellationToken ct)
    {
        if (!await db.KitchenTickets.AnyAsync(t => t.SaleId == sale.Id
                && (t.Status == KitchenTicketStatus.Held || t.Status == KitchenTicketStatus.Open), ct))
            return;
        using var turn = await turns.TakeAsync(sale.Id, ct);
        var table = sale.TableId is { } tableId ? await setups.TableNameAsync(db, tableId, ct) : null;
        var waiter = sale.CashierId is { } cashierId ? await setups.EmployeeNameAsync(db, cashierId, ct) : null;
        await db.InTransactionAsync(Durability.OpenSaleEdit, async () =>
        {
            var tickets = await db.KitchenTickets.Where(t => t.SaleId == sale.Id
                && (t.Status == KitchenTicketStatus.Held || t.Status == KitchenTicketStatus.Open)).ToListAsync(ct);
            var stations = tickets.Where(t => t.FollowSale(table, sale.TabName, sale.Covers, waiter)).Select(t => t.StationId).ToHashSet();
            if (stations.Count == 0)
                return 0;
            await db.SaveChangesAsync(ct);
            db.AfterCommit(() => notifier.Tell(new KitchenChange(sale.StoreId, stations)));
            return stations.Count;
        }, ct);
    }
}
