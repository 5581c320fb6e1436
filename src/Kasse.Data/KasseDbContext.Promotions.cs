using Kasse.Domain.Promotions;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Data;

public sealed partial class KasseDbContext
{
    public DbSet<Promotion> Promotions => Set<Promotion>();
    public DbSet<PriceList> PriceLists => Set<PriceList>();
    public DbSet<Coupon> Coupons => Set<Coupon>();
    public DbSet<SalePromotion> SalePromotions => Set<SalePromotion>();
}
