using Kasse.Data;
using Kasse.Domain.Sales;
using Microsoft.Extensions.Logging;

namespace Kasse.Application.Sales;

/// <summary>
/// A committed change of a sale: the sale as it now is, and its <see cref="Sale.Version"/>, which grows with every
/// change, so a listener that hears of two changes out of order keeps the newer.
/// </summary>
public sealed record SaleChange(SaleView Sale, long Version);

/// <summary>
/// Hears of every committed change of a sale, wherever it came from (the till, the API, another till, a card terminal's
/// answer): lines, discounts, promotions, customer, payments, completion, void, park, resume, a return. Called after the
/// commit, on the thread that committed, so it must be quick and must not throw (a failure is logged, never the sale's).
/// The server's customer display is one; the tills' floor views (<see cref="Restaurant.FloorNotifier"/>) another.
/// </summary>
public interface ISaleChangeListener
{
    void SaleChanged(SaleChange change);
}

/// <summary>
/// The one place a change of a sale is announced: each command that changes a sale calls <see cref="Changed"/> after
/// its save, and the listeners hear of it once the transaction (the outermost one) has committed — never if it rolls back;
/// several changes of one sale in one transaction are heard of once, as the newest.
/// </summary>
public sealed class SaleChanges(KasseDbContext db, IEnumerable<ISaleChangeListener> listeners, ILogger<SaleChanges> logger)
{
    /// <summary>
    /// The newest change of each sale changed in the open transaction: several commands in one transaction (a sale placed in
    /// one request) are heard of once, as the sale stands at the commit.
    /// </summary>
    private readonly Dictionary<Guid, (object Transaction, SaleChange Change)> _pending = [];

    /// <returns>The sale's view (the same one the listeners get).</returns>
    public SaleView Changed(Sale sale)
    {
        var change = new SaleChange(SaleView.From(sale), sale.Version);
        if (db.Database.CurrentTransaction is not { } transaction)
        {
            Tell(change);
            return change.Sale;
        }
        // An entry of a transaction that rolled back is stale: its announcement was dropped with it.
        var queued = _pending.TryGetValue(sale.Id, out var pending) && ReferenceEquals(pending.Transaction, transaction);
        _pending[sale.Id] = (transaction, change);
        if (!queued)
            db.AfterCommit(() =>
            {
                if (_pending.Remove(change.Sale.Id, out var newest))
                    Tell(newest.Change);
            });
        return change.Sale;
    }

    /// <summary>
    /// Tells the listeners of a change made elsewhere and already committed (an open sale's edit in
    /// <see cref="OpenSaleMemory"/>, written by its own writer).
    /// </summary>
    public SaleView Committed(SaleChange change)
    {
        Tell(change);
        return change.Sale;
    }

    private void Tell(SaleChange change)
    {
        foreach (var listener in listeners)
        {
            try
            {
                listener.SaleChanged(change);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The sale is committed; a screen that could not be told must not make it look failed.
                logger.LogWarning(e, "Telling {Listener} of the change of sale {SaleId} failed", listener.GetType().Name, change.Sale.Id);
            }
        }
    }
}
