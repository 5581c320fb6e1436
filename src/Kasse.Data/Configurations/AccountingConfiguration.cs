using Kasse.Domain.Accounting;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class StoredChartConfiguration : IEntityTypeConfiguration<StoredChart>
{
    public void Configure(EntityTypeBuilder<StoredChart> builder)
    {
        builder.ToTable("AccountingCharts");
        builder.HasKey(c => c.StoreId);
        builder.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccountingConnectorSettingsConfiguration : IEntityTypeConfiguration<AccountingConnectorSettings>
{
    public void Configure(EntityTypeBuilder<AccountingConnectorSettings> builder)
    {
        builder.ToTable("AccountingConnectors");
        builder.HasKey(c => c.StoreId);
        builder.Property(c => c.Url).HasMaxLength(AccountingConnectorSettings.MaxUrlLength + 1);
        builder.Property(c => c.Journal).HasMaxLength(AccountingConnectorSettings.MaxJournalLength);
        builder.Property(c => c.Token).HasMaxLength(AccountingConnectorSettings.MaxStoredTokenLength);
        builder.HasOne<Store>().WithMany().HasForeignKey(c => c.StoreId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccountingPushConfiguration : IEntityTypeConfiguration<AccountingPush>
{
    public void Configure(EntityTypeBuilder<AccountingPush> builder)
    {
        builder.ToTable("AccountingPushes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Ignore(p => p.ZReports);
        builder.Property(p => p.ExternalId).HasMaxLength(80);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Total).IsMoney();
        builder.Property(p => p.VoucherNumber).HasMaxLength(80);
        builder.Property(p => p.LastError).HasMaxLength(AccountingPush.MaxErrorLength);
        builder.HasOne<Store>().WithMany().HasForeignKey(p => p.StoreId).OnDelete(DeleteBehavior.Restrict);
        // One voucher per part of a day, even when two pushes race.
        builder.HasIndex(p => new { p.StoreId, p.BusinessDay, p.Part }).IsUnique();
        builder.HasIndex(p => p.ExternalId).IsUnique();
    }
}
