using Kasse.Domain.Catalog;

namespace Kasse.Application.Catalog;

/// <param name="Color">The category's own tile colour (#rrggbb), or null for the till's palette (see <see cref="CategoryColor.Shown"/>).</param>
public sealed record CategoryView(Guid Id, string Name, int SortOrder, string? Color = null)
{
    public static CategoryView From(Category c) => new(c.Id, c.Name, c.SortOrder, c.Color);
}

public sealed record ProductView(Guid Id, string Sku, string Name, decimal Price, decimal VatPercent, Unit Unit, Guid? CategoryId,
    decimal? CostPrice, bool IsActive, IReadOnlyList<string> Barcodes, int? ImageVersion = null)
{
    public static ProductView From(Product p) => new(p.Id, p.Sku, p.Name, p.Price, p.VatPercent, p.Unit, p.CategoryId, p.CostPrice,
        p.IsActive, p.Barcodes.Select(b => b.Code).ToList(), p.ImageVersion);

    /// <summary>
    /// The picture's address for the screens at <paramref name="pixels"/> (160 or 640), or null without one; its version makes
    /// it cacheable for ever. (The API's own is <c>/api/v1/products/{id}/image/{pixels}</c>, behind a key or session.)
    /// </summary>
    public string? ImageUrl(int pixels = ProductImage.TilePixels) =>
        ImageVersion is { } version ? $"/ui/product-images/{Id}/{pixels}?v={version}" : null;
}

public sealed record SaveProduct(string Sku, string Name, decimal Price, decimal VatPercent, Unit Unit, Guid? CategoryId,
    decimal? CostPrice, IReadOnlyList<string>? Barcodes, bool IsActive = true);

/// <param name="Total">How many products match, counted up to <see cref="CatalogService.MaxCount"/>.</param>
/// <param name="TotalCapped">True when more products match than <paramref name="Total"/> (show it as "1000+").</param>
public sealed record ProductPage(IReadOnlyList<ProductView> Items, int Total, int Skip, int Take, bool TotalCapped = false);

/// <summary>What a scan would put on a sale: the product and, for a variable-measure label, the price or weight in it.</summary>
public sealed record BarcodeLookup(string Barcode, ProductView Product, VariableMeasureKind? EmbeddedKind, decimal? EmbeddedValue);
