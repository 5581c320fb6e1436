using System.Collections.Concurrent;
using Kasse.Application.Sales;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;

namespace Kasse.Server.Ui.Display;

public enum DisplayPhase
{
    /// <summary>No sale: the shop's name and a welcome.</summary>
    Idle,
    Selling,
    /// <summary>The sale is paid: the change due and a thank-you.</summary>
    Done,
}

public sealed record DisplayLine(string Name, decimal Quantity, string? UnitSymbol, decimal Total, decimal Discount);

/// <summary>
/// What the screen facing the customer shows, as one immutable picture: the amounts as the sale on the server worked
/// them out (nothing is recomputed here). <see cref="SaleId"/> and <see cref="Version"/> say which sale, at which change,
/// the picture comes from (none for a display nobody has sold on yet).
/// </summary>
public sealed record DisplayState(DisplayPhase Phase, string Currency, IReadOnlyList<DisplayLine> Lines,
    decimal DiscountTotal, decimal Total, decimal Paid, decimal AmountDue, decimal CashDue, decimal ChangeDue, decimal CashRounding,
    decimal Tendered, Guid? SaleId = null, long Version = 0)
{
    public static DisplayState Idle(Guid? saleId = null, long version = 0) =>
        new(DisplayPhase.Idle, "", [], 0m, 0m, 0m, 0m, 0m, 0m, 0m, 0m, saleId, version);

    /// <summary>A completed sale or return shows its change and a thank-you; an empty, parked or voided sale, the welcome.</summary>
    public static DisplayState From(SaleChange change)
    {
        var sale = change.Sale;
        var phase = sale.Status switch
        {
            SaleStatus.Completed => DisplayPhase.Done,
            SaleStatus.Open when sale.Lines.Count > 0 => DisplayPhase.Selling,
            _ => DisplayPhase.Idle,
        };
        if (phase == DisplayPhase.Idle)
            return Idle(sale.Id, change.Version);
        return new(phase, sale.Currency,
            sale.Lines.Select(l => new DisplayLine(l.Name, l.Quantity, l.Unit == Unit.Piece ? null : l.Unit.Symbol(),
                l.TotalAmount, (l.Discount?.Amount ?? 0m) + l.SaleDiscountAmount)).ToList(),
            sale.DiscountTotal, sale.TotalAmount, sale.PaidAmount, sale.AmountDue, sale.CashDue, sale.ChangeGiven, sale.CashRounding,
            sale.TenderedAmount, sale.Id, change.Version);
    }
}

/// <summary>
/// The live feed to each register's customer display. It follows the sales on the server: every committed change of a
/// sale (from the till, the API, another till, a card terminal) arrives here as an <see cref="ISaleChangeListener"/> and
/// goes to the display of the sale's register; each open display (a Blazor circuit, so SignalR carries it to the screen)
/// gets it at once. The last picture per register is kept, so a display opened or reloaded mid-sale shows the sale
/// straight away.
/// </summary>
public sealed class CustomerDisplayHub : ISaleChangeListener
{
    private readonly ConcurrentDictionary<Guid, DisplayState> _latest = new();
    private readonly ConcurrentDictionary<Guid, ImmutableSubscribers> _subscribers = new();
    private readonly Lock _gate = new();

    /// <summary>
    /// A sale still being sold, per register, hidden behind another's thank-you (a return done while a sale is open):
    /// it comes back when the till closes that receipt.
    /// </summary>
    private readonly Dictionary<Guid, DisplayState> _behind = [];

    public DisplayState? Latest(Guid registerId) => _latest.GetValueOrDefault(registerId);

    public void SaleChanged(SaleChange change) => Show(change.Sale.RegisterId, DisplayState.From(change));

    /// <summary>
    /// Shows a sale's picture on a register's display, unless it is older news of the sale already shown (two commits'
    /// notices can cross), or it is the welcome of a sale that is not the one on screen (another sale on the same
    /// register parked, voided or emptied must not blank the customer's own, nor the thank-you of the last one).
    /// </summary>
    public void Show(Guid registerId, DisplayState state)
    {
        lock (_gate)
        {
            var current = _latest.GetValueOrDefault(registerId);
            if (_behind.GetValueOrDefault(registerId) is { } behind && behind.SaleId == state.SaleId && behind.Version <= state.Version)
            {
                // News of the sale behind the thank-you: it is what comes back (or nothing, if it was parked or voided).
                if (state.Phase == DisplayPhase.Selling)
                    _behind[registerId] = state;
                else
                    _behind.Remove(registerId);
                if (current is { Phase: DisplayPhase.Done })
                    return;
            }
            if (current is not null && state.SaleId is { } saleId && current.SaleId == saleId && current.Version > state.Version)
                return;
            if (state.Phase == DisplayPhase.Idle && current is { Phase: not DisplayPhase.Idle } && current.SaleId != state.SaleId)
                return;
            if (state.Phase == DisplayPhase.Done && current is { Phase: DisplayPhase.Selling } && current.SaleId != state.SaleId)
                _behind[registerId] = current;
            else if (state.Phase != DisplayPhase.Done)
                _behind.Remove(registerId);
            PublishLocked(registerId, state);
        }
    }

    /// <summary>
    /// Once the till has closed a finished sale's receipt screen (something only the till knows), if the display still
    /// shows that sale: back to the sale it hid, if any, else to the welcome.
    /// </summary>
    public void Finished(Guid registerId, Guid saleId)
    {
        lock (_gate)
        {
            if (_latest.GetValueOrDefault(registerId) is not { SaleId: { } shown, Phase: DisplayPhase.Done } current || shown != saleId)
                return;
            PublishLocked(registerId, _behind.Remove(registerId, out var behind) ? behind : DisplayState.Idle(saleId, current.Version));
        }
    }

    /// <summary>Shows exactly this picture (no rules).</summary>
    public void Publish(Guid registerId, DisplayState state)
    {
        lock (_gate)
            PublishLocked(registerId, state);
    }

    // Subscribers are told under the lock, so every display sees the pictures in the order they were kept; each only
    // queues a render on its own circuit.
    private void PublishLocked(Guid registerId, DisplayState state)
    {
        _latest[registerId] = state;
        if (!_subscribers.TryGetValue(registerId, out var subscribers))
            return;
        foreach (var subscriber in subscribers.Items)
            subscriber(state);
    }

    /// <summary>Subscribes to one register's display; dispose the answer to stop.</summary>
    public IDisposable Subscribe(Guid registerId, Action<DisplayState> onChange)
    {
        _subscribers.AddOrUpdate(registerId, _ => new ImmutableSubscribers([onChange]), (_, s) => new ImmutableSubscribers([.. s.Items, onChange]));
        return new Subscription(() => _subscribers.AddOrUpdate(registerId, _ => new ImmutableSubscribers([]),
            (_, s) => new ImmutableSubscribers(s.Items.Where(i => i != onChange).ToArray())));
    }

    private sealed record ImmutableSubscribers(Action<DisplayState>[] Items);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                dispose();
        }
    }
}
