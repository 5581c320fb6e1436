using System.Text.Json;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Customers;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Customers;

/// <summary>
/// Moves points and stamps. Points move with one conditional UPDATE of the customer's row and a ledger entry in the same
/// transaction, so two tills spending the same points at once can't overdraw them (the second waits for the row and then
/// finds too few).
/// </summary>
public sealed class LoyaltyLedger(KasseDbContext db)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<LoyaltyRules> RulesAsync(Guid storeId, CancellationToken ct)
    {
        var json = await db.LoyaltySettings.AsNoTracking().Where(s => s.StoreId == storeId).Select(s => s.RulesJson).FirstOrDefaultAsync(ct);
        return json is null ? LoyaltyRules.Off : JsonSerializer.Deserialize<LoyaltyRules>(json, Json) ?? LoyaltyRules.Off;
    }

    /// <param name="mustCover">When spending: refuse (and change nothing) if the balance is smaller than what is spent.</param>
    public async Task MovePointsAsync(Guid storeId, Guid customerId, LoyaltyMovementKind kind, long points, Guid? saleId, Guid? paymentId,
        DateTimeOffset at, bool mustCover, CancellationToken ct)
    {
        if (points == 0)
            return;
        var lifetime = kind is LoyaltyMovementKind.Earned or LoyaltyMovementKind.TakenBackByReturn ? points : 0L;
        var moved = mustCover
            ? await db.Database.ExecuteSqlAsync($"""
                UPDATE "Customers" SET "PointsBalance" = "PointsBalance" + {points}, "LifetimePoints" = "LifetimePoints" + {lifetime}
                WHERE "Id" = {customerId} AND "PointsBalance" + {points} >= 0
                """, ct)
            : await db.Database.ExecuteSqlAsync($"""
                UPDATE "Customers" SET "PointsBalance" = "PointsBalance" + {points}, "LifetimePoints" = "LifetimePoints" + {lifetime}
                WHERE "Id" = {customerId}
                """, ct);
        if (moved == 0)
        {
            var balance = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => (long?)c.PointsBalance).FirstOrDefaultAsync(ct)
                ?? throw DomainException.NotFound(CustomerErrors.NotFound, $"No customer has id {customerId}.");
            throw DomainException.Conflict(LoyaltyErrors.InsufficientPoints, $"The customer has {balance} points; {-points} are needed.");
        }
        db.LoyaltyMovements.Add(new LoyaltyMovement(storeId, customerId, kind, points, saleId, paymentId, null, at));
    }

    public void MoveStamps(Guid storeId, Guid customerId, Guid stampCardId, LoyaltyMovementKind kind, long stamps, Guid? saleId, DateTimeOffset at)
    {
        if (stamps != 0)
            db.LoyaltyMovements.Add(new LoyaltyMovement(storeId, customerId, kind, stamps, saleId, null, stampCardId, at));
    }

    public async Task<IReadOnlyDictionary<Guid, long>> StampBalancesAsync(Guid customerId, CancellationToken ct) =>
        (await db.LoyaltyMovements.AsNoTracking().Where(m => m.CustomerId == customerId && m.StampCardId != null)
            .GroupBy(m => m.StampCardId!.Value).Select(g => new { g.Key, Stamps = g.Sum(m => m.Amount) }).ToListAsync(ct))
        .ToDictionary(x => x.Key, x => x.Stamps);
}
