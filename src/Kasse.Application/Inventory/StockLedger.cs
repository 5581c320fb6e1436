using System.Globalization;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Inventory;

/// <summary>One movement to book: a signed quantity of a product in or out of a location.</summary>
public sealed record StockMove(Guid LocationId, Guid ProductId, MovementKind Kind, decimal Quantity, string? Reason = null,
    Guid? ReferenceId = null, decimal? UnitCost = null, Guid? MovementId = null);

/// <summary>
/// The only writer of on-hand figures. Each movement is a ledger row plus one atomic UPDATE of the projection, in the
/// caller's transaction, so the figure and the rows can never disagree. The UPDATE takes the row's lock (PostgreSQL) or
/// runs in the single writer's turn (SQLite): two tills selling the last unit see each other's result, never a stale read.
/// </summary>
public sealed class StockLedger(KasseDbContext db, TimeProvider clock, SellingLocationsCache locationsCache)
{
    /// <summary>Books the moves; outgoing moves refuse to pass zero where the product's policy there is Block.</summary>
    public async Task<IReadOnlyList<StockMovement>> BookAsync(IEnumerable<StockMove> moves, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Stock moves must be booked inside the transaction of what caused them.");
        // Always the same order, so two transactions touching the same rows never wait on each other crosswise.
        var ordered = moves.Where(m => m.Quantity != 0m).OrderBy(m => m.LocationId).ThenBy(m => m.ProductId).ToList();
        var stores = new Dictionary<Guid, Guid>();
        foreach (var locationId in ordered.Select(m => m.LocationId).Distinct())
            if (await locationsCache.StoreOfAsync(locationId, () => db.StockLocations.AsNoTracking().Where(l => l.Id == locationId)
                    .Select(l => (Guid?)l.StoreId).FirstOrDefaultAsync(ct)) is { } storeId)
                stores.Add(locationId, storeId);
        var now = clock.Now();
        var booked = new List<StockMovement>(ordered.Count);
        foreach (var move in ordered)
        {
            if (!stores.TryGetValue(move.LocationId, out var storeId))
                throw DomainException.NotFound(LocationErrors.NotFound, $"No stock location has id {move.LocationId}.");
            var onHandAfter = await ApplyAsync(storeId, move, ct);
            var movement = new StockMovement(move.MovementId ?? Guid.CreateVersion7(), storeId, move.LocationId, move.ProductId, move.Kind,
                move.Quantity, onHandAfter, now, move.Reason, move.ReferenceId, move.UnitCost);
            db.StockMovements.Add(movement);
            booked.Add(movement);
        }
        await db.SaveChangesAsync(ct);
        return booked;
    }

    /// <summary>
    /// One statement when the product's stock level exists (an UPDATE that returns the new on-hand); a product's first
    /// move makes its level first. A refused outgoing move (Block, not enough) reads the on-hand for the message.
    /// </summary>
    private async Task<decimal> ApplyAsync(Guid storeId, StockMove move, CancellationToken ct)
    {
        var delta = decimal.ToInt64(Quantities.Round(move.Quantity) * 1000m);
        if (await UpdateAsync(move, delta, ct) is { } onHand)
            return onHand;
        var allow = nameof(BelowZeroPolicy.AllowAndFlag);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "StockLevels" ("LocationId", "ProductId", "StoreId", "OnHand", "BelowZero")
            VALUES ({move.LocationId}, {move.ProductId}, {storeId}, {0L}, {allow}) ON CONFLICT DO NOTHING
            """, ct);
        if (await UpdateAsync(move, delta, ct) is { } first)
            return first;
        var current = await db.StockLevels.AsNoTracking().Where(l => l.LocationId == move.LocationId && l.ProductId == move.ProductId)
            .Select(l => l.OnHand).SingleAsync(ct);
        throw await NotEnoughAsync(move, current, ct);
    }

    /// <summary>The new on-hand, or null when there is no level yet or the move would take a blocked product below zero.</summary>
    private async Task<decimal?> UpdateAsync(StockMove move, long delta, CancellationToken ct)
    {
        var block = nameof(BelowZeroPolicy.Block);
        var rows = move.Quantity < 0m
            ? await db.Database.SqlQuery<long>($"""
                UPDATE "StockLevels" SET "OnHand" = "OnHand" + {delta}
                WHERE "LocationId" = {move.LocationId} AND "ProductId" = {move.ProductId}
                  AND ("BelowZero" <> {block} OR "OnHand" + {delta} >= 0)
                RETURNING "OnHand" AS "Value"
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<long>($"""
                UPDATE "StockLevels" SET "OnHand" = "OnHand" + {delta}
                WHERE "LocationId" = {move.LocationId} AND "ProductId" = {move.ProductId}
                RETURNING "OnHand" AS "Value"
                """).ToListAsync(ct);
        return rows.Count == 1 ? rows[0] / 1000m : null;
    }

    private async Task<DomainException> NotEnoughAsync(StockMove move, decimal onHand, CancellationToken ct)
    {
        var name = await db.Products.AsNoTracking().Where(p => p.Id == move.ProductId).Select(p => p.Name).FirstOrDefaultAsync(ct) ?? move.ProductId.ToString();
        var location = await db.StockLocations.AsNoTracking().Where(l => l.Id == move.LocationId).Select(l => l.Name).FirstAsync(ct);
        return DomainException.Conflict(StockErrors.Insufficient,
            $"Only {onHand.ToString("0.###", CultureInfo.InvariantCulture)} of {name} is in stock at {location}, and it may not be sold below zero; "
            + $"{(-move.Quantity).ToString("0.###", CultureInfo.InvariantCulture)} was asked for. Remove the line or lower its quantity.");
    }
}
