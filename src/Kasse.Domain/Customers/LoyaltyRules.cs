using System.Globalization;

namespace Kasse.Domain.Customers;

public sealed record CategoryPointsRate(Guid CategoryId, decimal PointsPerKrone);

/// <summary>A tier reached when a customer's lifetime points pass <see cref="Threshold"/>; earning is multiplied.</summary>
public sealed record LoyaltyTier(string Name, long Threshold, decimal Multiplier);

/// <summary>"Every 10th coffee free": one stamp per piece of the listed products or categories; the reward is one free piece.</summary>
public sealed record StampCardRule(Guid Id, string Name, IReadOnlyList<Guid> ProductIds, IReadOnlyList<Guid> CategoryIds, int StampsForReward)
{
    public bool Matches(Guid? productId, Guid? categoryId) =>
        (productId is { } p && ProductIds.Contains(p)) || (categoryId is { } c && CategoryIds.Contains(c));
}

/// <summary>A store's loyalty programme: how points are earned, what they are worth, the tiers and the stamp cards.</summary>
public sealed record LoyaltyRules(bool Enabled, decimal PointsPerKrone, decimal PointValue, IReadOnlyList<CategoryPointsRate> CategoryRates,
    IReadOnlyList<LoyaltyTier> Tiers, IReadOnlyList<StampCardRule> StampCards)
{
    public const decimal MaxRate = 100m;

    public static readonly LoyaltyRules Off = new(false, 1m, 0.10m, [], [], []);

    public LoyaltyRules Validated()
    {
        EnsureRate(PointsPerKrone, "loyalty.rate", "Points per krone");
        if (PointValue <= 0m || PointValue > 100m || decimal.Round(PointValue, 2) != PointValue)
            throw DomainException.Invalid(LoyaltyErrors.PointValue, "A point's value must be above 0 and at most 100 kr, in whole øre (e.g. 0.10).");
        foreach (var rate in CategoryRates)
            EnsureRate(rate.PointsPerKrone, "loyalty.category-rate", "A category's points per krone");
        if (CategoryRates.GroupBy(r => r.CategoryId).Any(g => g.Count() > 1))
            throw DomainException.Invalid(LoyaltyErrors.CategoryRate, "A category can have only one rate.");
        foreach (var tier in Tiers)
        {
            Text.Required(tier.Name, 40, "loyalty.tier", "A tier's name");
            if (tier.Threshold < 0 || tier.Multiplier is < 1m or > 10m)
                throw DomainException.Invalid(LoyaltyErrors.Tier, $"Tier '{tier.Name}': the threshold must be 0 or more and the multiplier between 1 and 10.");
        }
        if (Tiers.GroupBy(t => t.Threshold).Any(g => g.Count() > 1))
            throw DomainException.Invalid(LoyaltyErrors.Tier, "Two tiers have the same threshold.");
        foreach (var card in StampCards)
        {
            Text.Required(card.Name, 60, "loyalty.stamp-card", "A stamp card's name");
            if (card.Id == Guid.Empty || card.StampsForReward is < 2 or > 100)
                throw DomainException.Invalid(LoyaltyErrors.StampCard, $"Stamp card '{card.Name}' needs an id and 2–100 stamps for its reward.");
            if (card.ProductIds.Count + card.CategoryIds.Count == 0)
                throw DomainException.Invalid(LoyaltyErrors.StampCard, $"Stamp card '{card.Name}' must list the products or categories that earn a stamp.");
        }
        if (StampCards.GroupBy(c => c.Id).Any(g => g.Count() > 1))
            throw DomainException.Invalid(LoyaltyErrors.StampCard, "Two stamp cards have the same id.");
        return this with { Tiers = Tiers.OrderBy(t => t.Threshold).ToList() };
    }

    public decimal RateFor(Guid? categoryId) =>
        categoryId is { } id && CategoryRates.FirstOrDefault(r => r.CategoryId == id) is { } rate ? rate.PointsPerKrone : PointsPerKrone;

    public LoyaltyTier? TierFor(long lifetimePoints) => Tiers.LastOrDefault(t => lifetimePoints >= t.Threshold);

    /// <summary>How many points pay <paramref name="amount"/>: rounded up, so points never pay more than they are worth.</summary>
    public long PointsFor(decimal amount) => (long)Math.Ceiling(amount / PointValue);

    public StampCardRule StampCard(Guid id) =>
        StampCards.FirstOrDefault(c => c.Id == id) ?? throw DomainException.NotFound(LoyaltyErrors.StampCardNotFound, $"The store has no stamp card {id}.");

    private static void EnsureRate(decimal rate, string code, string what)
    {
        if (rate < 0m || rate > MaxRate || decimal.Round(rate, 4) != rate)
            throw DomainException.Invalid(code, $"{what} must be between 0 and {MaxRate.ToString(CultureInfo.InvariantCulture)} with at most four decimals.");
    }
}
