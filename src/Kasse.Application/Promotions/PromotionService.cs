using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Promotions;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Promotions;

/// <summary>The back office's promotions, coupons and price lists. Creating with an id already used answers with what exists.</summary>
public sealed class PromotionService(KasseDbContext db)
{
    public async Task<IReadOnlyList<PromotionView>> ListAsync(Guid? storeId, bool activeOnly, CancellationToken ct)
    {
        var query = db.Promotions.AsNoTracking();
        if (storeId is { } store)
            query = query.Where(p => p.StoreId == null || p.StoreId == store);
        if (activeOnly)
            query = query.Where(p => p.IsActive);
        return (await query.ToListAsync(ct)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ThenBy(p => p.Id).Select(PromotionView.From).ToList();
    }

    public async Task<PromotionView> GetAsync(Guid id, CancellationToken ct) => PromotionView.From(await FindAsync(id, ct));

    public Task<PromotionView> CreateAsync(Guid id, PromotionTerms terms, CancellationToken ct) => db.CreateOnceAsync(async () =>
    {
        if (await db.Promotions.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } existing)
            return PromotionView.From(existing);
        var promotion = Promotion.Create(id, terms);
        await EnsureReferencesAsync(promotion.StoreId, ct);
        db.Promotions.Add(promotion);
        await db.SaveChangesAsync(ct);
        return PromotionView.From(promotion);
    });

    public async Task<PromotionView> UpdateAsync(Guid id, PromotionTerms terms, CancellationToken ct)
    {
        var promotion = await FindAsync(id, ct);
        promotion.Change(terms);
        await EnsureReferencesAsync(promotion.StoreId, ct);
        await db.SaveChangesAsync(ct);
        return PromotionView.From(promotion);
    }

    /// <summary>Deleting takes the promotion off future sales; receipts that used it keep its name and amount.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        db.Promotions.Remove(await FindAsync(id, ct));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<CouponView>> ListCouponsAsync(Guid? promotionId, CancellationToken ct)
    {
        var query = db.Coupons.AsNoTracking();
        if (promotionId is { } id)
            query = query.Where(c => c.PromotionId == id);
        return (await query.OrderBy(c => c.Code).ToListAsync(ct)).Select(CouponView.From).ToList();
    }

    public async Task<CouponView> GetCouponAsync(Guid id, CancellationToken ct) => CouponView.From(await FindCouponAsync(id, ct));

