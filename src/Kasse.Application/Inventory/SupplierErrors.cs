namespace Kasse.Application.Inventory;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class SupplierErrors
{
    public const string Id = "supplier.id";
    public const string NameTaken = "supplier.name-taken";
    public const string NotFound = "supplier.not-found";
}
