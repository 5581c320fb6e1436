namespace Kasse.Application.Staff;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ApiKeyErrors
{
    public const string NotFound = "api-key.not-found";
    public const string Role = "api-key.role";
}