    public Task<CouponView> CreateCouponAsync(Guid id, SaveCoupon command, CancellationToken ct) => db.CreateOnceAsync(async () =>
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid(CouponErrors.Id, "Give the coupon an id (a new UUID).");
        if (await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } existing)
            return CouponView.From(existing);
        var coupon = Coupon.Create(id, command.Code, command.PromotionId, command.ValidFrom, command.ValidTo, command.IsActive);
        await EnsureCouponFitsAsync(coupon, ct);
        db.Coupons.Add(coupon);
        await db.SaveChangesAsync(ct);
        return CouponView.From(coupon);
    });

    public async Task<CouponView> UpdateCouponAsync(Guid id, SaveCoupon command, CancellationToken ct)
    {
        var coupon = await FindCouponAsync(id, ct);
        coupon.Change(command.Code, command.PromotionId, command.ValidFrom, command.ValidTo, command.IsActive);
        await EnsureCouponFitsAsync(coupon, ct);
        await db.SaveChangesAsync(ct);
        return CouponView.From(coupon);
    }

    public async Task DeleteCouponAsync(Guid id, CancellationToken ct)
    {
        db.Coupons.Remove(await FindCouponAsync(id, ct));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<PriceListView>> ListPriceListsAsync(CancellationToken ct) =>
        (await db.PriceLists.AsNoTracking().ToListAsync(ct)).OrderBy(p => p.Name, StringComparer.CurrentCulture).Select(PriceListView.From).ToList();

    public async Task<PriceListView> GetPriceListAsync(Guid id, CancellationToken ct) => PriceListView.From(await FindPriceListAsync(id, ct));

    public Task<PriceListView> CreatePriceListAsync(Guid id, SavePriceList command, CancellationToken ct) => db.CreateOnceAsync(async () =>
    {
        if (await db.PriceLists.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } existing)
            return PriceListView.From(existing);
        var list = PriceList.Create(id, command.Name, command.StoreId, command.CustomerGroupId, command.ValidFrom, command.ValidTo, command.IsActive,
            Prices(command));
        await EnsureReferencesAsync(list.StoreId, ct);
        await EnsureProductsAsync(list, ct);
        db.PriceLists.Add(list);
        await db.SaveChangesAsync(ct);
        return PriceListView.From(list);
    });

    public async Task<PriceListView> UpdatePriceListAsync(Guid id, SavePriceList command, CancellationToken ct)
    {
        var list = await FindPriceListAsync(id, ct);
        list.Change(command.Name, command.StoreId, command.CustomerGroupId, command.ValidFrom, command.ValidTo, command.IsActive, Prices(command));
        await EnsureReferencesAsync(list.StoreId, ct);
        await EnsureProductsAsync(list, ct);
        await db.SaveChangesAsync(ct);
        return PriceListView.From(list);
    }

    public async Task DeletePriceListAsync(Guid id, CancellationToken ct)
    {
        db.PriceLists.Remove(await FindPriceListAsync(id, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The coupon for a code a customer hands over, if it is valid now.</summary>
    public async Task<Coupon> FindValidCouponAsync(string code, DateTimeOffset now, CancellationToken ct)
    {
        var normalised = Coupon.Normalise(code);
        var coupon = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Code == normalised, ct)
            ?? throw DomainException.NotFound(CouponErrors.Unknown, $"No coupon has the code {normalised}. Check the code with the customer.");
        if (!coupon.IsValidAt(now))
            throw DomainException.Conflict(CouponErrors.Expired, $"The coupon {normalised} is not valid now.");
        return coupon;
    }

    /// <summary>The products of the given SKUs, for forms where people type SKUs; an unknown SKU is named.</summary>
    public async Task<IReadOnlyList<Guid>> ProductIdsBySkuAsync(IReadOnlyList<string> skus, CancellationToken ct)
    {
        var wanted = skus.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        var found = await db.Products.AsNoTracking().Where(p => wanted.Contains(p.Sku)).Select(p => new { p.Sku, p.Id }).ToListAsync(ct);
        if (wanted.FirstOrDefault(s => found.All(f => f.Sku != s)) is { } unknown)
            throw DomainException.NotFound(ProductErrors.SkuUnknown, $"No product has the SKU '{unknown}'.");
        return wanted.Select(s => found.First(f => f.Sku == s).Id).ToList();
    }

    /// <summary>The product of a SKU or, failing that, of a barcode (as scanned), for forms where people type either.</summary>
    public async Task<Guid> ProductIdBySkuOrBarcodeAsync(string code, CancellationToken ct)
    {
        var trimmed = code.Trim();
        if (await db.Products.AsNoTracking().Where(p => p.Sku == trimmed).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct) is { } bySku)
            return bySku;
        string? barcode;
        try
        {
            barcode = Kasse.Domain.Catalog.ProductBarcode.Create(Guid.Empty, trimmed).Code;
        }
        catch (DomainException)
        {
            barcode = null;
        }
        if (barcode is not null
            && await db.ProductBarcodes.AsNoTracking().Where(b => b.Code == barcode).Select(b => (Guid?)b.ProductId).FirstOrDefaultAsync(ct) is { } byBarcode)
            return byBarcode;
        throw DomainException.NotFound(ProductErrors.CodeUnknown, $"No product has the SKU or barcode '{trimmed}'.");
    }

    public async Task<IReadOnlyDictionary<Guid, string>> SkusAsync(IReadOnlyList<Guid> productIds, CancellationToken ct) =>
        await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => new { p.Id, p.Sku }).ToDictionaryAsync(p => p.Id, p => p.Sku, ct);

    private static List<(Guid, decimal)> Prices(SavePriceList command) =>
        (command.Prices ?? throw DomainException.Invalid(PriceListErrors.Items, "Give the list's prices (an empty list is allowed)."))
            .Select(p => (p.ProductId, p.Price)).ToList();

    private async Task<Promotion> FindAsync(Guid id, CancellationToken ct) =>
        await db.Promotions.FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw DomainException.NotFound(PromotionErrors.NotFound, $"No promotion has id {id}.");

    private async Task<Coupon> FindCouponAsync(Guid id, CancellationToken ct) =>
        await db.Coupons.FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw DomainException.NotFound(CouponErrors.NotFound, $"No coupon has id {id}.");

    private async Task<PriceList> FindPriceListAsync(Guid id, CancellationToken ct) =>
        await db.PriceLists.FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw DomainException.NotFound(PriceListErrors.NotFound, $"No price list has id {id}.");

    private async Task EnsureReferencesAsync(Guid? storeId, CancellationToken ct)
    {
        if (storeId is { } store && !await db.Stores.AnyAsync(s => s.Id == store, ct))
            throw DomainException.NotFound(StoreErrors.NotFound, $"No store has id {store}.");
    }

    private async Task EnsureProductsAsync(PriceList list, CancellationToken ct)
    {
        var ids = list.Items.Select(i => i.ProductId).ToList();
        var known = await db.Products.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (ids.Except(known).FirstOrDefault() is var missing && missing != Guid.Empty)
            throw DomainException.NotFound(ProductErrors.NotFound, $"No product has id {missing}.");
    }

    private async Task EnsureCouponFitsAsync(Coupon coupon, CancellationToken ct)
    {
        if (!await db.Promotions.AnyAsync(p => p.Id == coupon.PromotionId, ct))
            throw DomainException.NotFound(PromotionErrors.NotFound, $"No promotion has id {coupon.PromotionId}.");
        if (await db.Coupons.AnyAsync(c => c.Code == coupon.Code && c.Id != coupon.Id, ct))
            throw DomainException.Conflict(CouponErrors.CodeTaken, $"Another coupon already has the code {coupon.Code}.");
    }
}
