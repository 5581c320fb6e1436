using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Catalog;

public sealed class CatalogService(KasseDbContext db)
{
    public const int MaxPageSize = 500;

    public async Task<CategoryView> CreateCategoryAsync(Guid id, string name, int sortOrder, CancellationToken ct)
    {
        var existing = await db.Categories.FindAsync([id], ct);
        if (existing is not null)
            return CategoryView.From(existing);
        var category = new Category(id, name, sortOrder);
        if (await db.Categories.AnyAsync(c => c.Name == category.Name, ct))
            throw DomainException.Conflict("category.name-taken", $"A category named '{category.Name}' already exists.");
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        return CategoryView.From(category);
    }

    public async Task<IReadOnlyList<CategoryView>> ListCategoriesAsync(CancellationToken ct) =>
        (await db.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct)).Select(CategoryView.From).ToList();

    public async Task<ProductView> CreateProductAsync(Guid id, SaveProduct command, CancellationToken ct)
    {
        var existing = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (existing is not null)
            return ProductView.From(existing);
        var product = new Product(id, command.Sku, command.Name, command.Price, command.VatPercent, command.Unit, command.CategoryId, command.CostPrice);
        foreach (var code in command.Barcodes ?? [])
            product.AddBarcode(code);
        await EnsureUniqueAsync(product, ct);
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        return ProductView.From(product);
    }

    public async Task<ProductView> UpdateProductAsync(Guid id, SaveProduct command, CancellationToken ct)
    {
        var product = await FindProductAsync(id, ct);
        product.Update(command.Sku, command.Name, command.Price, command.VatPercent, command.Unit, command.CategoryId, command.CostPrice, command.IsActive);
        if (command.Barcodes is not null)
        {
            var wanted = command.Barcodes.Select(code => ProductBarcode.Create(id, code).Code).ToHashSet();
            foreach (var old in product.Barcodes.Where(b => !wanted.Contains(b.Code)).ToList())
                product.RemoveBarcode(old.Code);
            foreach (var code in command.Barcodes)
                product.AddBarcode(code);
        }
        await EnsureUniqueAsync(product, ct);
        await db.SaveChangesAsync(ct);
        return ProductView.From(product);
    }

    public async Task<ProductView> GetProductAsync(Guid id, CancellationToken ct) => ProductView.From(await FindProductAsync(id, ct));

    public async Task<ProductPage> SearchAsync(string? query, Guid? categoryId, int skip, int take, CancellationToken ct)
    {
        if (skip < 0 || take is < 1 or > MaxPageSize)
            throw DomainException.Invalid("page", $"skip must be 0 or more and take between 1 and {MaxPageSize}.");
        var products = db.Products.AsNoTracking().Where(p => p.IsActive);
        if (categoryId is not null)
            products = products.Where(p => p.CategoryId == categoryId);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var q = query.Trim();
            var folded = Product.Fold(q);
            // The barcode match as an uncorrelated IN (…): evaluated once through the Code index, not once per product.
            var owners = db.ProductBarcodes.Where(b => b.Code == q).Select(b => b.ProductId);
            products = products.Where(p => p.SearchText.Contains(folded) || owners.Contains(p.Id));
        }
        var total = await products.CountAsync(ct);
        var page = await products.OrderBy(p => p.Name).Skip(skip).Take(take).ToListAsync(ct);
        return new ProductPage(page.Select(ProductView.From).ToList(), total, skip, take);
    }

    public async Task<Product> FindProductAsync(Guid id, CancellationToken ct) =>
        await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw DomainException.NotFound("product.not-found", $"No product has id {id}.");

    /// <summary>Finds the product behind a barcode (EAN/UPC, or the item part of a variable-measure code).</summary>
    /// <remarks>
    /// Asked as <c>Id IN (SELECT ProductId … WHERE Code = @code)</c>: SQLite runs a correlated EXISTS once per product
    /// (a full scan, ~20 ms at 100,000 products), but this form through the unique Code index and the primary key.
    /// </remarks>
    public async Task<Product?> FindByBarcodeAsync(string normalisedCode, CancellationToken ct)
    {
        var owners = db.ProductBarcodes.Where(b => b.Code == normalisedCode).Select(b => b.ProductId);
        return await db.Products.FirstOrDefaultAsync(p => owners.Contains(p.Id), ct);
    }

    private async Task EnsureUniqueAsync(Product product, CancellationToken ct)
    {
        if (await db.Products.AnyAsync(p => p.Sku == product.Sku && p.Id != product.Id, ct))
            throw DomainException.Conflict("product.sku-taken", $"Another product already has SKU '{product.Sku}'.");
        foreach (var code in product.Barcodes.Select(b => b.Code))
        {
            var owner = await db.ProductBarcodes.Where(b => b.Code == code && b.ProductId != product.Id).Select(b => b.ProductId).FirstOrDefaultAsync(ct);
            if (owner != Guid.Empty)
                throw DomainException.Conflict("product.barcode-taken", $"Barcode {code} already belongs to another product.");
        }
        if (product.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
            throw DomainException.NotFound("category.not-found", $"No category has id {categoryId}.");
    }
}
