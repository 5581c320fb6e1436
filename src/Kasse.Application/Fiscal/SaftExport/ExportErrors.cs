namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ExportErrors
{
    public const string CompanyId = "export.company-id";
    public const string Country = "export.country";
    public const string Currency = "export.currency";
    public const string Cvr = "export.cvr";
    public const string Period = "export.period";
}
