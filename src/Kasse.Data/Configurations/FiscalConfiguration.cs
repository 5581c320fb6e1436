using Kasse.Domain.Fiscal;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasMaxLength(32);
        builder.Property(e => e.EventCode).HasMaxLength(8);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasOne<Store>().WithMany().HasForeignKey(e => e.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.StoreId, e.Sequence }).IsUnique();
        builder.HasIndex(e => e.SaleId);
    }
}

internal sealed class JournalHeadConfiguration : IEntityTypeConfiguration<JournalHead>
{
    public void Configure(EntityTypeBuilder<JournalHead> builder)
    {
        builder.HasKey(h => h.StoreId);
        builder.Property(h => h.LastHash).HasMaxLength(64);
        builder.HasOne<Store>().WithMany().HasForeignKey(h => h.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SigningKeyConfiguration : IEntityTypeConfiguration<SigningKey>
{
    public void Configure(EntityTypeBuilder<SigningKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.CompanyId).HasMaxLength(20);
        builder.Property(k => k.KeyVersion).HasMaxLength(50);
        builder.HasIndex(k => k.KeyVersion).IsUnique();
        builder.HasIndex(k => new { k.CompanyId, k.CreatedAt });
    }
}

internal sealed class CompanySequenceConfiguration : IEntityTypeConfiguration<CompanySequence>
{
    public void Configure(EntityTypeBuilder<CompanySequence> builder)
    {
        builder.HasKey(c => c.CompanyId);
        builder.Property(c => c.CompanyId).HasMaxLength(20);
    }
}
