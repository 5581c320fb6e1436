using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.CashRounding);
        builder.Ignore(s => s.VariableMeasureCodes);
        builder.Ignore(s => s.TimeZone);
        builder.Property(s => s.Name).HasMaxLength(Store.MaxNameLength);
        builder.Property(s => s.Address).HasMaxLength(Store.MaxAddressLength);
        builder.Property(s => s.CompanyId).HasMaxLength(20);
        builder.Property(s => s.CountryCode).HasMaxLength(2);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.TimeZoneId).HasMaxLength(64);
        builder.Property(s => s.CashRoundingIncrement).IsMoney();
        builder.Property(s => s.ReceiptHeader).HasMaxLength(ReceiptTexts.MaxLength);
        builder.Property(s => s.ReceiptFooter).HasMaxLength(ReceiptTexts.MaxLength);
        builder.Property(s => s.Language).HasMaxLength(Kasse.Domain.Languages.MaxLength).HasDefaultValue(Kasse.Domain.Languages.Danish);
        builder.HasMany(s => s.VatRates).WithOne().HasForeignKey(r => r.StoreId);
        builder.Navigation(s => s.VatRates).AutoInclude();
        builder.HasMany(s => s.VariableMeasureRules).WithOne().HasForeignKey(r => r.StoreId);
        builder.Navigation(s => s.VariableMeasureRules).AutoInclude();
        builder.Property(s => s.OrderTypeVatRules).HasConversion(v => OrderTypeVatJson.Write(v), v => OrderTypeVatJson.Read(v),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<IReadOnlyList<OrderTypeVatRule>>(
                (a, b) => OrderTypeVatJson.Write(a!) == OrderTypeVatJson.Write(b!), v => OrderTypeVatJson.Write(v).GetHashCode(StringComparison.Ordinal), v => v))
            .HasMaxLength(2000).IsRequired();
    }
}

/// <summary>A store's order-type VAT rules as JSON; none (most countries, Denmark) is the empty string.</summary>
public static class OrderTypeVatJson
{
    private static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static string Write(IReadOnlyList<OrderTypeVatRule> rules) =>
        rules.Count == 0 ? "" : System.Text.Json.JsonSerializer.Serialize(rules, Options);

    public static IReadOnlyList<OrderTypeVatRule> Read(string json) =>
        string.IsNullOrEmpty(json) ? [] : System.Text.Json.JsonSerializer.Deserialize<List<OrderTypeVatRule>>(json, Options) ?? [];
}

internal sealed class StoreVariableMeasureRuleConfiguration : IEntityTypeConfiguration<StoreVariableMeasureRule>
{
    public void Configure(EntityTypeBuilder<StoreVariableMeasureRule> builder)
    {
        builder.HasKey(r => new { r.StoreId, r.Prefix });
        builder.Property(r => r.Prefix).HasMaxLength(2);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
    }
}

internal sealed class StoreVatRateConfiguration : IEntityTypeConfiguration<StoreVatRate>
{
    public void Configure(EntityTypeBuilder<StoreVatRate> builder)
    {
        builder.HasKey(r => new { r.StoreId, r.Code });
        builder.Property(r => r.Code).HasMaxLength(Kasse.Domain.Money.VatRate.MaxCodeLength);
        builder.Property(r => r.Percent).IsPercent();
        builder.Property(r => r.Description).HasMaxLength(60);
    }
}

internal sealed class RegisterConfiguration : IEntityTypeConfiguration<Register>
{
    public void Configure(EntityTypeBuilder<Register> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(Register.MaxNameLength);
        builder.Property(r => r.LastSignature).HasMaxLength(999);
        builder.Property(r => r.LastNorwegianSignature).HasMaxLength(999);
        builder.HasOne<Store>().WithMany().HasForeignKey(r => r.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.StoreId, r.Name }).IsUnique();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(RegisterKind.Till).HasSentinel(RegisterKind.Till);
    }
}

internal sealed class KioskDeviceConfiguration : IEntityTypeConfiguration<Kasse.Domain.SelfService.KioskDevice>
{
    public void Configure(EntityTypeBuilder<Kasse.Domain.SelfService.KioskDevice> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.PairingCodeHash).HasMaxLength(Kasse.Domain.SelfService.KioskDevice.HashLength);
        builder.Property(d => d.TokenHash).HasMaxLength(Kasse.Domain.SelfService.KioskDevice.HashLength);
        builder.Ignore(d => d.IsActive);
        builder.HasOne<Register>().WithMany().HasForeignKey(d => d.RegisterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.PairingCodeHash);
        builder.HasIndex(d => d.TokenHash);
    }
}
