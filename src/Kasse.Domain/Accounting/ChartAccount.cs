namespace Kasse.Domain.Accounting;

/// <summary>
/// One line of a chart of accounts: the account that receives amounts of a role, for one qualifier (a VAT code,
/// a card scheme) or, with no qualifier, for every qualifier not listed on its own.
/// </summary>
public sealed record ChartAccount(AccountRole Role, string? Qualifier, string Number, string Name)
{
    public const int MaxNumberLength = 20;
    public const int MaxNameLength = 80;
    public const int MaxQualifierLength = 40;

    public static ChartAccount Create(AccountRole role, string? qualifier, string? number, string? name)
    {
        if (!Enum.IsDefined(role))
            throw DomainException.Invalid(ChartErrors.Role, $"Unknown role; use one of {string.Join(", ", Enum.GetNames<AccountRole>())}.");
        var account = Text.Required(number, MaxNumberLength, "chart.number", $"The account number for {role}");
        if (!account.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            throw DomainException.Invalid(ChartErrors.Number, $"The account number for {role} may hold only letters, digits, '-' and '.'; got '{account}'.");
        return new ChartAccount(role, Text.Optional(qualifier, MaxQualifierLength, "chart.qualifier", "The qualifier"), account,
            Text.Required(name, MaxNameLength, "chart.name", $"The account name for {role} {account}"));
    }
}
