using Kasse.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Name).HasMaxLength(Category.MaxNameLength);
        builder.HasIndex(c => c.Name).IsUnique();
        builder.Property(c => c.Color).HasMaxLength(CategoryColor.Length);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Sku).HasMaxLength(Product.MaxSkuLength);
        builder.Property(p => p.Name).HasMaxLength(Product.MaxNameLength);
        builder.Property(p => p.Price).IsMoney();
        builder.Property(p => p.CostPrice).IsMoney();
        builder.Property(p => p.VatPercent).IsPercent();
        builder.Property(p => p.Unit).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.Property(p => p.SearchText).HasMaxLength(Product.MaxNameLength + Product.MaxSkuLength + 1);
        builder.HasIndex(p => p.Name);
        builder.HasOne<Category>().WithMany().HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(p => p.Barcodes).WithOne().HasForeignKey(b => b.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Barcodes).AutoInclude();
    }
}

internal sealed class ProductBarcodeConfiguration : IEntityTypeConfiguration<ProductBarcode>
{
    public void Configure(EntityTypeBuilder<ProductBarcode> builder)
    {
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Code).HasMaxLength(ProductBarcode.MaxLength);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(24);
        builder.HasIndex(b => b.Code).IsUnique();
    }
}

internal sealed class ProductImageConfiguration : IEntityTypeConfiguration<ProductImage>
{
    public void Configure(EntityTypeBuilder<ProductImage> builder)
    {
        builder.HasKey(i => i.ProductId);
        builder.Property(i => i.ProductId).ValueGeneratedNever();
        builder.HasOne<Product>().WithOne().HasForeignKey<ProductImage>(i => i.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FavouriteProductConfiguration : IEntityTypeConfiguration<FavouriteProduct>
{
    public void Configure(EntityTypeBuilder<FavouriteProduct> builder)
    {
        builder.HasKey(f => f.ProductId);
        builder.Property(f => f.ProductId).ValueGeneratedNever();
        builder.HasIndex(f => f.Position);
        builder.HasOne<Product>().WithMany().HasForeignKey(f => f.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
