using System.Globalization;

namespace Kasse.Domain.Catalog;

/// <summary>A thing the shop sells. The price includes VAT (B2C); for kg/litre goods it is per kg/litre.</summary>
public sealed class Product
{
    public const int MaxNameLength = 60;
    public const int MaxSkuLength = 40;
    public const decimal MaxPrice = 1_000_000m;

    private readonly List<ProductBarcode> _barcodes = [];

    private Product() { Name = ""; Sku = ""; }

    public Product(Guid id, string sku, string name, decimal price, decimal vatPercent, Unit unit, Guid? categoryId, decimal? costPrice)
    {
        Id = id;
        Update(sku, name, price, vatPercent, unit, categoryId, costPrice, isActive: true);
    }

    public Guid Id { get; private set; }
    public string Sku { get; private set; }
    public string Name { get; private set; }
    public decimal Price { get; private set; }
    public decimal VatPercent { get; private set; }
    public Unit Unit { get; private set; }
    public Guid? CategoryId { get; private set; }
    public decimal? CostPrice { get; private set; }
    public bool IsActive { get; private set; }

    /// <summary>Counts the product's image uploads (null: no image); the till's image address carries it, so a new image is fetched anew.</summary>
    public int? ImageVersion { get; private set; }

    public void ImageUploaded() => ImageVersion = (ImageVersion ?? 0) + 1;

    public void ImageRemoved() => ImageVersion = null;

    /// <summary>The EU's 14 allergens the product contains (Regulation 1169/2011, Annex II), shown at the till and to the kitchen.</summary>
    public Kasse.Domain.Menu.Allergens Allergens { get; private set; }

    /// <summary>
    /// A combo (a set menu at a set price): its modifier groups' options are component products, and the chosen components'
    /// stock moves instead of the combo's own.
    /// </summary>
    public bool IsCombo { get; private set; }

    public void SetMenu(Kasse.Domain.Menu.Allergens allergens, bool isCombo)
    {
        Allergens = Kasse.Domain.Menu.AllergenNames.Valid(allergens);
        IsCombo = isCombo;
    }

    /// <summary>Name and SKU folded to lower case once here, so search finds "Æbler" from "æb" on every database.</summary>
    public string SearchText { get; private set; } = "";
    public IReadOnlyList<ProductBarcode> Barcodes => _barcodes;

    public static string Fold(string text) => text.Trim().ToLowerInvariant();

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Sku), nameof(Name))]
    public void Update(string sku, string name, decimal price, decimal vatPercent, Unit unit, Guid? categoryId, decimal? costPrice, bool isActive)
    {
        Sku = Text.Required(sku, MaxSkuLength, "product.sku", "A SKU");
        Name = Text.Required(name, MaxNameLength, "product.name", "A product name");
        Price = ValidPrice(price, "product.price", "The price");
        VatPercent = ValidVat(vatPercent);
        Unit = unit;
        CategoryId = categoryId;
        CostPrice = costPrice is null ? null : ValidPrice(costPrice.Value, "product.cost", "The cost price");
        IsActive = isActive;
        SearchText = Fold(Name + " " + Sku);
    }

    public ProductBarcode AddBarcode(string code)
    {
        var barcode = ProductBarcode.Create(Id, code);
        if (_barcodes.Any(b => b.Code == barcode.Code))
            return _barcodes.First(b => b.Code == barcode.Code);
        _barcodes.Add(barcode);
        return barcode;
    }

    public void RemoveBarcode(string code) => _barcodes.RemoveAll(b => b.Code == code.Trim());

    private static decimal ValidPrice(decimal price, string code, string what)
    {
        if (price < 0m || price > MaxPrice)
            throw DomainException.Invalid(code, $"{what} must be between 0 and {MaxPrice.ToString("N0", CultureInfo.InvariantCulture)}.");
        if (Money.Money.RoundToMinor(price) != price)
            throw DomainException.Invalid(code, $"{what} can have at most two decimals (whole øre); got {price.ToString(CultureInfo.InvariantCulture)}.");
        return price;
    }

    private static decimal ValidVat(decimal vatPercent) =>
        Money.VatRate.Create("check", vatPercent, "").Percent;
}
