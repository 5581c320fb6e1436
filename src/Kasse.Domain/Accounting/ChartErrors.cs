namespace Kasse.Domain.Accounting;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ChartErrors
{
    public const string Accounts = "chart.accounts";
    public const string Duplicate = "chart.duplicate";
    public const string Missing = "chart.missing";
    public const string Number = "chart.number";
    public const string Role = "chart.role";
}
