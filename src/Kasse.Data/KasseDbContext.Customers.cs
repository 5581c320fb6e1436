using Kasse.Domain.Customers;
using Kasse.Domain.GiftCards;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Data;

public sealed partial class KasseDbContext
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerGroup> CustomerGroups => Set<CustomerGroup>();
    public DbSet<LoyaltySettings> LoyaltySettings => Set<LoyaltySettings>();
    public DbSet<LoyaltyMovement> LoyaltyMovements => Set<LoyaltyMovement>();
    public DbSet<PendingLoyaltyReward> PendingLoyaltyRewards => Set<PendingLoyaltyReward>();
    public DbSet<GiftCard> GiftCards => Set<GiftCard>();
    public DbSet<GiftCardMovement> GiftCardMovements => Set<GiftCardMovement>();
}

/// <summary>A store's <see cref="LoyaltyRules"/>, kept as JSON: the rules are read and written whole.</summary>
public sealed class LoyaltySettings
{
    public Guid StoreId { get; set; }
    public string RulesJson { get; set; } = "";
}
