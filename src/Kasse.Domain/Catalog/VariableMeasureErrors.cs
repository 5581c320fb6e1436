namespace Kasse.Domain.Catalog;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class VariableMeasureErrors
{
    public const string Layout = "variable-measure.layout";
    public const string Prefix = "variable-measure.prefix";
}
