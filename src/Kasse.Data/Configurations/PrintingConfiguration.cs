using Kasse.Domain.Devices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class PrinterConfiguration : IEntityTypeConfiguration<Printer>
{
    public void Configure(EntityTypeBuilder<Printer> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Printer.MaxNameLength);
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Station).HasMaxLength(Printer.MaxStationLength);
        builder.Property(p => p.Connection).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Address).HasMaxLength(Printer.MaxAddressLength);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Problem).HasMaxLength(Printer.MaxProblemLength);
        builder.HasIndex(p => p.StoreId);
        builder.HasIndex(p => p.RegisterId);
    }
}

internal sealed class PrintJobConfiguration : IEntityTypeConfiguration<PrintJob>
{
    public void Configure(EntityTypeBuilder<PrintJob> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Problem).HasMaxLength(PrintJob.MaxProblemLength);
        builder.HasOne<Printer>().WithMany().HasForeignKey(j => j.PrinterId).OnDelete(DeleteBehavior.Restrict);
        // The worker's question: what is due, in order.
        builder.HasIndex(j => new { j.Status, j.NextAttemptAt });
        builder.HasIndex(j => new { j.PrinterId, j.QueuedAt });
        builder.HasIndex(j => j.SubjectId);
    }
}
