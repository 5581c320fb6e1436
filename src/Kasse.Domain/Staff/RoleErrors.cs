namespace Kasse.Domain.Staff;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class RoleErrors
{
    public const string BuiltIn = "role.built-in";
    public const string Exists = "role.exists";
    public const string InUse = "role.in-use";
    public const string Name = "role.name";
    public const string NotFound = "role.not-found";
    public const string OwnerFixed = "role.owner-fixed";
}
