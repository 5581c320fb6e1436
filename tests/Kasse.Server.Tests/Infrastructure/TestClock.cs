namespace Kasse.Server.Tests.Infrastructure;

/// <summary>Real time, unless a test pins it to a moment (e.g. just before midnight in Copenhagen).</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _pinned;

    public override DateTimeOffset GetUtcNow() => _pinned ?? base.GetUtcNow();

    public IDisposable PinAt(DateTimeOffset instant)
    {
        _pinned = instant;
        return new Unpin(this);
    }

    private sealed class Unpin(TestClock clock) : IDisposable
    {
        public void Dispose() => clock._pinned = null;
    }
}
