using Kasse.Domain.CashControl;
using Kasse.Domain.Staff;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class RegisterSessionConfiguration : IEntityTypeConfiguration<RegisterSession>
{
    public void Configure(EntityTypeBuilder<RegisterSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.OpeningFloat).IsMoney();
        builder.Property(s => s.CountedCash).IsMoney();
        builder.Property(s => s.ExpectedCash).IsMoney();
        builder.Property(s => s.Difference).IsMoney();
        builder.Property(s => s.CountNote).HasMaxLength(RegisterSession.MaxNoteLength);
        builder.HasOne<Store>().WithMany().HasForeignKey(s => s.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Register>().WithMany().HasForeignKey(s => s.RegisterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(s => s.OpenedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(s => s.CountedById).OnDelete(DeleteBehavior.Restrict);
        // One open session per register, even when two tills race to open one.
        builder.HasIndex(s => s.RegisterId).IsUnique().HasFilter("\"Status\" = 'Open'").HasDatabaseName("IX_RegisterSessions_OneOpenPerRegister");
        builder.HasIndex(s => new { s.RegisterId, s.OpenedSequence });
    }
}

internal sealed class CashMovementConfiguration : IEntityTypeConfiguration<CashMovement>
{
    public void Configure(EntityTypeBuilder<CashMovement> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Amount).IsMoney();
        builder.Property(m => m.Reason).HasMaxLength(CashMovement.MaxReasonLength);
        builder.Property(m => m.Signature).HasMaxLength(999);
        builder.Property(m => m.NorwegianSignature).HasMaxLength(999);
        builder.Property(m => m.KeyVersion).HasMaxLength(50);
        // The signature walk reads a register's movements in chain order.
        builder.HasIndex(m => new { m.RegisterId, m.TransactionNumber });
        builder.HasOne<Store>().WithMany().HasForeignKey(m => m.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Register>().WithMany().HasForeignKey(m => m.RegisterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RegisterSession>().WithMany().HasForeignKey(m => m.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(m => m.EmployeeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoredReportConfiguration : IEntityTypeConfiguration<StoredReport>
{
    public void Configure(EntityTypeBuilder<StoredReport> builder)
    {
        builder.ToTable("RegisterReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Ignore(r => r.GrandTotals);
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(4);
        builder.Property(r => r.GrandTotalSales).IsMoney();
        builder.Property(r => r.GrandTotalReturn).IsMoney();
        builder.Property(r => r.GrandTotalSalesNet).IsMoney();
        builder.Property(r => r.AnchorHash).HasMaxLength(64);
        builder.Property(r => r.KeyVersion).HasMaxLength(50);
        builder.HasOne<Store>().WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Register>().WithMany().HasForeignKey(r => r.RegisterId).OnDelete(DeleteBehavior.Restrict);
        // Z numbers are gapless and unique per register; an X report borrows the number the next Z will take.
        builder.HasIndex(r => new { r.RegisterId, r.Number }).IsUnique().HasFilter("\"Type\" = 'Z'").HasDatabaseName("IX_RegisterReports_ZNumber");
        builder.HasIndex(r => new { r.RegisterId, r.Type, r.JournalSequence });
    }
}
