namespace Kasse.Application.Restaurant;

/// <summary>Tickets of these stations changed (sent, fired, bumped, recalled, an item done).</summary>
public sealed record KitchenChange(Guid StoreId, IReadOnlySet<Guid> StationIds);

/// <summary>
/// Tells the open kitchen screens (Blazor circuits, so SignalR carries it to the browser) that tickets changed, after the
/// change committed. In process: one node serves a store's screens.
/// </summary>
public sealed class KitchenNotifier
{
    public event Action<KitchenChange>? Changed;

    public void Tell(KitchenChange change)
    {
        var listeners = Changed;
        if (listeners is null)
            return;
        foreach (var listener in listeners.GetInvocationList().Cast<Action<KitchenChange>>())
        {
            try
            {
                listener(change);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A screen that went away must not fail the send that committed.
            }
        }
    }
}

/// <summary>One kitchen action on a sale at a time, so two taps of "send" never send the same line twice.</summary>
public sealed class KitchenTurns
{
    // Striped: a fixed set of locks (a sale waits only behind sales that share its stripe, for a few milliseconds).
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task<IDisposable> TakeAsync(Guid saleId, CancellationToken ct)
    {
        var turn = _stripes[(saleId.GetHashCode() & int.MaxValue) % _stripes.Length];
        await turn.WaitAsync(ct);
        return new Release(turn);
    }

    /// <summary>The turns of several sales at once (a move between sales): each stripe once, in a fixed order, so two never wait for each other.</summary>
    public async Task<IReadOnlyList<IDisposable>> TakeAllAsync(IEnumerable<Guid> saleIds, CancellationToken ct)
    {
        var taken = new List<IDisposable>();
        try
        {
            foreach (var stripe in saleIds.Select(id => (id.GetHashCode() & int.MaxValue) % _stripes.Length).Distinct().Order())
            {
                await _stripes[stripe].WaitAsync(ct);
                taken.Add(new Release(_stripes[stripe]));
            }
            return taken;
        }
        catch
        {
            foreach (var turn in taken)
                turn.Dispose();
            throw;
        }
    }

    private sealed class Release(SemaphoreSlim turn) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                turn.Release();
        }
    }
}
