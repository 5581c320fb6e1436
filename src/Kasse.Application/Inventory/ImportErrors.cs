namespace Kasse.Application.Inventory;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ImportErrors
{
    public const string Columns = "import.columns";
    public const string Empty = "import.empty";
    public const string Rows = "import.rows";
    public const string Size = "import.size";
    public const string TooLarge = "import.too-large";
}
