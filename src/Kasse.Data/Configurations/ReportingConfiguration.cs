using Kasse.Domain.Reporting;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class SalesSummaryConfiguration : IEntityTypeConfiguration<SalesSummary>
{
    public void Configure(EntityTypeBuilder<SalesSummary> builder)
    {
        // The key leads with store and dimension, so a report's range of days is one index range scan.
        builder.HasKey(s => new { s.StoreId, s.Dimension, s.BusinessDay, s.Key });
        builder.Property(s => s.Dimension).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Key).HasMaxLength(SalesSummary.MaxKeyLength);
        builder.Ignore(s => s.Identity);
        builder.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Cascade);
        // All stores at once (HQ): by dimension and day.
        builder.HasIndex(s => new { s.Dimension, s.BusinessDay });
    }
}
