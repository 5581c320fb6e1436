using Kasse.Server.Security;
using Kasse.Domain.Staff;
using Kasse.Application.Catalog;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class CatalogEndpoints
{
    public sealed record CreateCategoryRequest(Guid Id, string Name, int SortOrder = 0);

    public sealed record ProductRequest(string Sku, string Name, decimal Price, decimal VatPercent, Unit Unit = Unit.Piece,
        Guid? CategoryId = null, decimal? CostPrice = null, IReadOnlyList<string>? Barcodes = null, bool IsActive = true)
    {
        public SaveProduct ToCommand() => new(Sku, Name, Price, VatPercent, Unit, CategoryId, CostPrice, Barcodes, IsActive);
    }

    public sealed record CreateProductRequest(Guid Id, string Sku, string Name, decimal Price, decimal VatPercent, Unit Unit = Unit.Piece,
        Guid? CategoryId = null, decimal? CostPrice = null, IReadOnlyList<string>? Barcodes = null);

    public sealed record CategoryColorRequest(string? Color);

    public sealed record FavouritesRequest(IReadOnlyList<Guid> ProductIds);

    public sealed record PriceCheckRequest(string Barcode, Guid? EmployeeId = null);

    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder api)
    {
        var categories = api.MapGroup("/categories").WithTags("Catalogue");
        categories.MapGet("/", ListCategories).RequirePermission(Permission.Browse).WithSummary("All categories in display order");
        categories.MapPost("/", CreateCategory).RequirePermission(Permission.EditProducts).WithSummary("Create a category (idempotent by id)");
        categories.MapPut("/{categoryId:guid}/color", SetCategoryColor).RequirePermission(Permission.EditProducts)
            .WithSummary("The category's tile colour on the till (#rrggbb; null for the default palette)");

        var products = api.MapGroup("/products").WithTags("Catalogue");
        products.MapGet("/", SearchProducts).RequirePermission(Permission.Browse).WithSummary("Search active products by name, SKU or barcode (?q=æbl&categoryId=&skip=&take=)");
        products.MapPost("/", CreateProduct).RequirePermission(Permission.EditProducts).WithSummary("Create a product (idempotent by id)");
        products.MapGet("/{productId:guid}", GetProduct).RequirePermission(Permission.Browse).WithSummary("One product");
        products.MapPut("/{productId:guid}", UpdateProduct).RequirePermission(Permission.EditProducts).WithSummary("Change a product: price, name, barcodes, active …");
        products.MapPut("/{productId:guid}/image", UploadImage).RequirePermission(Permission.EditProducts).DisableAntiforgery()
            .WithSummary("The product's picture: the request body is a PNG, JPEG or WebP file (at most 5 MB) with its Content-Type");
        products.MapDelete("/{productId:guid}/image", RemoveImage).RequirePermission(Permission.EditProducts).WithSummary("Take the product's picture away");
        products.MapGet("/{productId:guid}/image/{pixels:int}", GetImage).RequirePermission(Permission.Browse)
            .WithSummary("The product's picture as WebP, 160 (a till tile) or 640 pixels; cacheable for a year under ?v={imageVersion}");

        var favourites = api.MapGroup("/favourites").WithTags("Catalogue");
        favourites.MapGet("/", ListFavourites).RequirePermission(Permission.Browse).WithSummary("The till's Favourites tab, in the manager's order");
        favourites.MapPut("/", SetFavourites).RequirePermission(Permission.EditProducts).WithSummary("Replace the favourites with these products, in this order");

        api.MapGet("/stores/{storeId:guid}/barcodes/{code}", LookUpBarcode).WithTags("Catalogue").RequirePermission(Permission.Browse)
            .WithSummary("Look up a scanned code as the store's till would read it (EAN-13/EAN-8/UPC-A or a GS1 20–29 label)");
        api.MapPost("/registers/{registerId:guid}/price-checks", PriceCheck).WithTags("Catalogue").RequirePermission(Permission.Sell)
            .WithSummary("A customer's price check at the till: the product for a scanned code, journaled as a price look-up");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<CategoryView>>> ListCategories(CatalogService catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.ListCategoriesAsync(ct));

    private static async Task<Created<CategoryView>> CreateCategory(CreateCategoryRequest request, CatalogService catalog, CancellationToken ct)
    {
        var category = await catalog.CreateCategoryAsync(request.Id, request.Name, request.SortOrder, ct);
        return TypedResults.Created($"/api/v1/categories/{category.Id}", category);
    }

    private static async Task<Ok<CategoryView>> SetCategoryColor(Guid categoryId, CategoryColorRequest request, CatalogService catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.SetCategoryColorAsync(categoryId, request.Color, ct));

    private static async Task<Ok<ProductView>> UploadImage(Guid productId, HttpRequest request, ProductImageService images, CancellationToken ct)
    {
        ProductImageService.CheckSize(request.ContentLength ?? 0);
        var bytes = await ReadAtMostAsync(request.Body, ProductImageService.MaxBytes + 1, ct);
        return TypedResults.Ok(await images.UploadAsync(productId, request.ContentType, bytes, ct));
    }

    /// <summary>Reads the body, stopping one byte past the limit so a body without a length cannot fill the memory.</summary>
    private static async Task<byte[]> ReadAtMostAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }

    private static async Task<Ok<ProductView>> RemoveImage(Guid productId, ProductImageService images, CancellationToken ct) =>
        TypedResults.Ok(await images.RemoveAsync(productId, ct));

    private static Task<IResult> GetImage(Guid productId, int pixels, HttpContext context, ProductImageService images, CancellationToken ct) =>
        ServeImageAsync(productId, pixels, context, images, ct);

    /// <summary>The picture with its caching headers; also what the till's tiles load (<c>/ui/product-images/…</c>).</summary>
    public static async Task<IResult> ServeImageAsync(Guid productId, int pixels, HttpContext context, ProductImageService images, CancellationToken ct)
    {
        var picture = await images.GetAsync(productId, pixels, ct);
        var tag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{productId:N}-{picture.Version}-{pixels}\"");
        // The address carries the version (?v=), so a new picture has a new address: the browser keeps this one for a year.
        // Public: a product's picture is what the shop shows its customers, no secret, so a shop's proxy may keep it too.
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        context.Response.Headers.ETag = tag.ToString();
        if (context.Request.Headers.IfNoneMatch.Any(v => v == tag.ToString()))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.File(picture.Bytes, ProductPicture.ContentType);
    }

    private static async Task<Ok<IReadOnlyList<ProductView>>> ListFavourites(FavouriteService favourites, CancellationToken ct) =>
        TypedResults.Ok(await favourites.ListAsync(activeOnly: true, ct));

    private static async Task<Ok<IReadOnlyList<ProductView>>> SetFavourites(FavouritesRequest request, FavouriteService favourites, CancellationToken ct) =>
        TypedResults.Ok(await favourites.SetAsync(request.ProductIds ?? [], ct));

    private static async Task<Ok<ProductPage>> SearchProducts(string? q, Guid? categoryId, int? skip, int? take, CatalogService catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.SearchAsync(q, categoryId, skip ?? 0, take ?? 50, ct));

    private static async Task<Created<ProductView>> CreateProduct(CreateProductRequest request, CatalogService catalog, CancellationToken ct)
    {
        if (request.Id == Guid.Empty)
            throw DomainException.Invalid(ProductErrors.Id, "Give the product an id (a new UUID).");
        var product = await catalog.CreateProductAsync(request.Id,
            new SaveProduct(request.Sku, request.Name, request.Price, request.VatPercent, request.Unit, request.CategoryId, request.CostPrice, request.Barcodes), ct);
        return TypedResults.Created($"/api/v1/products/{product.Id}", product);
    }

    private static async Task<Ok<ProductView>> GetProduct(Guid productId, CatalogService catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.GetProductAsync(productId, ct));

    private static async Task<Ok<ProductView>> UpdateProduct(Guid productId, ProductRequest request, CatalogService catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.UpdateProductAsync(productId, request.ToCommand(), ct));

    private static async Task<Ok<BarcodeLookup>> LookUpBarcode(Guid storeId, string code, CatalogService catalog, StoreCache stores, KasseDbContext db,
        CancellationToken ct) =>
        TypedResults.Ok(await catalog.LookUpAsync(await stores.GetAsync(db, storeId, ct), code, ct));

    private static async Task<Ok<BarcodeLookup>> PriceCheck(Guid registerId, PriceCheckRequest request, CatalogService catalog, CancellationToken ct) =>
        TypedResults.Ok(await catalog.PriceCheckAsync(registerId, request.EmployeeId, request.Barcode, ct));
}
