namespace Kasse.Domain.Devices;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class PrintJobErrors
{
    public const string NotFound = "print-job.not-found";
    public const string NotQueued = "print-job.not-queued";
}
