namespace Kasse.Application.Payments;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class MobilePayErrors
{
    public const string Unreachable = "mobilepay.unreachable";
}
