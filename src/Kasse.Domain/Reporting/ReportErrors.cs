namespace Kasse.Domain.Reporting;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ReportErrors
{
    public const string Currencies = "report.currencies";
    public const string Days = "report.days";
    public const string From = "report.from";
    public const string Id = "report.id";
    public const string IdUsed = "report.id-used";
    public const string NotFound = "report.not-found";
    public const string Range = "report.range";
    public const string SaleNotCompleted = "report.sale-not-completed";
    public const string Store = "report.store";
    public const string To = "report.to";
    public const string Width = "report.width";
}
