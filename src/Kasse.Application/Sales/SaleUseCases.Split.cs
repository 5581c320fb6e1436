using Kasse.Application.Restaurant;
using Kasse.Application.Staff;
using Kasse.Domain;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Sales;

/// <param name="LineId">A line of the sale (not a combo's part at another VAT rate: it goes with its combo).</param>
/// <param name="Quantity">How much of it; left out, the whole line.</param>
public sealed record MoveLine(Guid LineId, decimal? Quantity = null);

/// <summary>
/// Lines of an open sale to another open sale (<see cref="ToSaleId"/>), or to a new sale on a table (<see cref="TableId"/>)
/// or a named tab (<see cref="TabName"/>); with neither, a new sale on the same table (splitting the bill by item).
/// </summary>
/// <param name="NewSaleId">The id of the new sale (a new UUID chosen by the client); left out, one is made.</param>
public sealed record MoveLines(IReadOnlyList<MoveLine> Lines, Guid? ToSaleId = null, Guid? TableId = null, int? Covers = null,
    string? TabName = null, Guid? NewSaleId = null);

/// <summary>Another open sale (another table's) whose lines all come to this one; it is then voided, empty.</summary>
public sealed record MergeSale(Guid SaleId);

/// <param name="Seat">A line's seat; null: no seat.</param>
public sealed record SetLineSeat(int? Seat);

public enum SplitBy
{
    /// <summary>The lines picked go to a new sale on the same table.</summary>
    Items,
    /// <summary>One sale per seat: the sale keeps the lines without a seat (or, if every line has one, the lowest seat's).</summary>
    Seats,
    /// <summary>N equal parts: every line shared to the øre; the sale keeps the first part.</summary>
    Parts,
}

/// <param name="Lines">For <see cref="SplitBy.Items"/>: the lines (and quantities) that go to the new sale.</param>
/// <param name="Parts">For <see cref="SplitBy.Parts"/>: how many parts (2–20).</param>
public sealed record SplitSale(SplitBy By, IReadOnlyList<MoveLine>? Lines = null, int? Parts = null);

/// <summary>The sales lines moved between, the one they came from first.</summary>
public sealed record MovedLines(SaleView From, SaleView To);

/// <summary>The parts of a split bill: the sale split first, then the new sales, each a normal open sale to pay on its own.</summary>
public sealed record SplitBill(IReadOnlyList<SaleView> Parts);

/// <summary>
/// The restaurant's moves between open sales: a line's seat, moving lines (whole or part of a line's quantity) to another
/// table, tab or sale, merging one table's sale into another's, and splitting the bill by item, by seat or in N equal
/// parts. Every one runs with the turns of all the sales involved, in one durable transaction, and is audited; lines
/// already fired keep their kitchen state (<see cref="KitchenOrders.CarryMovesAsync"/>). No money moves: a sale with
/// payments taken is refused.
/// </summary>
public sealed partial class SaleUseCases
{
    public async Task<SaleView> SetLineSeatAsync(Guid saleId, Guid lineId, SetLineSeat command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        Caller.EnsureMayActIn((await SeatingOfAsync(saleId, ct)).StoreId);
        return await sales.EditAsync(saleId, (s, _) =>
        {
            s.SetLineSeat(lineId, command.Seat);
            return Task.CompletedTask;
        }, ct);
    }

