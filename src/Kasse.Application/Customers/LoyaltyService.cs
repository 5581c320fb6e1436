using System.Globalization;
using System.Text.Json;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Customers;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Customers;

/// <summary>The store's loyalty programme, a customer's ledger, and rewards given on an open sale.</summary>
public sealed class LoyaltyService(KasseDbContext db, LoyaltyLedger ledger, SalesService sales, AuditTrail audit)
{
    public const string StampRewardReason = "Stempelkort";
    public const string PointsDiscountReason = "Bonuspoint";

    public Task<LoyaltyRules> RulesAsync(Guid storeId, CancellationToken ct) => ledger.RulesAsync(storeId, ct);

    public Task<LoyaltyRules> SaveRulesAsync(Guid storeId, LoyaltyRules rules, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        var valid = (rules ?? throw DomainException.Invalid(LoyaltyErrors.Rules, "Send the loyalty rules.")).Validated();
        var categoryIds = valid.CategoryRates.Select(r => r.CategoryId).Concat(valid.StampCards.SelectMany(c => c.CategoryIds)).Distinct().ToList();
        if (categoryIds.Count > 0 && await db.Categories.CountAsync(c => categoryIds.Contains(c.Id), ct) != categoryIds.Count)
            throw DomainException.NotFound(LoyaltyErrors.CategoryUnknown, "A category in the loyalty rules does not exist.");
        var before = await ledger.RulesAsync(storeId, ct);
        var row = await db.LoyaltySettings.FirstOrDefaultAsync(s => s.StoreId == storeId, ct);
        if (row is null)
            db.LoyaltySettings.Add(row = new LoyaltySettings { StoreId = storeId });
        row.RulesJson = JsonSerializer.Serialize(valid, LoyaltyLedger.Json);
        audit.Record(AuditAction.SettingChanged, AuditTexts.LoyaltyRulesChanged(), subject: "loyalty", storeId: storeId, before: before, after: valid);
        await db.SaveChangesAsync(ct);
        return valid;
    }, ct);

    public async Task<IReadOnlyList<LoyaltyMovementView>> MovementsAsync(Guid customerId, CancellationToken ct)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
            throw DomainException.NotFound(CustomerErrors.NotFound, $"No customer has id {customerId}.");
        return (await db.LoyaltyMovements.AsNoTracking().Where(m => m.CustomerId == customerId).OrderByDescending(m => m.At).Take(500).ToListAsync(ct))
            .Select(LoyaltyMovementView.From).ToList();
    }

    /// <summary>
    /// "Every 10th coffee free": one piece of a matching line becomes free. The stamps are spent when the sale completes,
    /// so a sale given up costs none.
    /// </summary>
    public Task<SaleView> RedeemStampRewardAsync(Guid saleId, RedeemStampReward command, CancellationToken ct) =>
        sales.EditAsync(saleId, async (sale, store) =>
        {
            var customerId = sale.CustomerId ?? throw NoCustomer();
            if (await db.PendingLoyaltyRewards.AnyAsync(r => r.SaleId == saleId && r.LineId == command.LineId, ct))
                return;
            var rules = await ledger.RulesAsync(store.Id, ct);
            var card = rules.StampCard(command.StampCardId);
            var line = sale.Lines.FirstOrDefault(l => l.Id == command.LineId)
                ?? throw DomainException.NotFound(LineErrors.NotFound, $"This sale has no line {command.LineId}.");
            var categoryId = line.ProductId is { } p ? await db.Products.Where(x => x.Id == p).Select(x => x.CategoryId).FirstOrDefaultAsync(ct) : null;
            if (!card.Matches(line.ProductId, categoryId) || line.Unit != Domain.Catalog.Unit.Piece)
                throw DomainException.Invalid(LoyaltyErrors.StampCardLine, $"'{line.Name}' is not on the stamp card '{card.Name}'.");
            var balance = (await ledger.StampBalancesAsync(customerId, ct)).GetValueOrDefault(card.Id);
            var pending = await db.PendingLoyaltyRewards.Where(r => r.SaleId == saleId && r.StampCardId == card.Id).SumAsync(r => r.Amount, ct);
            if (balance - pending < card.StampsForReward)
                throw DomainException.Conflict(LoyaltyErrors.NotEnoughStamps,
                    $"The customer has {balance - pending} of the {card.StampsForReward} stamps '{card.Name}' needs for a free one.");
            sale.SetLineDiscount(line.Id, DiscountKind.Amount, line.UnitPrice, $"{StampRewardReason}: {card.Name}");
            db.PendingLoyaltyRewards.Add(new PendingLoyaltyReward(saleId, customerId, card.Id, line.Id, card.StampsForReward));
        }, ct);

    /// <summary>Points taken off the whole sale as a discount (the sale's discount, with reason "Bonuspoint"); spent when it completes.</summary>
    public Task<SaleView> RedeemPointsAsDiscountAsync(Guid saleId, RedeemPointsAsDiscount command, CancellationToken ct) =>
        sales.EditAsync(saleId, async (sale, store) =>
        {
            var customerId = sale.CustomerId ?? throw NoCustomer();
            var rules = await ledger.RulesAsync(store.Id, ct);
            if (!rules.Enabled)
                throw DomainException.Conflict(LoyaltyErrors.Off, "The store has no loyalty programme switched on.");
            if (command.Points <= 0)
                throw DomainException.Invalid(LoyaltyErrors.Points, "Give the number of points to spend (more than zero).");
            var balance = await db.Customers.Where(c => c.Id == customerId).Select(c => c.PointsBalance).FirstAsync(ct);
            if (command.Points > balance)
                throw DomainException.Conflict(LoyaltyErrors.InsufficientPoints, $"The customer has {balance} points; {command.Points} were asked for.");
            var amount = command.Points * rules.PointValue;
            await db.PendingLoyaltyRewards.Where(r => r.SaleId == saleId && r.StampCardId == null).ExecuteDeleteAsync(ct);
            sale.SetSaleDiscount(DiscountKind.Amount, amount, PointsReason(command.Points));
            db.PendingLoyaltyRewards.Add(new PendingLoyaltyReward(saleId, customerId, null, null, command.Points));
        }, ct);

    public static string PointsReason(long points) => $"{PointsDiscountReason}: {points.ToString(CultureInfo.InvariantCulture)}";

    private static DomainException NoCustomer() =>
        DomainException.Conflict(LoyaltyErrors.NoCustomer, "Attach the customer to the sale first (find them by phone, name or card).");
}
