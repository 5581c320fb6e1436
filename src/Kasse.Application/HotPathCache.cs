using System.Collections.Concurrent;
using Kasse.Data;

namespace Kasse.Application;

/// <summary>
/// A copy of data that changes rarely but is read inside every till's write turn (promotions, stock policies): read
/// again when a save of this process changed it (<see cref="CachedDataVersions"/>), and at the latest after
/// <see cref="Lifetime"/>, for a change made by another server on the same database.
/// </summary>
public sealed class HotPathCache<TKey, TValue>(CachedData kind, TimeProvider clock) where TKey : notnull
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<TKey, (long Version, DateTimeOffset Until, TValue Value)> _entries = new();

    public async Task<TValue> GetAsync(TKey key, Func<Task<TValue>> read)
    {
        // The counter is read before the data, so a change saved while reading makes this copy old at once.
        var version = CachedDataVersions.Of(kind);
        var now = clock.GetUtcNow();
        // Fresh only within its lifetime as the clock sees it now: a clock set back (tests pin moments) reads again too.
        if (_entries.TryGetValue(key, out var entry) && entry.Version == version && now < entry.Until && now >= entry.Until - Lifetime)
            return entry.Value;
        var value = await read();
        _entries[key] = (version, now + Lifetime, value);
        return value;
    }

    /// <summary>Many keys at once: the fresh copies, and one read for all the others (it answers for every key it is given).</summary>
    public async Task<IReadOnlyDictionary<TKey, TValue>> GetManyAsync(IReadOnlyCollection<TKey> keys,
        Func<IReadOnlyList<TKey>, Task<IReadOnlyDictionary<TKey, TValue>>> readMissing)
    {
        var version = CachedDataVersions.Of(kind);
        var now = clock.GetUtcNow();
        var found = new Dictionary<TKey, TValue>(keys.Count);
        var missing = new List<TKey>();
        foreach (var key in keys)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.Version == version && now < entry.Until && now >= entry.Until - Lifetime)
                found[key] = entry.Value;
            else
                missing.Add(key);
        }
        if (missing.Count == 0)
            return found;
        var read = await readMissing(missing);
        foreach (var key in missing)
        {
            var value = read[key];
            _entries[key] = (version, now + Lifetime, value);
            found[key] = value;
        }
        return found;
    }

    /// <summary>Drops a key's copy, so the next ask reads again.</summary>
    public void Forget(TKey key) => _entries.TryRemove(key, out _);
}
