namespace Kasse.Server.Api;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class AuditErrors
{
    public const string Action = "audit.action";
}
