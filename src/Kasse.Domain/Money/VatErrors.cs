namespace Kasse.Domain.Money;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class VatErrors
{
    public const string Code = "vat.code";
    public const string Percent = "vat.percent";
}
