using System.Collections.Concurrent;
using Kasse.Data;
using Kasse.Domain.Catalog;

namespace Kasse.Application.Catalog;

/// <summary>
/// The products found by barcode lately, so a scan of a product sold a moment ago needs no query: read again when a save
/// of this process changed any product or barcode (<see cref="CachedData.Products"/>), and at the latest after
/// <see cref="HotPathCache{TKey, TValue}.Lifetime"/>, for a change made by another server on the same database. A code
/// that found nothing is not kept, so a product imported in bulk is found at once. The copies are shared and never
/// tracked; a sale only reads them.
/// </summary>
public sealed class BarcodeCache(TimeProvider clock)
{
    /// <summary>Enough for a large store's whole daily range; past it the cache starts again rather than grow.</summary>
    public const int Capacity = 50_000;

    private readonly ConcurrentDictionary<string, (long Version, DateTimeOffset Until, Product Product)> _products = new(StringComparer.Ordinal);

    public async Task<Product?> FindAsync(string normalisedCode, Func<Task<Product?>> read)
    {
        // The counter is read before the data, so a change saved while reading makes this copy old at once.
        var version = CachedDataVersions.Of(CachedData.Products);
        var now = clock.GetUtcNow();
        var lifetime = HotPathCache<string, Product>.Lifetime;
        if (_products.TryGetValue(normalisedCode, out var kept) && kept.Version == version && now < kept.Until && now >= kept.Until - lifetime)
            return kept.Product;
        var product = await read();
        if (product is null)
        {
            _products.TryRemove(normalisedCode, out _);
            return null;
        }
        if (_products.Count >= Capacity)
            _products.Clear();
        _products[normalisedCode] = (version, now + lifetime, product);
        return product;
    }
}
