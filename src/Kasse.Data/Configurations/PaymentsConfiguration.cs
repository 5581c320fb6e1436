using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class TerminalPaymentConfiguration : IEntityTypeConfiguration<TerminalPayment>
{
    public void Configure(EntityTypeBuilder<TerminalPayment> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Ignore(p => p.IsUnresolved);
        builder.Ignore(p => p.AttemptReference);
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.RequestedAmount).IsMoney();
        builder.Property(p => p.ApprovedAmount).IsMoney();
        builder.Property(p => p.RequestedTip).IsMoney();
        builder.Property(p => p.ApprovedTip).IsMoney();
        builder.Ignore(p => p.ApprovedTotal);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.ServiceId).HasMaxLength(TerminalPayment.ServiceIdLength);
        builder.Property(p => p.SaleReference).HasMaxLength(32);
        builder.Property(p => p.DeviceReference).HasMaxLength(TerminalPayment.MaxReferenceLength);
        builder.Property(p => p.CardScheme).HasMaxLength(CardDetails.MaxSchemeLength);
        builder.Property(p => p.CardLastFour).HasMaxLength(4);
        builder.Property(p => p.AuthorisationCode).HasMaxLength(CardDetails.MaxAuthorisationCodeLength);
        builder.Property(p => p.Reason).HasMaxLength(TerminalPayment.MaxReasonLength);
        builder.HasOne<Sale>().WithMany().HasForeignKey(p => p.SaleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Register>().WithMany().HasForeignKey(p => p.RegisterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SaleId, p.State });
        builder.HasIndex(p => p.State);
        builder.HasIndex(p => new { p.RegisterId, p.ServiceId }).IsUnique();
    }
}

internal sealed class PaymentDeviceSettingsConfiguration : IEntityTypeConfiguration<PaymentDeviceSettings>
{
    public void Configure(EntityTypeBuilder<PaymentDeviceSettings> builder)
    {
        builder.HasKey(s => s.RegisterId);
        builder.Property(s => s.RegisterId).ValueGeneratedNever();
        builder.Property(s => s.CardTerminalUrl).HasMaxLength(PaymentDeviceSettings.MaxUrlLength);
        builder.Property(s => s.CardTerminalPoiId).HasMaxLength(PaymentDeviceSettings.MaxIdLength);
        builder.Property(s => s.MobilePayUrl).HasMaxLength(PaymentDeviceSettings.MaxUrlLength);
        builder.Property(s => s.MobilePayMerchantSerialNumber).HasMaxLength(PaymentDeviceSettings.MaxIdLength);
        builder.HasOne<Register>().WithMany().HasForeignKey(s => s.RegisterId).OnDelete(DeleteBehavior.Cascade);
    }
}
