namespace Kasse.Domain.Money;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class CashRoundingErrors
{
    public const string Increment = "cash-rounding.increment";
}
