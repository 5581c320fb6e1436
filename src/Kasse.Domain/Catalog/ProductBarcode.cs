namespace Kasse.Domain.Catalog;

public enum BarcodeKind
{
    Ean13,
    Ean8,
    /// <summary>The item part of a GS1 variable-measure code (prefix 20–29 + item reference, e.g. "2300123").</summary>
    VariableMeasureItem,
}

public sealed class ProductBarcode
{
    public const int MaxLength = 14;

    private ProductBarcode() { Code = ""; }

    private ProductBarcode(Guid id, Guid productId, string code, BarcodeKind kind)
    {
        Id = id;
        ProductId = productId;
        Code = code;
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public Guid ProductId { get; private set; }

    /// <summary>Normalised: UPC-A is kept in its 13-digit EAN form so either scan finds it.</summary>
    public string Code { get; private set; }
    public BarcodeKind Kind { get; private set; }

    /// <summary>Accepts EAN-13, EAN-8, UPC-A (validated) or a 5–7 digit variable-measure item code (prefix 20–29 + item reference).</summary>
    public static ProductBarcode Create(Guid productId, string code)
    {
        var trimmed = code.Trim();
        if (Gtin.IsAllDigits(trimmed) && trimmed.Length is >= 5 and <= 7 && trimmed[0] == '2')
            return new ProductBarcode(Guid.CreateVersion7(), productId, trimmed, BarcodeKind.VariableMeasureItem);
        var (normalised, kind) = Gtin.Parse(trimmed);
        return new ProductBarcode(Guid.CreateVersion7(), productId, normalised, kind == GtinKind.Ean8 ? BarcodeKind.Ean8 : BarcodeKind.Ean13);
    }
}
