namespace Kasse.Application;

public static class Clock
{
    /// <summary>
    /// Now, to the whole millisecond: both databases store that exactly, so the answer a till gets equals
    /// what it reads back later (PostgreSQL keeps microseconds, .NET keeps 100 ns).
    /// </summary>
    public static DateTimeOffset Now(this TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
