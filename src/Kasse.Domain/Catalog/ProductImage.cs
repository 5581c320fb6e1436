namespace Kasse.Domain.Catalog;

/// <summary>
/// A product's picture as the server keeps it: already decoded, checked and re-encoded (WebP) in the two sizes the screens
/// show, so a request never decodes an uploaded file and nothing the uploader sent is served back as it came.
/// </summary>
public sealed class ProductImage
{
    public const int TilePixels = 160;
    public const int LargePixels = 640;

    private ProductImage() { Tile = []; Large = []; }

    public ProductImage(Guid productId, int version, byte[] tile, byte[] large)
    {
        ProductId = productId;
        Replace(version, tile, large);
    }

    public Guid ProductId { get; private set; }
    public int Version { get; private set; }
    public byte[] Tile { get; private set; }
    public byte[] Large { get; private set; }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Tile), nameof(Large))]
    public void Replace(int version, byte[] tile, byte[] large)
    {
        Version = version;
        Tile = tile;
        Large = large;
    }
}

/// <summary>One product on the till's "Favourites" tab, at its place (0 first) as the manager arranged them.</summary>
public sealed class FavouriteProduct
{
    private FavouriteProduct() { }

    public FavouriteProduct(Guid productId, int position)
    {
        ProductId = productId;
        Position = position;
    }

    public Guid ProductId { get; private set; }
    public int Position { get; private set; }
}
