using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kasse.Application.Catalog;
using Kasse.Server.Tests.Api;
using Kasse.Server.Tests.Infrastructure;
using SkiaSharp;

namespace Kasse.Server.Tests.Catalog;

/// <summary>
/// Product pictures through the API as the back office stores them: checked by their own bytes, kept as WebP at the
/// till's tile size and a larger one, served with caching headers; every bad upload a problem+json the uploader can act on.
/// Also the till's Favourites tab and the categories' tile colours.
/// </summary>
public abstract class ProductPictureTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task A_png_is_stored_as_webp_tiles_and_served_resized_with_caching_headers_to_the_till_without_a_session()
    {
        var product = await _api.NewProductAsync(19.95m, name: "Rugbrød, groft");

        var uploaded = await KasseClient.Read<ProductView>(await UploadAsync(product.Id, Picture(800, 600, SKEncodedImageFormat.Png), "image/png"));
        var tile = await server.AnonymousClient().Http.GetAsync(uploaded.ImageUrl(160)); // the till's tiles load it with no API session
        var tileBytes = await tile.Content.ReadAsByteArrayAsync();
        var large = await _api.Http.GetAsync($"/api/v1/products/{product.Id}/image/640?v={uploaded.ImageVersion}"); // the API's own address
        using var again = new HttpRequestMessage(HttpMethod.Get, uploaded.ImageUrl(160));
        again.Headers.IfNoneMatch.Add(tile.Headers.ETag!);
        var unchanged = await _api.Http.SendAsync(again);

        Assert.Equal(1, uploaded.ImageVersion);
        Assert.Equal(HttpStatusCode.OK, tile.StatusCode);
        Assert.Equal("image/webp", tile.Content.Headers.ContentType?.MediaType);
        Assert.True(tile.Headers.CacheControl is { MaxAge: not null, Public: true }, $"Cache-Control: {tile.Headers.CacheControl}");
        Assert.Contains("immutable", tile.Headers.CacheControl!.ToString());
        Assert.Equal((160, 120), Size(tileBytes));
        Assert.Equal((640, 480), Size(await large.Content.ReadAsByteArrayAsync()));
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    [Fact]
    public async Task A_new_picture_gets_a_new_address_and_a_removed_one_is_gone()
    {
        var product = await _api.NewProductAsync(12m, name: "Kanelsnegl");
        var first = await KasseClient.Read<ProductView>(await UploadAsync(product.Id, Picture(300, 300, SKEncodedImageFormat.Jpeg), "image/jpeg"));
        var second = await KasseClient.Read<ProductView>(await UploadAsync(product.Id, Picture(200, 400, SKEncodedImageFormat.Webp), "image/webp"));

        var shown = await _api.Http.GetByteArrayAsync(second.ImageUrl(160));
        var removed = await KasseClient.Read<ProductView>(await _api.Http.DeleteAsync($"/api/v1/products/{product.Id}/image"));

        Assert.NotEqual(first.ImageUrl(160), second.ImageUrl(160));
        Assert.Equal((80, 160), Size(shown));
        Assert.Null(removed.ImageVersion);
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/products/{product.Id}/image/160"), HttpStatusCode.NotFound, ProductImageErrors.NotFound);
    }

    [Fact]
    public async Task A_file_that_is_not_a_png_jpeg_or_webp_is_refused_by_its_bytes_whatever_it_claims()
    {
        var product = await _api.NewProductAsync(10m);
        var gif = "GIF89a"u8.ToArray().Concat(new byte[64]).ToArray();
        var text = "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray();
        var png = Picture(50, 50, SKEncodedImageFormat.Png);

        await Refusal.Expect(await UploadAsync(product.Id, gif, "image/gif"), HttpStatusCode.BadRequest, ProductImageErrors.Type);
        await Refusal.Expect(await UploadAsync(product.Id, text, "image/png"), HttpStatusCode.BadRequest, ProductImageErrors.Type);
        await Refusal.Expect(await UploadAsync(product.Id, png, "image/jpeg"), HttpStatusCode.BadRequest, ProductImageErrors.Type);
        await Refusal.Expect(await UploadAsync(product.Id, [.. png.Take(40)], "image/png"), HttpStatusCode.BadRequest, ProductImageErrors.Unreadable);
        await Refusal.Expect(await UploadAsync(product.Id, [], "image/png"), HttpStatusCode.BadRequest, ProductImageErrors.Empty);

        var unchanged = await KasseClient.Read<ProductView>(await _api.Http.GetAsync($"/api/v1/products/{product.Id}"));
        Assert.Null(unchanged.ImageVersion);
    }

    [Fact]
    public async Task A_picture_over_five_megabytes_is_refused_before_it_is_read()
    {
        var product = await _api.NewProductAsync(10m);
        var tooBig = new byte[ProductImageService.MaxBytes + 1];
        Picture(10, 10, SKEncodedImageFormat.Png).CopyTo(tooBig, 0);

        var problem = await Refusal.Expect(await UploadAsync(product.Id, tooBig, "image/png", expectContinue: true), HttpStatusCode.BadRequest, ProductImageErrors.TooBig);

        Assert.Contains("5 MB", problem.Detail());
    }

    [Fact]
    public async Task The_favourites_keep_the_managers_order_and_refuse_unknown_or_repeated_products()
    {
        var a = await _api.NewProductAsync(10m, name: "Kaffe, stor");
        var b = await _api.NewProductAsync(12m, name: "Croissant");

        var saved = await KasseClient.Read<List<ProductView>>(await _api.Http.PutAsJsonAsync("/api/v1/favourites", new { productIds = new[] { b.Id, a.Id } }));
        var listed = await KasseClient.Read<List<ProductView>>(await _api.Http.GetAsync("/api/v1/favourites"));

        Assert.Equal([b.Id, a.Id], saved.Select(p => p.Id));
        Assert.Equal([b.Id, a.Id], listed.Select(p => p.Id));
        await Refusal.Expect(await _api.Http.PutAsJsonAsync("/api/v1/favourites", new { productIds = new[] { a.Id, a.Id } }), HttpStatusCode.BadRequest, FavouriteErrors.Duplicate);
        await Refusal.Expect(await _api.Http.PutAsJsonAsync("/api/v1/favourites", new { productIds = new[] { Guid.CreateVersion7() } }), HttpStatusCode.NotFound, FavouriteErrors.UnknownProduct);
        await _api.Http.PutAsJsonAsync("/api/v1/favourites", new { productIds = Array.Empty<Guid>() });
    }

    [Fact]
    public async Task A_category_takes_a_tile_colour_and_refuses_anything_but_rrggbb()
    {
        var category = await KasseClient.Read<CategoryView>(await _api.PostAsync("/api/v1/categories", new { id = Guid.CreateVersion7(), name = $"Bageri {server.NextNumber()}" }));

        var coloured = await KasseClient.Read<CategoryView>(await _api.Http.PutAsJsonAsync($"/api/v1/categories/{category.Id}/color", new { color = "#FDE7C7" }));
        await Refusal.Expect(await _api.Http.PutAsJsonAsync($"/api/v1/categories/{category.Id}/color", new { color = "red" }), HttpStatusCode.BadRequest, Kasse.Domain.Catalog.TileColorErrors.Invalid);
        var reset = await KasseClient.Read<CategoryView>(await _api.Http.PutAsJsonAsync($"/api/v1/categories/{category.Id}/color", new { color = (string?)null }));

        Assert.Equal("#fde7c7", coloured.Color);
        Assert.Null(reset.Color);
    }

    private async Task<HttpResponseMessage> UploadAsync(Guid productId, byte[] bytes, string contentType, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/products/{productId}/image") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (expectContinue)
            request.Headers.ExpectContinue = true;
        return await _api.Http.SendAsync(request);
    }

    /// <summary>A real picture of the size asked: a gradient, so the encoders have something to encode.</summary>
    internal static byte[] Picture(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Goldenrod, SKColors.SeaGreen], SKShaderTileMode.Clamp) })
            canvas.DrawRect(0, 0, width, height, paint);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static (int Width, int Height) Size(byte[] webp)
    {
        using var codec = SKCodec.Create(new SKMemoryStream(webp));
        Assert.Equal(SKEncodedImageFormat.Webp, codec.EncodedFormat);
        return (codec.Info.Width, codec.Info.Height);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ProductPictureOnSqlite(SqliteServer server) : ProductPictureTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ProductPictureOnPostgres(PostgresServer server) : ProductPictureTests(server);
