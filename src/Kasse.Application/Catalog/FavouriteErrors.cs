namespace Kasse.Application.Catalog;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class FavouriteErrors
{
    public const string Duplicate = "favourite.duplicate";
    public const string TooMany = "favourite.too-many";
    public const string UnknownProduct = "favourite.unknown-product";
}
