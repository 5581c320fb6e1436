using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

/// <summary>
/// Works out the stores a new or changed employee or API key gets. Nothing named keeps a one-store shop simple:
/// an Owner or Accountant employee becomes chain-wide, anyone else gets the caller's only store or the database's
/// only store; with more stores to choose from, the caller must name them. Nobody hands out a store they do not
/// work in themselves, nor chain-wide reach unless they have it.
/// </summary>
public static class StoreReach
{
    /// <summary>The stores to store, null for chain-wide.</summary>
    public static async Task<IReadOnlyCollection<Guid>?> ResolveAsync(KasseDbContext db, Actor caller, string role, IReadOnlyCollection<Guid>? stores,
        bool allStores, bool chainWideByDefault, string code, CancellationToken ct)
    {
        if (allStores || (stores is not { Count: > 0 } && chainWideByDefault && StoreAccess.MayBeChainWide(role) && caller.IsChainWide))
        {
            if (!caller.IsChainWide)
                throw DomainException.Forbidden(StoreErrors.NotYours, "Only someone who works in every store may give chain-wide access.");
            return null;
        }
        if (stores is { Count: > 0 })
        {
            var distinct = stores.Distinct().ToList();
            var known = await db.Stores.Where(s => distinct.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
            if (distinct.Except(known).FirstOrDefault() is var missing && missing != Guid.Empty)
                throw DomainException.Invalid(code, $"No store has id {missing}.");
            if (distinct.FirstOrDefault(s => !caller.MayActIn(s)) is var foreign && foreign != Guid.Empty)
                throw DomainException.Forbidden(StoreErrors.NotYours, $"You do not work in store {foreign}, so you cannot give access to it.");
            return distinct;
        }
        if (caller.Stores is { Count: 1 } only)
            return [.. only];
        var all = await db.Stores.Select(s => s.Id).Take(2).ToListAsync(ct);
        if (all.Count == 1 && caller.MayActIn(all[0]))
            return all;
        throw DomainException.Invalid(code, all.Count == 0
            ? "There is no store yet. Create the store first, then give the store's id in stores"
              + (StoreAccess.MayBeChainWide(role) ? ", or set allStores for the whole chain." : ".")
            : "This chain has several stores: name the ones this works in (stores: [store ids])"
              + (StoreAccess.MayBeChainWide(role) ? ", or set allStores for the whole chain." : "."));
    }
}
