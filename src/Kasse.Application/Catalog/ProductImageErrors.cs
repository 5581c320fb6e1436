namespace Kasse.Application.Catalog;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ProductImageErrors
{
    public const string Empty = "product-image.empty";
    public const string NotFound = "product-image.not-found";
    public const string TooBig = "product-image.too-big";
    public const string TooManyPixels = "product-image.too-many-pixels";
    public const string Type = "product-image.type";
    public const string Unreadable = "product-image.unreadable";
}
