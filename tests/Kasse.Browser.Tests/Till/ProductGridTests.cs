using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Browser.Tests.BackOffice;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using SkiaSharp;

namespace Kasse.Browser.Tests.Till;

/// <summary>
/// The till's product grid: tiles with two-line names and the price at the foot, each category's colour, product
/// pictures uploaded in the back office, and the Favourites tab the manager arranges (the till's first tab).
/// </summary>
public abstract class ProductGridTests(BrowserServer server)
{
    [Fact]
    public async Task The_manager_arranges_favourites_and_the_till_opens_on_them_with_coloured_pictured_tiles()
    {
        var n = Guid.NewGuid().ToString("N")[..6];
        var category = await server.UseAsync<CatalogService, CategoryView>(c => c.CreateCategoryAsync(Guid.CreateVersion7(), "Saft " + n, 90, CancellationToken.None));
        await server.UseAsync<CatalogService, CategoryView>(c => c.SetCategoryColorAsync(category.Id, "#fde7c7", CancellationToken.None));
        var longBarcode = Ean.Fresh();
        var longName = await NewProductAsync("Økologisk hyldeblomstsaft med citron og ingefær " + n, 34.50m, category.Id, longBarcode);
        var pictured = await NewProductAsync("Æblemost " + n, 22.00m, category.Id, Ean.Fresh());
        await server.UseAsync<ProductImageService, ProductView>(s => s.UploadAsync(pictured.Id, "image/png", Picture(800, 600), CancellationToken.None));
        try
        {
            // The back office: a scanned barcode adds the first, a typed name the second; the second is moved up.
            var office = await server.NewBackOfficePageAsync();
            await office.GotoInteractiveAsync("/backoffice/favourites");
            await office.GetByTestId("product-picker").FillAsync(longBarcode);
            await office.GetByTestId("product-picker").PressAsync("Enter");
            await Assertions.Expect(office.GetByTestId("favourite")).ToHaveCountAsync(1);
            await office.GetByTestId("product-picker").FillAsync(pictured.Name);
            await office.GetByTestId("product-picker").PressAsync("Enter");
            await Assertions.Expect(office.GetByTestId("favourite")).ToHaveCountAsync(2);
            await office.GetByTestId("move-up").Nth(1).ClickAsync();
            await Assertions.Expect(office.GetByTestId("favourite").First).ToHaveAttributeAsync("data-sku", pictured.Sku);
            await Artifacts.ScreenshotAsync(office, "backoffice-favourites");

            var register = await server.NewRegisterAsync($"Kasse {server.Provider} fliser {n}");
            var till = new TillPage(await server.NewPageAsync(1280, 800), register.Id);
            var page = till.Page;
            await till.OpenAsync();
            await till.SignInAsync();

            await Assertions.Expect(page.GetByTestId("favourites-tab")).ToHaveAttributeAsync("aria-selected", "true");
            var tiles = page.Locator("[data-testid=products] .product");
            await Assertions.Expect(tiles).ToHaveCountAsync(2);
            await Assertions.Expect(tiles.First).ToHaveAttributeAsync("data-sku", pictured.Sku);
            var image = tiles.First.GetByTestId("product-image");
            await Assertions.Expect(image).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("img => img.complete && img.naturalWidth > 0", await image.ElementHandleAsync());
            var tile = await TileAsync(page, longName.Sku);
            await Artifacts.ScreenshotAsync(page, "till-favourites");

            Assert.Equal(160, await image.EvaluateAsync<int>("img => img.naturalWidth"));
            Assert.True(tile.NameLines <= 2.05, $"the name takes {tile.NameLines:0.##} lines");
            Assert.True(tile.NameClipped, "a name longer than two lines ends clipped (with an ellipsis), not spilling out of the tile");
            Assert.Equal(("da", "auto", "normal"), (tile.Lang, tile.Hyphens, tile.OverflowWrap));
            Assert.True(tile.PriceGap is >= 0 and <= 14, $"the price sits {tile.PriceGap} px above the tile's foot");
            Assert.Equal("rgb(253, 231, 199)", tile.Background);

            await page.Locator($"[data-sku='{longName.Sku}']").ClickAsync();
            await Assertions.Expect(till.CartLines).ToHaveCountAsync(1);
            await page.GetByTestId("all-tab").ClickAsync();
            await Assertions.Expect(page.GetByTestId("all-tab")).ToHaveAttributeAsync("aria-selected", "true");
        }
        finally
        {
            // The other tests' tills open on All.
            await server.UseAsync<FavouriteService, IReadOnlyList<ProductView>>(f => f.SetAsync([], CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_picture_is_uploaded_on_the_product_page_and_a_wrong_file_is_refused_in_Danish()
    {
        var product = await NewProductAsync("Rugboller " + Guid.NewGuid().ToString("N")[..6], 5.00m, null, Ean.Fresh());
        var page = await server.NewBackOfficePageAsync();
        await page.GotoInteractiveAsync($"/backoffice/products/{product.Id}");
        await Assertions.Expect(page.GetByTestId("no-picture")).ToBeVisibleAsync();

        await page.GetByTestId("picture-file").SetInputFilesAsync(new FilePayload { Name = "bolle.gif", MimeType = "image/gif", Buffer = [.. "GIF89a"u8, .. new byte[32]] });
        await Assertions.Expect(page.GetByTestId("error")).ToContainTextAsync("Kun PNG-, JPEG- og WebP-billeder");

        await page.GetByTestId("picture-file").SetInputFilesAsync(new FilePayload { Name = "bolle.png", MimeType = "image/png", Buffer = Picture(400, 300) });
        await Assertions.Expect(page.GetByTestId("picture-preview")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, "backoffice-product-picture");
        var stored = await server.UseAsync<CatalogService, ProductView>(c => c.GetProductAsync(product.Id, CancellationToken.None));
        Assert.Equal(1, stored.ImageVersion);
    }

    private Task<ProductView> NewProductAsync(string name, decimal price, Guid? categoryId, string barcode) =>
        server.UseAsync<CatalogService, ProductView>(c => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("G-" + barcode, name, price, 25m, Unit.Piece, categoryId, null, [barcode]), CancellationToken.None));

    private sealed record Tile(double NameLines, bool NameClipped, string Lang, string Hyphens, string OverflowWrap, double PriceGap, string Background);

    private static async Task<Tile> TileAsync(IPage page, string sku)
    {
        var found = await page.EvaluateAsync<string[]>("""
            sku => {
                const tile = document.querySelector(`[data-testid=products] [data-sku='${sku}']`);
                const name = tile.querySelector('.name'), price = tile.querySelector('.price');
                const style = getComputedStyle(name), lineHeight = parseFloat(style.lineHeight);
                const t = tile.getBoundingClientRect(), p = price.getBoundingClientRect();
                return [String(name.getBoundingClientRect().height / lineHeight), String(name.scrollHeight > name.clientHeight + 1),
                    tile.closest('[lang]').getAttribute('lang'), style.hyphens, style.overflowWrap, String(t.bottom - p.bottom), getComputedStyle(tile).backgroundColor];
            }
            """, sku);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return new Tile(double.Parse(found[0], invariant), found[1] == "true", found[2], found[3], found[4], double.Parse(found[5], invariant), found[6]);
    }

    /// <summary>A real PNG of the size asked.</summary>
    internal static byte[] Picture(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        using (var paint = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(width, height), [SKColors.Goldenrod, SKColors.SeaGreen], SKShaderTileMode.Clamp) })
            canvas.DrawRect(0, 0, width, height, paint);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 90);
        return data.ToArray();
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteProductGridTests(SqliteBrowserServer server) : ProductGridTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresProductGridTests(PostgresBrowserServer server) : ProductGridTests(server);
