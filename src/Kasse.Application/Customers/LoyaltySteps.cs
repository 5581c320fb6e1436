using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Customers;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Customers;

/// <summary>
/// Points and stamps for a completed sale, taken back by a return, and rewards spent — in the completing transaction.
/// Training sales earn and spend nothing.
/// </summary>
public sealed class LoyaltyCompletionStep(KasseDbContext db, LoyaltyLedger ledger) : ISaleCompletionStep
{
    public async Task OnCompletedAsync(Sale sale, Store store, CancellationToken ct)
    {
        if (sale.IsTraining || sale.ClosedAt is not { } at)
            return;
        // A sale without a customer earns and spends nothing: no query for it (a return may still give back points paid).
        if (sale.Kind == SaleKind.Sale && sale.CustomerId is null)
            return;
        var rules = await ledger.RulesAsync(store.Id, ct);
        if (sale.Kind == SaleKind.Return)
            await GiveBackPointsPaymentsAsync(sale, rules, at, ct);
        if (sale.CustomerId is not { } customerId)
            return;
        if (await db.LoyaltyMovements.AnyAsync(m => m.SaleId == sale.Id && m.Kind != LoyaltyMovementKind.Redeemed && m.Kind != LoyaltyMovementKind.Refunded, ct))
            return;
        // Lock the customer's row so two tills spending the same stamps serialise.
        await db.Database.ExecuteSqlAsync($"""UPDATE "Customers" SET "LifetimePoints" = "LifetimePoints" WHERE "Id" = {customerId}""", ct);
        var lines = await LinesAsync(sale, ct);
        if (sale.Kind == SaleKind.Sale)
        {
            await SpendRewardsAsync(sale, store, customerId, rules, at, ct);
            if (rules.Enabled)
            {
                var lifetime = await db.Customers.Where(c => c.Id == customerId).Select(c => c.LifetimePoints).FirstAsync(ct);
                var paidWithPoints = sale.Payments.Where(p => p.Method == PaymentMethod.LoyaltyPoints).Sum(p => p.Amount);
                var earned = PointsCalculator.Earned(rules, rules.TierFor(lifetime), lines, paidWithPoints);
                await ledger.MovePointsAsync(store.Id, customerId, LoyaltyMovementKind.Earned, earned, sale.Id, null, at, mustCover: false, ct);
            }
            foreach (var (cardId, stamps) in PointsCalculator.Stamps(rules, lines))
                ledger.MoveStamps(store.Id, customerId, cardId, LoyaltyMovementKind.StampsEarned, stamps, sale.Id, at);
        }
        else if (sale.OriginalSaleId is { } originalId)
        {
            await TakeBackAsync(sale, originalId, store, customerId, lines, at, ct);
            foreach (var (cardId, stamps) in PointsCalculator.Stamps(rules, lines))
                ledger.MoveStamps(store.Id, customerId, cardId, LoyaltyMovementKind.StampsTakenBack, stamps, sale.Id, at);
        }
    }

    /// <summary>Proportional to the goods refunded, so all returns of a sale together take back exactly what it earned.</summary>
    private async Task TakeBackAsync(Sale ret, Guid originalId, Store store, Guid customerId, IReadOnlyList<LoyaltyLine> lines, DateTimeOffset at,
        CancellationToken ct)
    {
        var earned = await db.LoyaltyMovements.Where(m => m.SaleId == originalId && m.Kind == LoyaltyMovementKind.Earned).SumAsync(m => m.Amount, ct);
        if (earned <= 0)
            return;
        var original = await db.Sales.AsNoTracking().FirstAsync(s => s.Id == originalId, ct);
        var originalGoods = original.Lines.Where(l => !l.IsVoucher && l.TotalAmount > 0m).Sum(l => l.TotalAmount);
        var earlierReturnIds = await db.Sales.Where(s => s.OriginalSaleId == originalId && s.Status == SaleStatus.Completed && s.Id != ret.Id)
            .Select(s => s.Id).ToListAsync(ct);
        var refundedBefore = -await db.SaleLines.Where(l => earlierReturnIds.Contains(l.SaleId) && !l.IsVoucher).SumAsync(l => l.TotalAmount, ct);
        var refundedNow = -lines.Where(l => !l.IsVoucher).Sum(l => l.Total);
        var back = PointsCalculator.TakenBack(earned, originalGoods, refundedBefore, refundedNow);
        await ledger.MovePointsAsync(store.Id, customerId, LoyaltyMovementKind.TakenBackByReturn, -back, ret.Id, null, at, mustCover: false, ct);
    }

