namespace Kasse.Server.Security;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class CsrfErrors
{
    public const string CrossSite = "csrf.cross-site";
}
