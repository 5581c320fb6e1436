namespace Kasse.Application.Hosting;

/// <summary>
/// Wakes a <see cref="BackgroundLoop"/> when there is work now (a job queued, a message in the outbox), instead
/// of at its next round. Many wakes before the loop looks count as one.
/// </summary>
public class WakeSignal : IDisposable
{
    // Callers wake inside their transaction, before it commits: the loop looks a moment later, so the work is there.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(50);
    private readonly SemaphoreSlim _wake = new(0, 1);

    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
                _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // already woken
        }
    }

    /// <summary>Waits until woken or until <paramref name="timeout"/> has passed on <paramref name="clock"/>; answers whether it was woken.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken ct)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = _wake.WaitAsync(either.Token);
        var elapsed = Task.Delay(timeout, clock, either.Token);
        await Task.WhenAny(woken, elapsed);
        await either.CancelAsync();
        try
        {
            // The semaphore may have been taken just as the time ran out: then it was a wake, not lost.
            await woken;
        }
        catch (OperationCanceledException)
        {
            ct.ThrowIfCancellationRequested();
            return false;
        }
        await Task.Delay(Settle, clock, ct);
        return true;
    }

    public void Dispose()
    {
        _wake.Dispose();
        GC.SuppressFinalize(this);
    }
}