    public async Task<MovedLines> MoveLinesAsync(Guid saleId, MoveLines command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        var from = await MovableAsync(saleId, ct);
        var lines = Picked(from, command.Lines);
        var to = command.ToSaleId is { } toId ? await MovableAsync(toId, ct) : null;
        var newId = to is null ? NewSaleId(command.NewSaleId) : (Guid?)null;
        var (moved, moves) = await sales.TogetherAsync(newId is { } id ? [from.Id, id] : [from.Id, to!.Id], async () =>
        {
            var target = to?.Id ?? (await OpenPartAsync(from, newId!.Value, command.TableId ?? (command.TabName is null ? from.TableId : null),
                command.Covers, command.TabName ?? (command.TableId is null ? from.TabName : null), ct)).Id;
            var moves = new List<LineMove>();
            var views = await EditTogetherAsync([from.Id, target], loaded =>
            {
                foreach (var (lineId, quantity) in lines)
                    moves.Add(loaded[1].TakeLineFrom(loaded[0], lineId, quantity ?? loaded[0].Lines.First(l => l.Id == lineId).Quantity, Guid.CreateVersion7()));
            }, ct);
            await AuditMoveAsync((f, t) => AuditTexts.LinesMoved(Count(moves, from), f, t), views[0], views[1], moves, ct);
            await kitchen.CarryMovesAsync(moves, views.ToDictionary(v => v.Id), ct);
            return (new MovedLines(views[0], views[1]), moves);
        }, ct);
        await TellKitchenAsync(moved.From, ct);
        return moved;
    }

    /// <summary>Every line of <see cref="MergeSale.SaleId"/> comes to this sale, with its guests; the emptied sale is voided (journaled as a void).</summary>
    public async Task<SaleView> MergeAsync(Guid saleId, MergeSale command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        var into = await MovableAsync(saleId, ct);
        var from = await MovableAsync(command.SaleId, ct);
        if (from.Id == into.Id)
            throw DomainException.Invalid(SaleErrors.MoveSame, "The lines are already on this sale; pick another table or sale to move them to.");
        var (merged, emptied) = await sales.TogetherAsync([from.Id, into.Id], async () =>
        {
            var moves = new List<LineMove>();
            var views = await EditTogetherAsync([from.Id, into.Id], loaded =>
            {
                var (source, target) = (loaded[0], loaded[1]);
                foreach (var line in source.Lines.Where(l => l.ParentLineId is null).ToList())
                    moves.Add(target.TakeLineFrom(source, line.Id, line.Quantity, Guid.CreateVersion7()));
                if (source.Covers is { } guests && target.TableId is not null)
                    target.SeatAt(target.TableId, Math.Min(Sale.MaxCovers, (target.Covers ?? 0) + guests), target.TabName);
            }, ct);
            await AuditMoveAsync((f, t) => AuditTexts.LinesMerged(Count(moves, from), f, t), views[0], views[1], moves, ct);
            await kitchen.CarryMovesAsync(moves, views.ToDictionary(v => v.Id), ct);
            var voided = await sales.VoidAsync(from.Id, ct);
            return (views[1], voided);
        }, ct);
        await TellKitchenAsync(emptied, ct);
        return merged;
    }

    public async Task<SplitBill> SplitAsync(Guid saleId, SplitSale command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        var sale = await MovableAsync(saleId, ct);
        SplitBill split;
        switch (command.By)
        {
            case SplitBy.Items:
            {
                var picked = Picked(sale, command.Lines);
                if (picked.Count == sale.Lines.Count(l => l.ParentLineId is null) && picked.All(p => p.Quantity is null
                        || p.Quantity == sale.Lines.First(l => l.Id == p.LineId).Quantity))
                    throw DomainException.Invalid(SaleErrors.SplitNothing, "Every line was picked: leave at least one on this bill, or pay it whole.");
                var moved = await MoveLinesAsync(saleId, new MoveLines(command.Lines!), ct);
                return new SplitBill([moved.From, moved.To]);
            }
            case SplitBy.Seats:
                split = await SplitBySeatAsync(sale, ct);
                break;
            case SplitBy.Parts:
                split = await SplitEquallyAsync(sale, command.Parts ?? 0, ct);
                break;
            default:
                throw DomainException.Invalid(SaleErrors.SplitParts, "Split by Items, Seats or Parts.");
        }
        await TellKitchenAsync(split.Parts[0], ct);
        return split;
    }

