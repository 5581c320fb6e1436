namespace Kasse.Application.Inventory;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class LocationErrors
{
    public const string Id = "location.id";
    public const string NameTaken = "location.name-taken";
    public const string NotFound = "location.not-found";
    public const string OtherStore = "location.other-store";
}
