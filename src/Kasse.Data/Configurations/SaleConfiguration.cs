using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class SaleConfiguration : IEntityTypeConfiguration<Sale>
{
    public void Configure(EntityTypeBuilder<Sale> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.VatBreakdown);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.CashRoundingIncrement).IsMoney();
        builder.Property(s => s.DiscountKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.DiscountValue).IsMoney();
        builder.Property(s => s.DiscountReason).HasMaxLength(SaleLine.MaxReasonLength);
        builder.Property(s => s.SaleDiscountAmount).IsMoney();
        builder.Property(s => s.TotalAmount).IsMoney();
        builder.Property(s => s.ReturnReason).HasMaxLength(SaleLine.MaxReasonLength);
        builder.Property(s => s.Signature).HasMaxLength(999);
        builder.Property(s => s.NorwegianSignature).HasMaxLength(999);
        builder.Property(s => s.KeyVersion).HasMaxLength(50);
        builder.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Register>().WithMany().HasForeignKey(s => s.RegisterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(s => s.CashierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Sale>().WithMany().HasForeignKey(s => s.OriginalSaleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.SaleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Payments).WithOne().HasForeignKey(p => p.SaleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Lines).AutoInclude();
        builder.Navigation(s => s.Payments).AutoInclude();
        builder.Property(s => s.CouponCode).HasMaxLength(Kasse.Domain.Promotions.Coupon.MaxCodeLength);
        builder.HasMany(s => s.Promotions).WithOne().HasForeignKey(p => p.SaleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Promotions).AutoInclude();
        // NULLs are distinct in unique indexes on both databases, so open sales (no number yet) don't collide.
        builder.HasIndex(s => new { s.RegisterId, s.ReceiptNumber }).IsUnique();
        builder.HasIndex(s => new { s.StoreId, s.Status });
        builder.HasIndex(s => new { s.StoreId, s.BusinessDay });
        builder.HasIndex(s => s.CustomerId);
        builder.Property(s => s.TabName).HasMaxLength(Sale.MaxTabNameLength);
        builder.Property(s => s.OrderType).HasConversion<string>().HasMaxLength(16);
        // No foreign key to DiningTables: on SQLite adding one rebuilds the whole Sales table (outside a transaction); tables
        // are never deleted (only marked), and the table is checked in the store when a sale is put on it.
        // The floor asks for each table's sales that are still open.
        builder.HasIndex(s => new { s.TableId, s.Status });
    }
}

internal sealed class SaleLineConfiguration : IEntityTypeConfiguration<SaleLine>
{
    public void Configure(EntityTypeBuilder<SaleLine> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Sku).HasMaxLength(Kasse.Domain.Catalog.Product.MaxSkuLength);
        builder.Property(l => l.Name).HasMaxLength(SaleLine.MaxNameLength);
        builder.Property(l => l.Barcode).HasMaxLength(32);
        builder.Property(l => l.Unit).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Quantity).IsQuantity();
        builder.Property(l => l.UnitPrice).IsMoney();
        builder.Property(l => l.VatPercent).IsPercent();
        builder.Property(l => l.VatCode).HasMaxLength(Kasse.Domain.Money.VatRate.MaxCodeLength);
        builder.Property(l => l.GrossAmount).IsMoney();
        builder.Property(l => l.DiscountKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.DiscountValue).IsMoney();
        builder.Property(l => l.DiscountReason).HasMaxLength(SaleLine.MaxReasonLength);
        builder.Property(l => l.LineDiscountAmount).IsMoney();
        builder.Property(l => l.PromotionDiscountAmount).IsMoney();
        builder.Property(l => l.SaleDiscountAmount).IsMoney();
        builder.Property(l => l.TotalAmount).IsMoney();
        builder.HasIndex(l => l.OriginalLineId);
        builder.HasIndex(l => l.ProductId);
        builder.Property(l => l.Note).HasMaxLength(SaleLine.MaxNoteLength);
        builder.Property(l => l.Share).HasMaxLength(SaleLine.MaxShareLength);
        builder.Property(l => l.Modifiers).HasConversion(v => LineModifierJson.Write(v), v => LineModifierJson.Read(v),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<LineModifier>>(
                (a, b) => LineModifierJson.Write(a!) == LineModifierJson.Write(b!), v => LineModifierJson.Write(v).GetHashCode(StringComparison.Ordinal), v => v))
            .IsRequired();
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Amount).IsMoney();
        builder.Property(p => p.Tendered).IsMoney();
        builder.Property(p => p.Change).IsMoney();
        builder.Property(p => p.Rounding).IsMoney();
        builder.Property(p => p.Tip).IsMoney();
        builder.Property(p => p.Reference).HasMaxLength(Payment.MaxReferenceLength);
        builder.Property(p => p.CardScheme).HasMaxLength(Kasse.Domain.Payments.CardDetails.MaxSchemeLength);
        builder.Property(p => p.CardLastFour).HasMaxLength(4);
        builder.Property(p => p.AuthorisationCode).HasMaxLength(Kasse.Domain.Payments.CardDetails.MaxAuthorisationCodeLength);
    }
}