    /// <summary>A return of a sale paid with points pays the points back to the customer who spent them.</summary>
    private async Task GiveBackPointsPaymentsAsync(Sale ret, LoyaltyRules rules, DateTimeOffset at, CancellationToken ct)
    {
        foreach (var refund in ret.Payments.Where(p => p.Method == PaymentMethod.LoyaltyPoints))
        {
            if (await db.LoyaltyMovements.AnyAsync(m => m.PaymentId == refund.Id, ct))
                continue;
            var customerId = ret.CustomerId ?? throw DomainException.Conflict(LoyaltyErrors.NoCustomer,
                "A refund in points needs the customer: return it against the receipt, or refund another way.");
            await ledger.MovePointsAsync(ret.StoreId, customerId, LoyaltyMovementKind.Refunded, rules.PointsFor(-refund.Amount), ret.Id, refund.Id, at,
                mustCover: false, ct);
        }
    }

    private async Task SpendRewardsAsync(Sale sale, Store store, Guid customerId, LoyaltyRules rules, DateTimeOffset at, CancellationToken ct)
    {
        var rewards = await db.PendingLoyaltyRewards.Where(r => r.SaleId == sale.Id).ToListAsync(ct);
        var stamps = await ledger.StampBalancesAsync(customerId, ct);
        foreach (var reward in rewards)
        {
            db.PendingLoyaltyRewards.Remove(reward);
            if (reward.CustomerId != customerId)
                continue;
            if (reward.StampCardId is { } cardId)
            {
                // The reward stands only if the free piece is still on the sale as given.
                var card = rules.StampCards.FirstOrDefault(c => c.Id == cardId);
                var line = sale.Lines.FirstOrDefault(l => l.Id == reward.LineId);
                if (card is null || line?.DiscountReason != $"{LoyaltyService.StampRewardReason}: {card.Name}")
                    continue;
                if (stamps.GetValueOrDefault(cardId) < reward.Amount)
                    throw DomainException.Conflict(LoyaltyErrors.NotEnoughStamps, $"The customer no longer has the {reward.Amount} stamps for the free '{line.Name}'.");
                stamps = new Dictionary<Guid, long>(stamps) { [cardId] = stamps.GetValueOrDefault(cardId) - reward.Amount };
                ledger.MoveStamps(store.Id, customerId, cardId, LoyaltyMovementKind.StampsRedeemed, -reward.Amount, sale.Id, at);
            }
            else if (sale.DiscountReason == LoyaltyService.PointsReason(reward.Amount))
                await ledger.MovePointsAsync(store.Id, customerId, LoyaltyMovementKind.Redeemed, -reward.Amount, sale.Id, null, at, mustCover: true, ct);
        }
    }

    private async Task<IReadOnlyList<LoyaltyLine>> LinesAsync(Sale sale, CancellationToken ct)
    {
        var productIds = sale.Lines.Where(l => l.ProductId != null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var categories = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => new { p.Id, p.CategoryId }).ToListAsync(ct);
        return sale.Lines.Select(l => PointsCalculator.LineOf(l, categories.FirstOrDefault(c => c.Id == l.ProductId)?.CategoryId)).ToList();
    }
}

/// <summary>Points spent as a tender: the balance moves with the payment, and back if the payment is removed.</summary>
public sealed class LoyaltyPaymentStep(KasseDbContext db, LoyaltyLedger ledger, TimeProvider clock) : IPaymentStep
{
    public async Task OnPaymentAddedAsync(Sale sale, Payment payment, Store store, CancellationToken ct)
    {
        if (payment.Method != PaymentMethod.LoyaltyPoints)
            return;
        if (sale.IsTraining)
            throw DomainException.Conflict(LoyaltyErrors.Training, "Points can't be spent in training mode.");
        var customerId = sale.CustomerId ?? throw DomainException.Conflict(LoyaltyErrors.NoCustomer,
            "Attach the customer to the sale first (find them by phone, name or card).");
        var rules = await ledger.RulesAsync(store.Id, ct);
        if (!rules.Enabled)
            throw DomainException.Conflict(LoyaltyErrors.Off, "The store has no loyalty programme switched on.");
        await ledger.MovePointsAsync(store.Id, customerId, LoyaltyMovementKind.Redeemed, -rules.PointsFor(payment.Amount), sale.Id, payment.Id,
            clock.GetUtcNow(), mustCover: true, ct);
    }

    public async Task OnPaymentRemovedAsync(Sale sale, Payment payment, CancellationToken ct)
    {
        if (payment.Method != PaymentMethod.LoyaltyPoints)
            return;
        var spent = await db.LoyaltyMovements.FirstOrDefaultAsync(m => m.PaymentId == payment.Id && m.Kind == LoyaltyMovementKind.Redeemed, ct);
        if (spent is not null)
            await ledger.MovePointsAsync(spent.StoreId, spent.CustomerId, LoyaltyMovementKind.Refunded, -spent.Amount, sale.Id, null, clock.GetUtcNow(),
                mustCover: false, ct);
    }
}
