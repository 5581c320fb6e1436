namespace Kasse.Domain.Accounting;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class AccountingErrors
{
    public const string ContributionUnbalanced = "accounting.contribution-unbalanced";
    public const string NoZReport = "accounting.no-z-report";
    public const string NotZ = "accounting.not-z";
    public const string PushRunning = "accounting.push-running";
    public const string Range = "accounting.range";
    public const string ZUnbalanced = "accounting.z-unbalanced";
}
