namespace Kasse.Server.Ui.Till;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class SignInErrors
{
    public const string RateLimited = "sign-in.rate-limited";
}
