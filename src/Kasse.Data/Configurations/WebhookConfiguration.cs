using Kasse.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kasse.Data.Configurations;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> builder)
    {
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.Url).HasMaxLength(WebhookSubscription.MaxUrlLength);
        builder.Property(w => w.Secret).HasMaxLength(WebhookSubscription.MaxStoredSecretLength);
        builder.Property(w => w.EventTypes).HasMaxLength(500);
        builder.Property(w => w.CreatedBy).HasMaxLength(120);
        builder.Ignore(w => w.Events);
        builder.Ignore(w => w.IsDeleted);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.EventType).HasMaxLength(80);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
        builder.HasOne<WebhookSubscription>().WithMany().HasForeignKey(m => m.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(m => m.IsPending);
        // The worker asks for pending messages that are due, oldest first.
        builder.HasIndex(m => new { m.DeliveredAt, m.GaveUpAt, m.NextAttemptAt });
        builder.HasIndex(m => new { m.SubscriptionId, m.CreatedAt });
    }
}