    private async Task<SplitBill> SplitBySeatAsync(SaleView sale, CancellationToken ct)
    {
        var seats = sale.Lines.Where(l => l.ParentLineId is null && l.Seat is not null).Select(l => l.Seat!.Value).Distinct().Order().ToList();
        var keepsUnseated = sale.Lines.Any(l => l.ParentLineId is null && l.Seat is null);
        var leaving = keepsUnseated ? seats : seats.Skip(1).ToList();
        if (leaving.Count == 0)
            throw DomainException.Conflict(SaleErrors.SplitNothing, "Give the lines their guests' seats first: the bill is split by seat when at least two seats have lines.");
        var newIds = leaving.Select(_ => Guid.CreateVersion7()).ToList();
        return await sales.TogetherAsync(newIds.Prepend(sale.Id), async () =>
        {
            for (var i = 0; i < leaving.Count; i++)
                await OpenPartAsync(sale, newIds[i], sale.TableId, 1, sale.TabName, ct);
            var moves = new List<LineMove>();
            var views = await EditTogetherAsync(newIds.Prepend(sale.Id).ToList(), loaded =>
            {
                var discountBefore = loaded[0].SaleDiscountAmount;
                for (var i = 0; i < leaving.Count; i++)
                    foreach (var line in loaded[0].Lines.Where(l => l.ParentLineId is null && l.Seat == leaving[i]).ToList())
                        moves.Add(loaded[i + 1].TakeLineFrom(loaded[0], line.Id, line.Quantity, Guid.CreateVersion7()));
                // Each guest who leaves with their seat's bill leaves this one: the table seats as many guests as before, not more.
                if (loaded[0].Covers is { } guests)
                    loaded[0].SeatAt(loaded[0].TableId, Math.Max(1, guests - leaving.Count), loaded[0].TabName);
                // Every guest's part keeps its share of a discount given to the whole table.
                if (discountBefore != 0m)
                    loaded[0].ShareSaleDiscount(loaded.Skip(1).ToList(), discountBefore);
            }, ct);
            await AuditMoveAsync((f, _) => AuditTexts.BillSplitBySeat(views.Count, f, string.Join(", ", leaving)), views[0], views[1], moves, ct);
            await kitchen.CarryMovesAsync(moves, views.ToDictionary(v => v.Id), ct);
            return new SplitBill(views);
        }, ct);
    }

    private async Task<SplitBill> SplitEquallyAsync(SaleView sale, int parts, CancellationToken ct)
    {
        if (parts is < 2 or > Sale.MaxSplitParts)
            throw DomainException.Invalid(SaleErrors.SplitParts, $"A bill is split in 2 to {Sale.MaxSplitParts} parts; got {parts}.");
        var newIds = Enumerable.Range(1, parts - 1).Select(_ => Guid.CreateVersion7()).ToList();
        return await sales.TogetherAsync(newIds.Prepend(sale.Id), async () =>
        {
            foreach (var id in newIds)
                await OpenPartAsync(sale, id, sale.TableId, null, sale.TabName, ct);
            var moves = new List<LineMove>();
            var views = await EditTogetherAsync(newIds.Prepend(sale.Id).ToList(),
                loaded => moves.AddRange(loaded[0].ShareEqually(loaded.Skip(1).ToList(), Guid.CreateVersion7)), ct);
            await AuditMoveAsync((f, _) => AuditTexts.BillSplitInParts(parts, f), views[0], views[1], moves, ct);
            await kitchen.CarryMovesAsync(moves, views.ToDictionary(v => v.Id), ct);
            return new SplitBill(views);
        }, ct);
    }

    /// <summary>An open sale of the caller's store with no payment taken: lines move only between such sales.</summary>
    private async Task<SaleView> MovableAsync(Guid saleId, CancellationToken ct)
    {
        var sale = await sales.GetAsync(saleId, ct);
        Caller.EnsureMayActIn(sale.StoreId);
        if (sale.Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.NotOpen, "Lines move only between open sales; resume a parked sale first.");
        if (sale.Payments.Count > 0)
            throw DomainException.Conflict(SaleErrors.MovePaid,
                "Payment has started on this sale, so its lines can't be moved, merged or split. Take the payments back first, or pay the rest.");
        return sale;
    }

