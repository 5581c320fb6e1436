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

/// <summary>What the screen facing the customer shows, as one immutable picture.</summary>
public sealed record DisplayState(DisplayPhase Phase, string StoreName, string Currency, IReadOnlyList<DisplayLine> Lines,
    decimal DiscountTotal, decimal Total, decimal Paid, decimal ChangeDue, decimal CashRounding)
{
    public static DisplayState Idle(string storeName, string currency) => new(DisplayPhase.Idle, storeName, currency, [], 0m, 0m, 0m, 0m, 0m);

    public static DisplayState From(SaleView sale, string storeName) => new(
        sale.Status == SaleStatus.Completed ? DisplayPhase.Done : sale.Lines.Count == 0 ? DisplayPhase.Idle : DisplayPhase.Selling,
        storeName, sale.Currency,
        sale.Lines.Select(l => new DisplayLine(l.Name, l.Quantity, l.Unit == Unit.Piece ? null : l.Unit.Symbol(),
            l.TotalAmount, (l.Discount?.Amount ?? 0m) + l.SaleDiscountAmount)).ToList(),
        sale.DiscountTotal, sale.TotalAmount, sale.PaidAmount, sale.ChangeGiven, sale.CashRounding);
}

/// <summary>
/// The live feed from each till to its customer display. The till publishes every change of its sale; each open
/// display (a Blazor circuit, so SignalR carries it to the screen) gets it at once. The last picture per register
/// is kept, so a display opened or reloaded mid-sale shows the sale straight away.
/// </summary>
public sealed class CustomerDisplayHub
{
    private readonly ConcurrentDictionary<Guid, DisplayState> _latest = new();
    private readonly ConcurrentDictionary<Guid, ImmutableSubscribers> _subscribers = new();

    public DisplayState? Latest(Guid registerId) => _latest.GetValueOrDefault(registerId);

    public void Publish(Guid registerId, DisplayState state)
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
