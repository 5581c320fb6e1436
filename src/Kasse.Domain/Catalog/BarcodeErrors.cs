namespace Kasse.Domain.Catalog;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class BarcodeErrors
{
    public const string CheckDigit = "barcode.check-digit";
    public const string Gs1 = "barcode.gs1";
    public const string Gs1NoGtin = "barcode.gs1-no-gtin";
    public const string Length = "barcode.length";
    public const string NotDigits = "barcode.not-digits";
    public const string Unknown = "barcode.unknown";
    public const string VariableZero = "barcode.variable-zero";
    public const string WeightNotKg = "barcode.weight-not-kg";
}
