using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Name).HasMaxLength(Employee.MaxNameLength);
        builder.Property(e => e.Role).HasMaxLength(RoleDefinition.MaxNameLength);
        builder.Property(e => e.PinHash).HasMaxLength(200);
        builder.Property(e => e.Language).HasMaxLength(Kasse.Domain.Languages.MaxLength).HasDefaultValue(Kasse.Domain.Languages.Danish);
        builder.Property(e => e.UserName).HasMaxLength(Employee.MaxUserNameLength);
        builder.HasIndex(e => e.UserName).IsUnique();
        builder.Property(e => e.PasswordHash).HasMaxLength(300);
        builder.Property(e => e.Stores).HasMaxLength(StoreAccess.MaxLength);
        builder.Ignore(e => e.StoreIds);
    }
}

internal sealed class RoleDefinitionConfiguration : IEntityTypeConfiguration<RoleDefinition>
{
    public void Configure(EntityTypeBuilder<RoleDefinition> builder)
    {
        builder.HasKey(r => r.Name);
        builder.Property(r => r.Name).HasMaxLength(RoleDefinition.MaxNameLength);
        builder.Property(r => r.PermissionList).HasMaxLength(2000);
        builder.Ignore(r => r.Permissions);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.MaxNameLength);
        builder.Property(k => k.Role).HasMaxLength(RoleDefinition.MaxNameLength);
        builder.Property(k => k.Scope).HasMaxLength(2000);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength);
        builder.HasIndex(k => k.Prefix).IsUnique();
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.CreatedBy).HasMaxLength(120);
        builder.Ignore(k => k.ScopePermissions);
        builder.Property(k => k.Stores).HasMaxLength(StoreAccess.MaxLength);
        builder.Ignore(k => k.StoreIds);
        builder.Ignore(k => k.IsRevoked);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Actor).HasMaxLength(120);
        builder.Property(a => a.Subject).HasMaxLength(120);
        builder.Property(a => a.Detail).HasMaxLength(AuditEntry.MaxTextLength);
        builder.Property(a => a.Before).HasMaxLength(AuditEntry.MaxTextLength);
        builder.Property(a => a.After).HasMaxLength(AuditEntry.MaxTextLength);
        builder.Property(a => a.TextKey).HasMaxLength(AuditEntry.MaxKeyLength);
        builder.Property(a => a.TextArguments).HasMaxLength(AuditEntry.MaxTextLength);
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.StoreId, a.At });
    }
}

internal sealed class TimePunchConfiguration : IEntityTypeConfiguration<TimePunch>
{
    public void Configure(EntityTypeBuilder<TimePunch> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Employee>().WithMany().HasForeignKey(p => p.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.EmployeeId, p.At });
    }
}

internal sealed class FraudAlertConfiguration : IEntityTypeConfiguration<FraudAlert>
{
    public void Configure(EntityTypeBuilder<FraudAlert> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Rule).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Explanation).HasMaxLength(1000);
        builder.Property(a => a.Events).HasMaxLength(4000);
        builder.Property(a => a.AcknowledgementNote).HasMaxLength(500);
        builder.Property(a => a.Observed).IsMoney();
        builder.Property(a => a.Threshold).IsMoney();
        builder.HasIndex(a => new { a.StoreId, a.Day, a.Rule, a.EmployeeId });
    }
}

internal sealed class StaffSettingConfiguration : IEntityTypeConfiguration<StaffSetting>
{
    public void Configure(EntityTypeBuilder<StaffSetting> builder)
    {
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(80);
        builder.Property(s => s.Value).IsMoney();
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.MaxKeyLength + 80);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.Property(r => r.Location).HasMaxLength(300);
    }
}
