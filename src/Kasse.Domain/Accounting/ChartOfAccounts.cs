namespace Kasse.Domain.Accounting;

/// <summary>
/// The accounts a shop books its days on. Every role has an account without a qualifier (the fallback), so a new
/// VAT code or card scheme is booked somewhere sensible until the bookkeeper gives it an account of its own.
/// </summary>
public sealed class ChartOfAccounts
{
    private ChartOfAccounts(IReadOnlyList<ChartAccount> accounts) => Accounts = accounts;

    public IReadOnlyList<ChartAccount> Accounts { get; }

    public static ChartOfAccounts Create(IEnumerable<ChartAccount> accounts)
    {
        var list = accounts.OrderBy(a => a.Role).ThenBy(a => a.Qualifier ?? "", StringComparer.OrdinalIgnoreCase).ToList();
        var twice = list.GroupBy(a => (a.Role, Qualifier: (a.Qualifier ?? "").ToUpperInvariant())).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw DomainException.Invalid(ChartErrors.Duplicate,
                $"{twice.Key.Role}{(twice.Key.Qualifier.Length == 0 ? "" : " " + twice.First().Qualifier)} is listed twice; give each role and qualifier one account.");
        var missing = Enum.GetValues<AccountRole>().Where(r => !list.Any(a => a.Role == r && a.Qualifier is null)).ToList();
        if (missing.Count > 0)
            throw DomainException.Invalid(ChartErrors.Missing,
                $"Every role needs an account without a qualifier (the fallback); missing: {string.Join(", ", missing)}.");
        return new ChartOfAccounts(list);
    }

    /// <summary>The account for a role and qualifier, or the role's fallback.</summary>
    public ChartAccount Resolve(AccountRole role, string? qualifier) =>
        (qualifier is null ? null : Accounts.FirstOrDefault(a => a.Role == role && string.Equals(a.Qualifier, qualifier, StringComparison.OrdinalIgnoreCase)))
        ?? Accounts.First(a => a.Role == role && a.Qualifier is null);

    /// <summary>
    /// A Danish default (docs/accounting.md says where the numbers come from): revenue on the public standard
    /// chart's 1010, the balance accounts in the conventional 5000–7000 range a bookkeeper remaps in one go.
    /// </summary>
    public static ChartOfAccounts DanishDefault() => Create(
    [
        new(AccountRole.Revenue, null, "1010", "Salg af varer og ydelser m/moms"),
        new(AccountRole.Revenue, "S", "1010", "Salg af varer og ydelser m/moms"),
        new(AccountRole.Revenue, "Z", "1020", "Salg af varer og ydelser, momsfrit"),
        new(AccountRole.CostOfGoodsSold, null, "1610", "Vareforbrug"),
        new(AccountRole.CashOverShort, null, "3690", "Kassedifferencer"),
        new(AccountRole.CashRounding, null, "3695", "Øredifferencer (kontantafrunding)"),
        new(AccountRole.LoyaltyRedemption, null, "3700", "Bonuspoint indløst (rabat)"),
        new(AccountRole.Inventory, null, "5500", "Varelager"),
        new(AccountRole.Cash, null, "5800", "Kasse"),
        new(AccountRole.PaymentCards, "Dankort", "5810", "Dankort-tilgodehavende (clearing)"),
        new(AccountRole.PaymentCards, null, "5815", "Kreditkort-tilgodehavende (clearing)"),
        new(AccountRole.MobilePay, null, "5820", "MobilePay-tilgodehavende (clearing)"),
        new(AccountRole.GiftCardLiability, null, "6800", "Gavekort, forpligtelse"),
        new(AccountRole.TipsPayable, null, "6810", "Skyldige drikkepenge"),
        new(AccountRole.OutputVat, null, "6900", "Salgsmoms (udgående moms)"),
    ]);
}
