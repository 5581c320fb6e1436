using System.Collections.Concurrent;

namespace Kasse.Application.Payments;

/// <summary>
/// The payments this process is talking to a device about right now. Whoever holds one is the only one to
/// send, ask about, or record it, so a double tap and the recovery loop can't race the request in flight.
/// </summary>
public sealed class PaymentsInFlight
{
    private readonly ConcurrentDictionary<Guid, byte> _held = new();

    /// <returns>A handle to dispose when done, or null if someone else holds the payment.</returns>
    public IDisposable? TryHold(Guid paymentId) => _held.TryAdd(paymentId, 0) ? new Hold(this, paymentId) : null;

    public bool IsHeld(Guid paymentId) => _held.ContainsKey(paymentId);

    private sealed class Hold(PaymentsInFlight owner, Guid paymentId) : IDisposable
    {
        public void Dispose() => owner._held.TryRemove(paymentId, out _);
    }
}
