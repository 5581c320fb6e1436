namespace Kasse.Domain.Staff;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class EmployeeErrors
{
    public const string LockedOut = "employee.locked-out";
    public const string NotFound = "employee.not-found";
    public const string Password = "employee.password";
    public const string Pin = "employee.pin";
    public const string Role = "employee.role";
    public const string RoleAboveYours = "employee.role-above-yours";
    public const string SignInFailed = "employee.sign-in-failed";
    public const string Stores = "employee.stores";
    public const string UserName = "employee.user-name";
}
