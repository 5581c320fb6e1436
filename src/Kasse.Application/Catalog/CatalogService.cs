using Kasse.Application.Fiscal;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Catalog;

public sealed class CatalogService(KasseDbContext db, FiscalJournal journal, IProductSearchIndex searchIndex, TimeProvider clock, BarcodeCache barcodes)
{
    public const int MaxPageSize = 500;

    /// <summary>A search counts its matches up to this many; past it, the page says "1000+" rather than scan on.</summary>
    public const int MaxCount = 1000;

    public Task<CategoryView> CreateCategoryAsync(Guid id, string name, int sortOrder, CancellationToken ct) =>
        db.CreateOnceAsync(() => CreateCategoryOnceAsync(id, name, sortOrder, ct));

    private async Task<CategoryView> CreateCategoryOnceAsync(Guid id, string name, int sortOrder, CancellationToken ct)
    {
        var existing = await db.Categories.FindAsync([id], ct);
        if (existing is not null)
            return CategoryView.From(existing);
        var category = new Category(id, name, sortOrder);
        if (await db.Categories.AnyAsync(c => c.Name == category.Name && c.Id != id, ct))
            throw DomainException.Conflict(CategoryErrors.NameTaken, $"A category named '{category.Name}' already exists.");
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        return CategoryView.From(category);
    }

    public async Task<CategoryView> RenameCategoryAsync(Guid id, string name, CancellationToken ct)
    {
        var category = await db.Categories.FindAsync([id], ct)
            ?? throw DomainException.NotFound(CategoryErrors.NotFound, $"No category has id {id}.");
        category.Rename(name);
        if (await db.Categories.AnyAsync(c => c.Name == category.Name && c.Id != id, ct))
            throw DomainException.Conflict(CategoryErrors.NameTaken, $"A category named '{category.Name}' already exists.");
        await db.SaveChangesAsync(ct);
        return CategoryView.From(category);
    }

    /// <param name="color">#rrggbb, or null for the till's palette.</param>
    public async Task<CategoryView> SetCategoryColorAsync(Guid id, string? color, CancellationToken ct)
    {
        var category = await db.Categories.FindAsync([id], ct)
            ?? throw DomainException.NotFound(CategoryErrors.NotFound, $"No category has id {id}.");
        category.SetColor(color);
        await db.SaveChangesAsync(ct);
        return CategoryView.From(category);
    }

    public async Task<IReadOnlyList<CategoryView>> ListCategoriesAsync(CancellationToken ct) =>
        (await db.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync(ct)).Select(CategoryView.From).ToList();

    public Task<ProductView> CreateProductAsync(Guid id, SaveProduct command, CancellationToken ct) =>
        db.CreateOnceAsync(() => CreateProductOnceAsync(id, command, ct));

    private async Task<ProductView> CreateProductOnceAsync(Guid id, SaveProduct command, CancellationToken ct)
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

    public Task<ProductView> UpdateProductAsync(Guid id, SaveProduct command, CancellationToken ct) =>
        db.InTransactionAsync(() => UpdateAsync(id, command, ct), ct);

    private async Task<ProductView> UpdateAsync(Guid id, SaveProduct command, CancellationToken ct)
    {
        var product = await FindProductAsync(id, ct);
        var oldPrice = product.Price;
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
        if (product.Price != oldPrice)
        {
            // A price change is a fiscal event in every store that sells from this catalogue.
            var now = clock.Now();
            var payload = FiscalPayload.ForPriceChange(product.Id, product.Sku, oldPrice, product.Price);
            foreach (var storeId in await db.Stores.Select(s => s.Id).ToListAsync(ct))
                await journal.AppendAsync(storeId, now, JournalEventKind.PriceChanged, null, null, null, payload, ct);
        }
        await db.SaveChangesAsync(ct);
        return ProductView.From(product);
    }

    public async Task<ProductView> GetProductAsync(Guid id, CancellationToken ct) => ProductView.From(await FindProductAsync(id, ct));

    public Task<ProductPage> SearchAsync(string? query, Guid? categoryId, int skip, int take, CancellationToken ct) =>
        SearchAsync(query, categoryId, includeInactive: false, skip, take, ct);

    /// <param name="includeInactive">The back office also finds products taken off sale, to bring them back.</param>
    public Task<ProductPage> SearchAsync(string? query, Guid? categoryId, bool includeInactive, int skip, int take, CancellationToken ct)
    {
        if (skip < 0 || take is < 1 or > MaxPageSize)
            throw DomainException.Invalid(RequestErrors.Page, $"skip must be 0 or more and take between 1 and {MaxPageSize}.");
        return new ProductSearch(db, searchIndex).SearchAsync(query, categoryId, includeInactive, skip, take, ct);
    }

