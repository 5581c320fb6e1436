namespace Kasse.Domain.Catalog;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class TileColorErrors
{
    public const string Invalid = "tile-color.invalid";
}
