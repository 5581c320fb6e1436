using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain.Catalog;
using Kasse.Domain.Promotions;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using BasketLine = Kasse.Domain.Promotions.BasketLine;

namespace Kasse.Application.Promotions;

/// <summary>
/// Works the promotions out again after every change to an open sale (the till's basket), inside the sale's write turn,
/// so what the customer sees, pays and gets on the receipt is always the best price by the rules in docs/promotions.md.
/// </summary>
public sealed class PromotionPricing(KasseDbContext db, TimeProvider clock, PricingRulesCache rules) : IOpenSaleStep
{
    public async Task OnChangedAsync(Sale sale, Store store, IReadOnlyDictionary<Guid, decimal> quantitiesBefore, CancellationToken ct)
    {
        if (sale.Kind != SaleKind.Sale || sale.Payments.Count > 0 || sale.Status != SaleStatus.Open)
            return;
        var running = sale.Lines.Count == 0 ? PricingRules.None : await rules.ForStoreAsync(db, store.Id, ct);
        if (running.IsEmpty)
        {
            // Nothing to apply: the common case costs no query in the write turn.
            sale.ApplyPromotions([]);
            return;
        }
        var now = clock.GetUtcNow();
        var productIds = sale.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var categories = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id))
            .Select(p => new { p.Id, p.CategoryId }).ToDictionaryAsync(p => p.Id, p => p.CategoryId, ct);
        var unlocked = new HashSet<Guid>();
        if (sale.CouponCode is { } code
            && await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct) is { } coupon && coupon.IsValidAt(now))
            unlocked.Add(coupon.PromotionId);

        var basket = sale.Lines.Select(l => new BasketLine(l.Id, l.ProductId,
            l.ProductId is { } id ? categories.GetValueOrDefault(id) : null, l.Quantity, l.UnitPrice,
            CountsInPieces: !l.Unit.AllowsFractions(), Excluded: l.DiscountKind != DiscountKind.None || l.IsVoucher, Position: l.Position)).ToList();
        // A gift card or credit note sold is money, not goods: no offer may discount it.
        var context = new PricingContext(now, store.TimeZone, store.Id, sale.CustomerGroupId, unlocked);
        sale.ApplyPromotions(PromotionPricer.Price(basket, running.Promotions, running.PriceLists, context).Adjustments);
    }
}

/// <summary>The promotions and price lists that may apply in a store (active, not ended); the pricer checks the hours.</summary>
public sealed record PricingRules(IReadOnlyList<Promotion> Promotions, IReadOnlyList<PriceList> PriceLists)
{
    public static readonly PricingRules None = new([], []);

    public bool IsEmpty => Promotions.Count == 0 && PriceLists.Count == 0;
}

/// <summary>
/// Each store's <see cref="PricingRules"/>, kept in memory: the till prices the basket after every scan, inside the
/// sale's write turn, where three reads of rules that change a few times a week would hold every other till up.
/// The copies are shared and never tracked; the pricer only reads them.
/// </summary>
public sealed class PricingRulesCache(TimeProvider clock)
{
    private readonly HotPathCache<Guid, PricingRules> _stores = new(CachedData.PricingRules, clock);

    public Task<PricingRules> ForStoreAsync(KasseDbContext db, Guid storeId, CancellationToken ct) =>
        _stores.GetAsync(storeId, async () =>
        {
            var now = clock.GetUtcNow();
            var promotions = await db.Promotions.AsNoTracking()
                .Where(p => p.IsActive && (p.StoreId == null || p.StoreId == storeId) && (p.ValidTo == null || p.ValidTo > now))
                .ToListAsync(ct);
            var priceLists = await db.PriceLists.AsNoTracking()
                .Where(p => p.IsActive && (p.StoreId == null || p.StoreId == storeId) && (p.ValidTo == null || p.ValidTo > now))
                .ToListAsync(ct);
            return new PricingRules(promotions, priceLists);
        });
}
