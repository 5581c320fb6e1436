using System.Collections.Concurrent;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Stores;

/// <summary>
/// A store's settings (VAT rates, scale-label rules, time zone, rounding) as read once per process: every scan and
/// every completed sale needs them, and reading them again would hold the till's write turn for nothing.
/// The cached <see cref="Store"/> is never tracked by a context, so nobody can change it through the cache.
/// </summary>
/// <remarks>
/// Kasse never changes or deletes a store once created; whatever comes to change a store's settings must call
/// <see cref="Forget"/> after its commit.
/// </remarks>
public sealed class StoreCache
{
    private readonly ConcurrentDictionary<Guid, Store> _stores = new();

    public async Task<Store> GetAsync(KasseDbContext db, Guid storeId, CancellationToken ct)
    {
        if (_stores.TryGetValue(storeId, out var cached))
            return cached;
        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct)
            ?? throw DomainException.NotFound(StoreErrors.NotFound, $"No store has id {storeId}.");
        return _stores.GetOrAdd(storeId, store);
    }

    public void Forget(Guid storeId) => _stores.TryRemove(storeId, out _);

    /// <summary>Enough for every open sale of a busy chain; past it the map starts again rather than grow.</summary>
    private const int SalesRemembered = 100_000;

    private readonly ConcurrentDictionary<Guid, Guid> _storeOfSale = new();

    /// <summary>The store a sale belongs to (null when there is no such sale); a sale never moves, so each is read once.</summary>
    public async Task<Store?> OfSaleAsync(KasseDbContext db, Guid saleId, CancellationToken ct)
    {
        if (!_storeOfSale.TryGetValue(saleId, out var storeId))
        {
            if (await db.Sales.AsNoTracking().Where(s => s.Id == saleId).Select(s => (Guid?)s.StoreId).FirstOrDefaultAsync(ct) is not { } found)
                return null;
            if (_storeOfSale.Count >= SalesRemembered)
                _storeOfSale.Clear();
            _storeOfSale[saleId] = storeId = found;
        }
        return await GetAsync(db, storeId, ct);
    }
}
