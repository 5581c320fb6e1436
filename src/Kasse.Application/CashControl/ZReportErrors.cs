namespace Kasse.Application.CashControl;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ZReportErrors
{
    public const string NothingNew = "z-report.nothing-new";
    public const string SessionOpen = "z-report.session-open";
}
