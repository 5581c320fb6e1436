using System.Diagnostics;

namespace Kasse.Tests;

/// <summary>
/// The one way a test waits: for a condition, bounded, failing with what it last saw. Never for a fixed time:
/// a busy machine makes a fixed wait either too short (a flaky test) or decides nothing (a slow one).
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(30);

    /// <summary>Reads until <paramref name="until"/> holds and answers that value; throws naming <paramref name="what"/> and the last value otherwise.</summary>
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> read, Func<T, bool> until, string what, TimeSpan? patience = null,
        Func<T, string>? describe = null)
    {
        var limit = patience ?? DefaultPatience;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (until(value))
                return value;
            if (clock.Elapsed > limit)
                throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}; last seen: {(describe ?? Describe)(value)}");
            await Task.Delay(Poll);
        }
    }

    /// <summary>As <see cref="HoldsAsync{T}(Func{Task{T}}, Func{T, bool}, string, TimeSpan?, Func{T, string}?)"/> for a value read without waiting.</summary>
    public static Task<T> HoldsAsync<T>(Func<T> read, Func<T, bool> until, string what, TimeSpan? patience = null, Func<T, string>? describe = null) =>
        HoldsAsync(() => Task.FromResult(read()), until, what, patience, describe);

    /// <summary>Waits until the condition is true.</summary>
    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? patience = null) =>
        HoldsAsync(condition, ok => ok, what, patience, _ => "false");

    private static string Describe<T>(T value) => value switch
    {
        null => "null",
        string text => text,
        _ => System.Text.Json.JsonSerializer.Serialize(value),
    };
}
