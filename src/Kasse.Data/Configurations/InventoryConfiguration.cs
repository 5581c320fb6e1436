using Kasse.Domain.Catalog;
using Kasse.Domain.Inventory;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kasse.Data.Configurations;

internal static class StockQuantities
{
    private static readonly ValueConverter<decimal?, long?> OptionalThousandths =
        new(v => v == null ? null : decimal.ToInt64(v.Value * 1000m), v => v == null ? null : v.Value / 1000m);

    public static PropertyBuilder<decimal?> IsQuantity(this PropertyBuilder<decimal?> property) => property.HasConversion(OptionalThousandths);
}

internal sealed class StockLocationConfiguration : IEntityTypeConfiguration<StockLocation>
{
    public void Configure(EntityTypeBuilder<StockLocation> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Name).HasMaxLength(StockLocation.MaxNameLength);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Store>().WithMany().HasForeignKey(l => l.StoreId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.StoreId, l.Name }).IsUnique();
    }
}

internal sealed class RegisterStockLocationConfiguration : IEntityTypeConfiguration<RegisterStockLocation>
{
    public void Configure(EntityTypeBuilder<RegisterStockLocation> builder)
    {
        builder.HasKey(r => r.RegisterId);
        builder.HasOne<Register>().WithMany().HasForeignKey(r => r.RegisterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<StockLocation>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StockLevelConfiguration : IEntityTypeConfiguration<StockLevel>
{
    public void Configure(EntityTypeBuilder<StockLevel> builder)
    {
        builder.HasKey(l => new { l.LocationId, l.ProductId });
        builder.Property(l => l.OnHand).IsQuantity();
        builder.Property(l => l.ReorderPoint).IsQuantity();
        builder.Property(l => l.ReorderQuantity).IsQuantity();
        builder.Property(l => l.BelowZero).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<StockLocation>().WithMany().HasForeignKey(l => l.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.StoreId, l.ProductId });
    }
}

internal sealed class StockMovementConfiguration : IEntityTypeConfiguration<StockMovement>
{
    public void Configure(EntityTypeBuilder<StockMovement> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Quantity).IsQuantity();
        builder.Property(m => m.OnHandAfter).IsQuantity();
        builder.Property(m => m.UnitCost).IsMoney();
        builder.Property(m => m.Reason).HasMaxLength(StockMovement.MaxReasonLength);
        builder.HasOne<StockLocation>().WithMany().HasForeignKey(m => m.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(m => m.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.ProductId, m.At });
        builder.HasIndex(m => new { m.StoreId, m.Kind, m.At });
        builder.HasIndex(m => m.ReferenceId);
    }
}

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    public void Configure(EntityTypeBuilder<Supplier> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(Supplier.MaxNameLength);
        builder.Property(s => s.Email).HasMaxLength(Supplier.MaxContactLength);
        builder.Property(s => s.Phone).HasMaxLength(Supplier.MaxContactLength);
        builder.Property(s => s.AccountNumber).HasMaxLength(Supplier.MaxContactLength);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}

internal sealed class SupplierProductConfiguration : IEntityTypeConfiguration<SupplierProduct>
{
    public void Configure(EntityTypeBuilder<SupplierProduct> builder)
    {
        builder.HasKey(s => new { s.SupplierId, s.ProductId });
        builder.Property(s => s.SupplierSku).HasMaxLength(SupplierProduct.MaxSkuLength);
        builder.Property(s => s.Cost).IsMoney();
        builder.Property(s => s.PackSize).IsQuantity();
        builder.Property(s => s.MinimumOrder).IsQuantity();
        builder.HasOne<Supplier>().WithMany().HasForeignKey(s => s.SupplierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Product>().WithMany().HasForeignKey(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.ProductId);
    }
}

internal sealed class PurchaseOrderConfiguration : IEntityTypeConfiguration<PurchaseOrder>
{
    public void Configure(EntityTypeBuilder<PurchaseOrder> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(o => o.TotalCost);
        builder.Ignore(o => o.Reference);
        builder.HasOne<Supplier>().WithMany().HasForeignKey(o => o.SupplierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StockLocation>().WithMany().HasForeignKey(o => o.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.StoreId, o.Number }).IsUnique();
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.PurchaseOrderId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Lines).AutoInclude();
    }
}

internal sealed class PurchaseOrderLineConfiguration : IEntityTypeConfiguration<PurchaseOrderLine>
{
    public void Configure(EntityTypeBuilder<PurchaseOrderLine> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.SupplierSku).HasMaxLength(SupplierProduct.MaxSkuLength);
        builder.Property(l => l.Ordered).IsQuantity();
        builder.Property(l => l.Received).IsQuantity();
        builder.Property(l => l.UnitCost).IsMoney();
        builder.Ignore(l => l.Difference);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StockCountConfiguration : IEntityTypeConfiguration<StockCount>
{
    public void Configure(EntityTypeBuilder<StockCount> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<StockLocation>().WithMany().HasForeignKey(c => c.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.StoreId, c.StartedAt });
        builder.HasMany(c => c.Lines).WithOne().HasForeignKey(l => l.StockCountId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Lines).AutoInclude();
    }
}

internal sealed class StockCountLineConfiguration : IEntityTypeConfiguration<StockCountLine>
{
    public void Configure(EntityTypeBuilder<StockCountLine> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Expected).IsQuantity();
        builder.Property(l => l.Counted).IsQuantity();
        builder.Ignore(l => l.Variance);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.StockCountId, l.ProductId }).IsUnique();
    }
}

internal sealed class StockTransferConfiguration : IEntityTypeConfiguration<StockTransfer>
{
    public void Configure(EntityTypeBuilder<StockTransfer> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<StockLocation>().WithMany().HasForeignKey(t => t.FromLocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StockLocation>().WithMany().HasForeignKey(t => t.ToLocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Lines).WithOne().HasForeignKey(l => l.StockTransferId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Lines).AutoInclude();
    }
}

internal sealed class StockTransferLineConfiguration : IEntityTypeConfiguration<StockTransferLine>
{
    public void Configure(EntityTypeBuilder<StockTransferLine> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Quantity).IsQuantity();
        builder.Property(l => l.Received).IsQuantity();
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecipeConfiguration : IEntityTypeConfiguration<Recipe>
{
    public void Configure(EntityTypeBuilder<Recipe> builder)
    {
        builder.HasKey(r => r.ProductId);
        builder.Property(r => r.Yield).IsQuantity();
        builder.HasOne<Product>().WithOne().HasForeignKey<Recipe>(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Components).WithOne().HasForeignKey(c => c.RecipeProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Components).AutoInclude();
    }
}

internal sealed class RecipeComponentConfiguration : IEntityTypeConfiguration<RecipeComponent>
{
    public void Configure(EntityTypeBuilder<RecipeComponent> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Quantity).IsQuantity();
        builder.Property(c => c.WastePercent).IsPercent();
        builder.Property(c => c.Unit).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.IngredientId).OnDelete(DeleteBehavior.Restrict);
    }
}
