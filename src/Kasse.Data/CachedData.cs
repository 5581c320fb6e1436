using Kasse.Domain.Catalog;
using Kasse.Domain.Devices;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Inventory;
using Kasse.Domain.Menu;
using Kasse.Domain.Promotions;
using Kasse.Domain.Restaurant;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Kasse.Data;

/// <summary>What the till's hot path keeps in memory, read again when it changes.</summary>
[Flags]
public enum CachedData
{
    None = 0,
    /// <summary>Promotions, coupons and price lists.</summary>
    PricingRules = 1,
    /// <summary>Which products may not be sold below zero where (a stock level's <see cref="BelowZeroPolicy"/>).</summary>
    StockPolicies = 2,
    /// <summary>Products, their barcodes, menus and recipes (what a scan finds, whether it asks for choices, its allergens).</summary>
    Products = 4,
    /// <summary>Stock locations and which register sells from which (where a completed sale's stock leaves from).</summary>
    Locations = 8,
    /// <summary>The companies' signing keys.</summary>
    SigningKeys = 16,
    /// <summary>A store's kitchen set-up: stations, routes, kitchen printers, and the table and waiter names on its tickets.</summary>
    Kitchen = 32,
}

/// <summary>
/// A counter per kind of <see cref="CachedData"/>, raised whenever a context of this process saves a change to it, and
/// again when that change's transaction commits; a cache keeps the counter it read with its copy and reads again when
/// the counter moved. Static, because every host in a process shares the database's truth: a change seen by any context
/// makes every copy old, which is never wrong, only sometimes a read too many. Other processes (a second server on one
/// PostgreSQL database) can't raise it, so caches also expire after a short time (see the caches themselves).
/// </summary>
public static class CachedDataVersions
{
    private static long _pricingRules;
    private static long _stockPolicies;
    private static long _products;
    private static long _locations;
    private static long _signingKeys;
    private static long _kitchen;

    public static long Of(CachedData data) => data switch
    {
        CachedData.PricingRules => Volatile.Read(ref _pricingRules),
        CachedData.StockPolicies => Volatile.Read(ref _stockPolicies),
        CachedData.Products => Volatile.Read(ref _products),
        CachedData.Locations => Volatile.Read(ref _locations),
        CachedData.SigningKeys => Volatile.Read(ref _signingKeys),
        CachedData.Kitchen => Volatile.Read(ref _kitchen),
        _ => throw new ArgumentOutOfRangeException(nameof(data), data, "Ask for one kind at a time."),
    };

    public static void Raise(CachedData changed)
    {
        if (changed.HasFlag(CachedData.PricingRules))
            Interlocked.Increment(ref _pricingRules);
        if (changed.HasFlag(CachedData.StockPolicies))
            Interlocked.Increment(ref _stockPolicies);
        if (changed.HasFlag(CachedData.Products))
            Interlocked.Increment(ref _products);
        if (changed.HasFlag(CachedData.Locations))
            Interlocked.Increment(ref _locations);
        if (changed.HasFlag(CachedData.SigningKeys))
            Interlocked.Increment(ref _signingKeys);
        if (changed.HasFlag(CachedData.Kitchen))
            Interlocked.Increment(ref _kitchen);
    }

    /// <summary>Which cached data a pending change (an added, modified or deleted entry) touches.</summary>
    internal static CachedData ChangedBy(EntityEntry entry) => entry.Entity switch
    {
        Promotion or Coupon or PriceList or PriceListItem => CachedData.PricingRules,
        StockLevel level when BlocksOrDid(entry, level) => CachedData.StockPolicies,
        Product or ProductBarcode or ModifierGroup or ProductModifierGroup or Recipe or RecipeComponent => CachedData.Products,
        StockLocation or RegisterStockLocation => CachedData.Locations,
        SigningKey => CachedData.SigningKeys,
        KitchenStation or KitchenRoute or DiningTable => CachedData.Kitchen,
        // A printer's state is saved at every attempt and an employee's at every sign-in: only what a ticket shows counts.
        Printer when SetUpChanged(entry, nameof(Printer.State), nameof(Printer.Problem), nameof(Printer.StateCheckedAt)) => CachedData.Kitchen,
        Employee when entry.State != EntityState.Modified || entry.Property(nameof(Employee.Name)).IsModified => CachedData.Kitchen,
        _ => CachedData.None,
    };

    /// <summary>Added, deleted, or modified in anything but the given properties.</summary>
    private static bool SetUpChanged(EntityEntry entry, params string[] ignored) =>
        entry.State != EntityState.Modified || entry.Properties.Any(p => p.IsModified && !ignored.Contains(p.Metadata.Name));

    private static bool BlocksOrDid(EntityEntry entry, StockLevel level)
    {
        var policy = entry.Property(nameof(StockLevel.BelowZero));
        return level.BelowZero == BelowZeroPolicy.Block
            || (entry.State == EntityState.Modified && policy.IsModified && (BelowZeroPolicy)policy.OriginalValue! == BelowZeroPolicy.Block);
    }
}
