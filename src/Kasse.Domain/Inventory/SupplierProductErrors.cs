namespace Kasse.Domain.Inventory;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class SupplierProductErrors
{
    public const string Cost = "supplier-product.cost";
    public const string LeadTime = "supplier-product.lead-time";
    public const string NotFound = "supplier-product.not-found";
}
