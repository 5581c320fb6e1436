using Kasse.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Data;

public sealed partial class KasseDbContext
{
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
}