    public async Task<Product> FindProductAsync(Guid id, CancellationToken ct) =>
        await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw DomainException.NotFound(ProductErrors.NotFound, $"No product has id {id}.");

    /// <summary>
    /// The product a till adds by id (a tap on the grid, an API client), untracked and shared like a scanned one (kept in
    /// <see cref="BarcodeCache"/> under its id, which no barcode can look like): it is only read.
    /// </summary>
    public async Task<Product> FindToSellAsync(Guid id, CancellationToken ct) =>
        await barcodes.FindAsync("#" + id.ToString("N"), () => db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct))
        ?? throw DomainException.NotFound(ProductErrors.NotFound, $"No product has id {id}.");

    /// <summary>Finds the product behind a barcode (EAN/UPC, or the item part of a variable-measure code), untracked and shared (<see cref="BarcodeCache"/>): it is only read.</summary>
    /// <remarks>
    /// Asked as <c>Id IN (SELECT ProductId … WHERE Code = @code)</c>: SQLite runs a correlated EXISTS once per product
    /// (a full scan, ~20 ms at 100,000 products), but this form through the unique Code index and the primary key.
    /// </remarks>
    public Task<Product?> FindByBarcodeAsync(string normalisedCode, CancellationToken ct) =>
        barcodes.FindAsync(normalisedCode, async () =>
        {
            var owners = db.ProductBarcodes.Where(b => b.Code == normalisedCode).Select(b => b.ProductId);
            return await db.Products.AsNoTracking().FirstOrDefaultAsync(p => owners.Contains(p.Id), ct);
        });

    /// <summary>Reads a scanned code as the store's till would: the product, and a price or weight printed in a scale label.</summary>
    public async Task<BarcodeLookup> LookUpAsync(Store store, string code, CancellationToken ct)
    {
        var (lookup, kind, value) = ScannedCode.Parse(code, store.VariableMeasureCodes) switch
        {
            ScannedCode.TradeItem t => (t.Gtin, (VariableMeasureKind?)null, (decimal?)null),
            ScannedCode.VariableMeasure v => (v.Code.ItemCode, v.Code.Kind, v.Code.Value),
            ScannedCode.Gs1Label g => (g.Gtin, g.Measure?.Kind, g.Measure?.Value),
            _ => (code, null, null),
        };
        var product = await FindByBarcodeAsync(lookup, ct)
            ?? throw DomainException.NotFound(BarcodeErrors.Unknown, $"No product has barcode {code.Trim()}. Look the product up by name, or add the barcode to it.");
        return new BarcodeLookup(code.Trim(), ProductView.From(product), kind, value);
    }

    /// <summary>A price check at the till (the customer asks "what does this cost?"), journaled as SAF-T 13022.</summary>
    public Task<BarcodeLookup> PriceCheckAsync(Guid registerId, Guid? employeeId, string code, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        var store = await StoreService.FindStoreAsync(db, register.StoreId, ct);
        var found = await LookUpAsync(store, code, ct);
        await journal.AppendAsync(store.Id, clock.Now(), JournalEventKind.PriceLookedUp, register.Id, employeeId, null,
            FiscalPayload.ForPriceLookUp(found.Barcode, found.Product.Id, found.Product.Sku, found.Product.Price), ct);
        await db.SaveChangesAsync(ct);
        return found;
    }, ct);

    private async Task EnsureUniqueAsync(Product product, CancellationToken ct)
    {
        if (await db.Products.AnyAsync(p => p.Sku == product.Sku && p.Id != product.Id, ct))
            throw DomainException.Conflict(ProductErrors.SkuTaken, $"Another product already has SKU '{product.Sku}'.");
        foreach (var code in product.Barcodes.Select(b => b.Code))
        {
            var owner = await db.ProductBarcodes.Where(b => b.Code == code && b.ProductId != product.Id).Select(b => b.ProductId).FirstOrDefaultAsync(ct);
            if (owner != Guid.Empty)
                throw DomainException.Conflict(ProductErrors.BarcodeTaken, $"Barcode {code} already belongs to another product.");
        }
        if (product.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
            throw DomainException.NotFound(CategoryErrors.NotFound, $"No category has id {categoryId}.");
    }
}
