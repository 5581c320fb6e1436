namespace Kasse.Domain.Staff;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class FraudAlertErrors
{
    public const string Acknowledged = "fraud-alert.acknowledged";
    public const string NotFound = "fraud-alert.not-found";
}
