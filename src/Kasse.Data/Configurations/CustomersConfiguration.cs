using Kasse.Domain.Customers;
using Kasse.Domain.GiftCards;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(Customer.MaxNumberLength);
        builder.Property(c => c.Name).HasMaxLength(Customer.MaxNameLength);
        builder.Property(c => c.SearchName).HasMaxLength(Customer.MaxNameLength);
        builder.Property(c => c.Phone).HasMaxLength(Customer.MaxPhoneLength);
        builder.Property(c => c.Email).HasMaxLength(Customer.MaxEmailLength);
        builder.Property(c => c.CardCode).HasMaxLength(Customer.MaxNumberLength);
        builder.Property(c => c.Notes).HasMaxLength(Customer.MaxNotesLength);
        builder.Property(c => c.Preferences).HasMaxLength(Customer.MaxNotesLength);
        builder.Ignore(c => c.IsErased);
        builder.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CustomerGroup>().WithMany().HasForeignKey(c => c.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.StoreId, c.Number }).IsUnique();
        builder.HasIndex(c => new { c.StoreId, c.CardCode }).IsUnique();
        builder.HasIndex(c => new { c.StoreId, c.Phone });
        builder.HasIndex(c => new { c.StoreId, c.Email });
    }
}

internal sealed class CustomerGroupConfiguration : IEntityTypeConfiguration<CustomerGroup>
{
    public void Configure(EntityTypeBuilder<CustomerGroup> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Name).HasMaxLength(CustomerGroup.MaxNameLength);
        builder.HasOne<Store>().WithMany().HasForeignKey(g => g.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.StoreId, g.Name }).IsUnique();
    }
}

internal sealed class LoyaltySettingsConfiguration : IEntityTypeConfiguration<LoyaltySettings>
{
    public void Configure(EntityTypeBuilder<LoyaltySettings> builder)
    {
        builder.HasKey(s => s.StoreId);
        builder.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LoyaltyMovementConfiguration : IEntityTypeConfiguration<LoyaltyMovement>
{
    public void Configure(EntityTypeBuilder<LoyaltyMovement> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Ignore(m => m.IsStamps);
        builder.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CustomerId, m.At });
        builder.HasIndex(m => m.SaleId);
    }
}

internal sealed class PendingLoyaltyRewardConfiguration : IEntityTypeConfiguration<PendingLoyaltyReward>
{
    public void Configure(EntityTypeBuilder<PendingLoyaltyReward> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Sale>().WithMany().HasForeignKey(r => r.SaleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.SaleId);
    }
}

internal sealed class GiftCardConfiguration : IEntityTypeConfiguration<GiftCard>
{
    public void Configure(EntityTypeBuilder<GiftCard> builder)
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Code).HasMaxLength(GiftCardCode.Length);
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(g => g.Currency).HasMaxLength(3);
        builder.Property(g => g.Balance).IsMoney();
        builder.HasOne<Store>().WithMany().HasForeignKey(g => g.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => g.Code).IsUnique();
        builder.HasIndex(g => g.StoreId);
    }
}

internal sealed class GiftCardMovementConfiguration : IEntityTypeConfiguration<GiftCardMovement>
{
    public void Configure(EntityTypeBuilder<GiftCardMovement> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(m => m.Amount).IsMoney();
        builder.HasOne<GiftCard>().WithMany().HasForeignKey(m => m.GiftCardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.GiftCardId, m.At });
        builder.HasIndex(m => new { m.StoreId, m.At });
        // One redemption per payment: a retried payment can never debit a card twice.
        builder.HasIndex(m => new { m.PaymentId, m.Kind }).IsUnique();
    }
}
