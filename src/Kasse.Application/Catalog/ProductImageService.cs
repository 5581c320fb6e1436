using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Kasse.Application.Catalog;

/// <summary>A product's picture at one of the sizes the screens show, ready to send (always WebP).</summary>
public sealed record ProductPicture(byte[] Bytes, int Version)
{
    public const string ContentType = "image/webp";
}

/// <summary>
/// Product pictures: an upload (PNG, JPEG or WebP, at most <see cref="MaxBytes"/>) is recognised by its own first bytes
/// (never by the name or type the browser claims), decoded with a cap on its pixels, and kept only as the server's own
/// WebP re-encodings at <see cref="ProductImage.TilePixels"/> and <see cref="ProductImage.LargePixels"/>.
/// </summary>
public sealed class ProductImageService(KasseDbContext db)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>A small file can still claim a huge canvas; decoding one would take the server's memory.</summary>
    public const long MaxSourcePixels = 40_000_000;

    public static readonly IReadOnlyList<string> AcceptedTypes = ["image/png", "image/jpeg", "image/webp"];

    /// <summary>Refuses a file over <see cref="MaxBytes"/> before it is read at all.</summary>
    public static void CheckSize(long bytes)
    {
        if (bytes > MaxBytes)
            throw DomainException.Invalid(ProductImageErrors.TooBig,
                $"The picture is {bytes / 1024} KB; at most {MaxBytes / 1024 / 1024} MB is taken. Save it smaller and upload it again.");
    }

    public Task<ProductView> UploadAsync(Guid productId, string? contentType, byte[] bytes, CancellationToken ct)
    {
        var (tile, large) = Prepare(contentType, bytes);
        return db.InTransactionAsync(async () =>
        {
            var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct)
                ?? throw DomainException.NotFound(ProductErrors.NotFound, $"No product has id {productId}.");
            product.ImageUploaded();
            var version = product.ImageVersion!.Value;
            var image = await db.ProductImages.FirstOrDefaultAsync(i => i.ProductId == productId, ct);
            if (image is null)
                db.ProductImages.Add(new ProductImage(productId, version, tile, large));
            else
                image.Replace(version, tile, large);
            await db.SaveChangesAsync(ct);
            return ProductView.From(product);
        }, ct);
    }

    public Task<ProductView> RemoveAsync(Guid productId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == productId, ct)
            ?? throw DomainException.NotFound(ProductErrors.NotFound, $"No product has id {productId}.");
        product.ImageRemoved();
        await db.ProductImages.Where(i => i.ProductId == productId).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return ProductView.From(product);
    }, ct);

    /// <param name="pixels"><see cref="ProductImage.TilePixels"/> or <see cref="ProductImage.LargePixels"/>.</param>
    public async Task<ProductPicture> GetAsync(Guid productId, int pixels, CancellationToken ct)
    {
        if (pixels is not (ProductImage.TilePixels or ProductImage.LargePixels))
            throw DomainException.NotFound(ProductImageErrors.NotFound,
                $"Pictures come in {ProductImage.TilePixels} and {ProductImage.LargePixels} pixels; {pixels} is not one of them.");
        var picture = pixels == ProductImage.TilePixels
            ? await db.ProductImages.AsNoTracking().Where(i => i.ProductId == productId).Select(i => new ProductPicture(i.Tile, i.Version)).FirstOrDefaultAsync(ct)
            : await db.ProductImages.AsNoTracking().Where(i => i.ProductId == productId).Select(i => new ProductPicture(i.Large, i.Version)).FirstOrDefaultAsync(ct);
        return picture ?? throw DomainException.NotFound(ProductImageErrors.NotFound, $"Product {productId} has no picture.");
    }

    /// <summary>Checks the upload and makes the two sizes; throws a refusal the uploader can act on.</summary>
    public static (byte[] Tile, byte[] Large) Prepare(string? contentType, byte[] bytes)
    {
        if (bytes.Length == 0)
            throw DomainException.Invalid(ProductImageErrors.Empty, "The picture file is empty; choose a PNG, JPEG or WebP file.");
        CheckSize(bytes.Length);
        var sniffed = Sniff(bytes);
        var claimed = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (sniffed is null || (claimed is not null && claimed != "application/octet-stream" && claimed != sniffed))
            throw DomainException.Invalid(ProductImageErrors.Type,
                $"Only PNG, JPEG and WebP pictures are taken; this file is {claimed ?? "of an unknown type"}.");

        using var codec = SKCodec.Create(new SKMemoryStream(bytes))
            ?? throw DomainException.Invalid(ProductImageErrors.Unreadable, "The picture could not be read; it may be damaged. Save it again and upload it.");
        if ((long)codec.Info.Width * codec.Info.Height > MaxSourcePixels)
            throw DomainException.Invalid(ProductImageErrors.TooManyPixels,
                $"The picture is {codec.Info.Width}×{codec.Info.Height} pixels; at most {MaxSourcePixels / 1_000_000} megapixels are taken.");
        using var decoded = SKBitmap.Decode(codec, codec.Info.WithColorType(SKColorType.Rgba8888).WithAlphaType(SKAlphaType.Premul))
            ?? throw DomainException.Invalid(ProductImageErrors.Unreadable, "The picture could not be read; it may be damaged. Save it again and upload it.");
        using var upright = Upright(decoded, codec.EncodedOrigin);
        return (Encode(upright, ProductImage.TilePixels), Encode(upright, ProductImage.LargePixels));
    }

    /// <summary>The type the file's own first bytes say, or null for anything but PNG, JPEG and WebP.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
            return "image/png";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return "image/jpeg";
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
            return "image/webp";
        return null;
    }

    /// <summary>A phone's photo is stored sideways with a note to turn it; the tiles show it as it was taken.</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default)
            return source.Copy();
        var (degrees, swap) = origin switch
        {
            SKEncodedOrigin.BottomRight => (180, false),
            SKEncodedOrigin.RightTop => (90, true),
            SKEncodedOrigin.LeftBottom => (270, true),
            _ => (0, false),
        };
        var turned = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(turned);
        canvas.Translate(turned.Width / 2f, turned.Height / 2f);
        canvas.RotateDegrees(degrees);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        return turned;
    }

    private static byte[] Encode(SKBitmap source, int box)
    {
        var scale = Math.Min(1d, (double)box / Math.Max(source.Width, source.Height));
        var width = Math.Max(1, (int)Math.Round(source.Width * scale));
        var height = Math.Max(1, (int)Math.Round(source.Height * scale));
        using var resized = source.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw DomainException.Invalid(ProductImageErrors.Unreadable, "The picture could not be read; it may be damaged. Save it again and upload it.");
        using var image = SKImage.FromBitmap(resized);
        using var data = image.Encode(SKEncodedImageFormat.Webp, 82);
        return data.ToArray();
    }
}
