namespace Kasse.Application.Printing;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class PrintJobsErrors
{
    public const string Filter = "print-jobs.filter";
}
