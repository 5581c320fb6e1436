using System.Text.Json;
using Kasse.Domain.Promotions;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kasse.Data.Configurations;

/// <summary>A promotion's items and bundle components are one document each: always read and written whole with it.</summary>
internal static class PromotionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static readonly ValueConverter<ItemSelector, string> Items = new(v => Write(v), v => ReadItems(v));

    public static readonly ValueConverter<IReadOnlyList<BundleComponent>, string> Components = new(v => Write(v), v => ReadComponents(v));

    // Not private: each provider's compiled model calls them by name.
    internal static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    internal static ItemSelector ReadItems(string json) => JsonSerializer.Deserialize<ItemSelector>(json, Options) ?? new ItemSelector([], []);

    internal static List<BundleComponent> ReadComponents(string json) => JsonSerializer.Deserialize<List<BundleComponent>>(json, Options) ?? [];

    public static ValueComparer<T> ByJson<T>() where T : class => new(
        (a, b) => Write(a) == Write(b),
        v => Write(v).GetHashCode(StringComparison.Ordinal),
        v => v);
}

internal sealed class PromotionConfiguration : IEntityTypeConfiguration<Promotion>
{
    public void Configure(EntityTypeBuilder<Promotion> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Promotion.MaxNameLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Items).HasConversion(PromotionJson.Items, PromotionJson.ByJson<ItemSelector>());
        builder.Property(p => p.Components).HasConversion(PromotionJson.Components, PromotionJson.ByJson<IReadOnlyList<BundleComponent>>());
        builder.Property(p => p.Percent).IsPercent();
        builder.Property(p => p.Amount).IsMoney();
        builder.Property(p => p.Price).IsMoney();
        builder.Property(p => p.Days).HasConversion<int>();
        builder.HasOne<Store>().WithMany().HasForeignKey(p => p.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.IsActive, p.StoreId });
    }
}

internal sealed class PriceListConfiguration : IEntityTypeConfiguration<PriceList>
{
    public void Configure(EntityTypeBuilder<PriceList> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(PriceList.MaxNameLength);
        builder.HasOne<Store>().WithMany().HasForeignKey(p => p.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PriceListId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Items).AutoInclude();
        builder.HasIndex(p => new { p.IsActive, p.StoreId });
    }
}

internal sealed class PriceListItemConfiguration : IEntityTypeConfiguration<PriceListItem>
{
    public void Configure(EntityTypeBuilder<PriceListItem> builder)
    {
        builder.HasKey(i => new { i.PriceListId, i.ProductId });
        builder.Property(i => i.Price).IsMoney();
        builder.HasOne<Kasse.Domain.Catalog.Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Code).HasMaxLength(Coupon.MaxCodeLength);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasOne<Promotion>().WithMany().HasForeignKey(c => c.PromotionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SalePromotionConfiguration : IEntityTypeConfiguration<SalePromotion>
{
    public void Configure(EntityTypeBuilder<SalePromotion> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Name).HasMaxLength(SalePromotion.MaxNameLength);
        builder.Property(p => p.Amount).IsMoney();
        // No foreign key to the promotion: a completed receipt keeps its promotion's name after the promotion is deleted.
        builder.HasIndex(p => p.SaleId);
        builder.HasIndex(p => p.SourceId);
    }
}
