namespace Kasse.Domain;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class RequestErrors
{
    public const string Page = "page";
    public const string Period = "period";
}
