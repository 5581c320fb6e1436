using System.Collections.Concurrent;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;

namespace Kasse.Application.Restaurant;

/// <summary>
/// Tells the open floor views (Blazor circuits, so SignalR carries it to the browser) that a store's tables changed: a
/// sale on a table or a tab was opened, changed, moved, handed over, paid or voided, or its bill was asked for. It
/// hears of every committed change of a sale (<see cref="ISaleChangeListener"/>), after the commit, and of every change of
/// the kitchen's tickets (sent, fired, bumped, an item done: a table waiting for food). In process: one node serves a
/// store's tills.
/// </summary>
public sealed class FloorNotifier : ISaleChangeListener
{
    public FloorNotifier(KitchenNotifier kitchen) => kitchen.Changed += change => Tell(change.StoreId);

    /// <summary>
    /// The open sales last seen on a table or tab, and their store: a sale moved off its table, and a sale that was only
    /// ever a shop sale, look alike in their newest view; only the first changes the floor.
    /// </summary>
    private readonly ConcurrentDictionary<Guid, Guid> _onTheFloor = new();

    /// <summary>The store whose floor changed.</summary>
    public event Action<Guid>? Changed;

    public void SaleChanged(SaleChange change)
    {
        var sale = change.Sale;
        var seated = sale.TableId is not null || !string.IsNullOrEmpty(sale.TabName);
        var stillOpen = sale.Status is SaleStatus.Open or SaleStatus.Parked;
        if (seated && stillOpen)
        {
            _onTheFloor[sale.Id] = sale.StoreId;
            Tell(sale.StoreId);
        }
        else if (_onTheFloor.TryRemove(sale.Id, out _) || seated)
            Tell(sale.StoreId);
    }

    /// <summary>A change the sale's own announcement does not carry (a provisional bill printed: the table's bill is asked for).</summary>
    public void Tell(Guid storeId)
    {
        var listeners = Changed;
        if (listeners is null)
            return;
        foreach (var listener in listeners.GetInvocationList().Cast<Action<Guid>>())
        {
            try
            {
                listener(storeId);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A floor view that went away must not fail the sale that committed.
            }
        }
    }
}
