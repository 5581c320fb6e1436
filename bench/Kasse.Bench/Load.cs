using System.Diagnostics;

namespace Kasse.Bench;

/// <summary>
/// A closed loop: N virtual clients, each doing its iteration again as soon as the last one ended, for a fixed time
/// after a warm-up whose figures are dropped. Every client waits for its answer, as a till does.
/// </summary>
public static class Load
{
    public sealed record Outcome(int Iterations, int Errors, double Seconds, string? FirstError)
    {
        public double PerSecond => Iterations / Seconds;
    }

    public static async Task<Outcome> RunAsync(int clients, TimeSpan warmUp, TimeSpan duration,
        Func<int, bool, CancellationToken, Task> iteration)
    {
        var iterations = 0;
        var errors = 0;
        string? firstError = null;
        var measuring = false;
        using var stop = new CancellationTokenSource();
        var started = 0L;
        async Task Client(int index)
        {
            while (!stop.IsCancellationRequested)
            {
                var counted = Volatile.Read(ref measuring);
                try
                {
                    await iteration(index, counted, stop.Token);
                    if (counted && !stop.IsCancellationRequested)
                        Interlocked.Increment(ref iterations);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException or System.Text.Json.JsonException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, e.Message, null);
                }
            }
        }
        var tasks = Enumerable.Range(0, clients).Select(i => Task.Run(() => Client(i))).ToArray();
        await Task.Delay(warmUp);
        Volatile.Write(ref measuring, true);
        started = Stopwatch.GetTimestamp();
        await Task.Delay(duration);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await stop.CancelAsync();
        await Task.WhenAll(tasks);
        return new Outcome(iterations, errors, seconds, firstError);
    }
}
