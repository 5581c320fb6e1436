namespace Kasse.Domain.Sales;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class RegisterErrors
{
    public const string NameTaken = "register.name-taken";
    public const string NotFound = "register.not-found";
    public const string OtherStore = "register.other-store";
}
