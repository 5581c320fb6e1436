namespace Kasse.Application.Inventory;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ImportErrors
{
    public const string BarcodeTaken = "import.barcode-taken";
    public const string Columns = "import.columns";
    public const string CostPrice = "import.cost-price";
    public const string DuplicateBarcode = "import.duplicate-barcode";
    public const string DuplicateSku = "import.duplicate-sku";
    public const string FieldCount = "import.field-count";
    public const string MissingColumns = "import.missing-columns";
    public const string NoHeader = "import.no-header";
    public const string NotUtf8 = "import.not-utf8";
    public const string Price = "import.price";
    public const string Unit = "import.unit";
    public const string UnknownColumns = "import.unknown-columns";
    public const string Vat = "import.vat";
    public const string Empty = "import.empty";
    public const string Rows = "import.rows";
    public const string Size = "import.size";
    public const string TooLarge = "import.too-large";
}
