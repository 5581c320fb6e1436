using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Promotions;

/// <summary>A coupon handed over at the till: checked here, then kept on the sale so the pricer unlocks its promotion.</summary>
public sealed class SaleCoupons(KasseDbContext db, PromotionService promotions, SalesService sales, StoreCache stores, TimeProvider clock)
{
    public async Task<SaleView> ApplyAsync(Guid saleId, string code, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var coupon = await promotions.FindValidCouponAsync(code, now, ct);
        var storeId = await db.Sales.AsNoTracking().Where(s => s.Id == saleId).Select(s => (Guid?)s.StoreId).FirstOrDefaultAsync(ct)
            ?? throw SalesService.SaleNotFound(saleId);
        var store = await stores.GetAsync(db, storeId, ct);
        var promotion = await db.Promotions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == coupon.PromotionId, ct);
        if (promotion is null || (promotion.StoreId is { } only && only != storeId) || !promotion.IsRunningAt(now, store.TimeZone))
            throw DomainException.Conflict(CouponErrors.NotRunning, $"The promotion of coupon {coupon.Code} doesn't run in this store right now.");
        return await sales.SetCouponAsync(saleId, coupon.Code, ct);
    }

    public Task<SaleView> RemoveAsync(Guid saleId, CancellationToken ct) => sales.SetCouponAsync(saleId, null, ct);
}
