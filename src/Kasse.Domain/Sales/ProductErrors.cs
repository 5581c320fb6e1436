namespace Kasse.Domain.Sales;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ProductErrors
{
    public const string BarcodeTaken = "product.barcode-taken";
    public const string CodeUnknown = "product.code-unknown";
    public const string Id = "product.id";
    public const string Inactive = "product.inactive";
    public const string NotFound = "product.not-found";
    public const string SkuTaken = "product.sku-taken";
    public const string SkuUnknown = "product.sku-unknown";
}
