using Kasse.Domain.Restaurant;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class FloorAreaConfiguration : IEntityTypeConfiguration<FloorArea>
{
    public void Configure(EntityTypeBuilder<FloorArea> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(FloorArea.MaxNameLength);
        builder.HasOne<Store>().WithMany().HasForeignKey(a => a.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.StoreId, a.Position });
    }
}

internal sealed class DiningTableConfiguration : IEntityTypeConfiguration<DiningTable>
{
    public void Configure(EntityTypeBuilder<DiningTable> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(DiningTable.MaxNameLength);
        builder.Property(t => t.Shape).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Store>().WithMany().HasForeignKey(t => t.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FloorArea>().WithMany().HasForeignKey(t => t.AreaId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.StoreId, t.AreaId });
    }
}
