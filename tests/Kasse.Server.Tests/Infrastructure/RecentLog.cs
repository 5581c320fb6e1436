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
    }

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
