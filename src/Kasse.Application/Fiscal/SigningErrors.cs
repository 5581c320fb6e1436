namespace Kasse.Application.Fiscal;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class SigningErrors
{
    public const string KeyRingMissing = "signing.key-ring-missing";
}
