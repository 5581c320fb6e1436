namespace Kasse.Domain.Accounting;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ConnectorErrors
{
    public const string NotSet = "connector.not-set";
    public const string Token = "connector.token";
    public const string Url = "connector.url";
}
