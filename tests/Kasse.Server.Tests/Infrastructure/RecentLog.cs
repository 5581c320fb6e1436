using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Kasse.Server.Tests.Infrastructure;

/// <summary>
/// The last warnings and errors a test node logged (a circuit's unhandled exception, a refused write), kept in memory so
/// a failing browser test can say what the server saw; on a CI machine the console's log is long gone by then.
/// </summary>
public sealed class RecentLog : ILoggerProvider
{
    private const int Kept = 200;
    private readonly ConcurrentQueue<string> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>The last <paramref name="last"/> entries logged at warning or above, oldest first.</summary>
    public string Text(int last = 30) =>
        _entries.IsEmpty ? "(nothing logged at warning or above)" : string.Join("\n", _entries.TakeLast(last));

    private void Add(string entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Kept && _entries.TryDequeue(out _)) { }
        Everywhere.Enqueue((Interlocked.Increment(ref _sequence), entry));
        while (Everywhere.Count > Kept && Everywhere.TryDequeue(out _)) { }
    }

    // Every node of the test process, numbered, so a test can ask what was logged while it ran, whichever node it used.
    private static long _sequence;
    private static readonly ConcurrentQueue<(long Sequence, string Entry)> Everywhere = new();

    /// <summary>A mark to ask <see cref="Since"/> with later.</summary>
    public static long Mark => Interlocked.Read(ref _sequence);

    /// <summary>What any node logged at warning or above after <paramref name="mark"/> (at most the last 200 entries).</summary>
    public static IReadOnlyList<string> Since(long mark) => Everywhere.Where(e => e.Sequence > mark).Select(e => e.Entry).ToList();

    public void Dispose() { }

    private sealed class Logger(RecentLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            log.Add($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}"
                    + (exception is null ? "" : "\n  " + exception.ToString().Replace("\n", "\n  ")));
        }
    }
}