    private static List<(Guid LineId, decimal? Quantity)> Picked(SaleView sale, IReadOnlyList<MoveLine>? lines)
    {
        if (lines is null || lines.Count == 0)
            throw DomainException.Invalid(SaleErrors.SplitNothing, "Pick the lines to move.");
        if (lines.Select(l => l.LineId).Distinct().Count() != lines.Count)
            throw DomainException.Invalid(LineErrors.IdRepeated, "Each line is picked once; give the quantity to move with it.");
        foreach (var line in lines)
            if (sale.Lines.All(l => l.Id != line.LineId))
                throw DomainException.NotFound(LineErrors.NotFound, $"This sale has no line {line.LineId}.");
        return lines.Select(l => (l.LineId, l.Quantity)).ToList();
    }

    private static Guid NewSaleId(Guid? given) => given is { } id && id != Guid.Empty ? id : Guid.CreateVersion7();

    /// <summary>A new open sale beside <paramref name="from"/>: its register and waiter, on the table or tab given.</summary>
    private async Task<SaleView> OpenPartAsync(SaleView from, Guid id, Guid? tableId, int? covers, string? tabName, CancellationToken ct)
    {
        var opened = await sales.OpenAsync(new OpenSale(id, from.RegisterId, from.CashierId, tableId, covers, tabName), ct);
        if (opened.Lines.Count > 0 || opened.Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.IdUsed, $"Sale {id} already exists; give the new sale a new id.");
        return opened;
    }

    /// <summary>Edits several open sales as one: each in its turn (already held) and the same transaction; the change sees them all.</summary>
    private async Task<List<SaleView>> EditTogetherAsync(List<Guid> saleIds, Action<IReadOnlyList<Sale>> change, CancellationToken ct)
    {
        var loaded = new Sale[saleIds.Count];
        var views = new SaleView[saleIds.Count];
        async Task EditFromAsync(int index)
        {
            if (index == saleIds.Count)
            {
                change(loaded);
                return;
            }
            views[index] = await sales.EditAsync(saleIds[index], async (sale, _) =>
            {
                loaded[index] = sale;
                await EditFromAsync(index + 1);
            }, ct);
        }
        await EditFromAsync(0);
        return views.ToList();
    }

    /// <summary>What moved, named as the lines were before the move ("2 × Pasta, 1 × Vand").</summary>
    private static string Count(List<LineMove> moves, SaleView before) =>
        moves.Count == 0 ? "Nothing" : string.Join(", ", moves.Select(m => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{m.Quantity:0.###} × {before.Lines.FirstOrDefault(l => l.Id == m.FromLineId)?.Name}")));

    private async Task AuditMoveAsync(Func<AuditTexts.Place, AuditTexts.Place, AuditMessage> what, SaleView from, SaleView to, IReadOnlyList<LineMove> moves,
        CancellationToken ct)
    {
        var tableIds = new[] { from.TableId, to.TableId }.Where(t => t is not null).Select(t => t!.Value).ToList();
        var tables = await db.DiningTables.AsNoTracking().Where(t => tableIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        AuditTexts.Place Where(SaleView s) => s.TableId is { } t && tables.TryGetValue(t, out var name) ? new("table", name)
            : s.TabName is { } tab ? new("tab", tab) : new("sale", s.Id.ToString());
        Audit.Record(AuditAction.LinesMoved, what(Where(from), Where(to)),
            subject: "sale:" + from.Id, storeId: from.StoreId,
            before: new { Sale = from.Id, Table = Where(from).Name },
            after: new { Sale = to.Id, Table = Where(to).Name, Lines = moves.Select(m => new { m.FromSaleId, m.FromLineId, m.ToSaleId, m.ToLineId, m.Quantity }) });
        await db.SaveChangesAsync(ct);
    }
}
