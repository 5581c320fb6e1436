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
        builder.Property(t => t.OrderingToken).HasMaxLength(DiningTable.OrderingTokenLength);
        builder.HasIndex(t => t.OrderingToken).IsUnique();
    }
}

internal sealed class GuestOrderConfiguration : IEntityTypeConfiguration<GuestOrder>
{
    public void Configure(EntityTypeBuilder<GuestOrder> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Device).HasMaxLength(GuestOrder.MaxDeviceLength);
        builder.Property(o => o.LineIds).HasMaxLength(4000);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.DecidedBy).HasMaxLength(120);
        builder.Ignore(o => o.Lines);
        builder.HasOne<Store>().WithMany().HasForeignKey(o => o.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<DiningTable>().WithMany().HasForeignKey(o => o.TableId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to Sales: a sale is written by its own writer (OpenSaleMemory) and may not be in the table yet.
        builder.HasIndex(o => new { o.StoreId, o.Status });
        builder.HasIndex(o => o.SaleId);
    }
}

internal sealed class GuestOrderingSettingsConfiguration : IEntityTypeConfiguration<GuestOrderingSettings>
{
    public void Configure(EntityTypeBuilder<GuestOrderingSettings> builder)
    {
        builder.HasKey(s => s.StoreId);
        builder.Property(s => s.StoreId).ValueGeneratedNever();
        builder.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KitchenStationConfiguration : IEntityTypeConfiguration<KitchenStation>
{
    public void Configure(EntityTypeBuilder<KitchenStation> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(KitchenStation.MaxNameLength);
        builder.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.StoreId, s.Position });
    }
}

internal sealed class KitchenRouteConfiguration : IEntityTypeConfiguration<KitchenRoute>
{
    public void Configure(EntityTypeBuilder<KitchenRoute> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasOne<Store>().WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<KitchenStation>().WithMany().HasForeignKey(r => r.StationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.StoreId, r.ProductId }).IsUnique();
        builder.HasIndex(r => new { r.StoreId, r.CategoryId }).IsUnique();
    }
}

internal sealed class KitchenTicketConfiguration : IEntityTypeConfiguration<KitchenTicket>
{
    public void Configure(EntityTypeBuilder<KitchenTicket> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.StationName).HasMaxLength(KitchenStation.MaxNameLength);
        builder.Property(t => t.TableName).HasMaxLength(DiningTable.MaxNameLength);
        builder.Property(t => t.TabName).HasMaxLength(KitchenTicket.MaxTextLength);
        builder.Property(t => t.WaiterName).HasMaxLength(KitchenTicket.MaxTextLength);
        builder.Property(t => t.OrderType).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<KitchenStation>().WithMany().HasForeignKey(t => t.StationId).OnDelete(DeleteBehavior.Restrict);
        // No foreign key to Sales: a sale is written by its own writer (OpenSaleMemory) and may not be in the table yet.
        builder.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TicketId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Items).AutoInclude();
        builder.HasIndex(t => new { t.StationId, t.Status });
        // The pickup counter's board reads the store's numbered (self-service) tickets of the last hours.
        builder.HasIndex(t => new { t.StoreId, t.OrderNumber, t.SentAt });
        builder.HasIndex(t => new { t.SaleId, t.Course });
    }
}

internal sealed class KitchenTicketItemConfiguration : IEntityTypeConfiguration<KitchenTicketItem>
{
    public void Configure(EntityTypeBuilder<KitchenTicketItem> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Name).HasMaxLength(KitchenTicket.MaxTextLength);
        builder.Property(i => i.Quantity).IsQuantity();
        builder.Property(i => i.QuantityBefore).IsQuantity();
        builder.Property(i => i.Change).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.ModifiersText).HasMaxLength(KitchenTicketItem.MaxListLength);
        builder.Property(i => i.Note).HasMaxLength(KitchenTicketItem.MaxNoteLength);
        builder.Property(i => i.AllergensText).HasMaxLength(KitchenTicketItem.MaxListLength);
        builder.Ignore(i => i.Modifiers);
        builder.Ignore(i => i.Allergens);
        builder.HasIndex(i => i.LineId);
    }
}
