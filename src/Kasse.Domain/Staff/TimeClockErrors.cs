namespace Kasse.Domain.Staff;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class TimeClockErrors
{
    public const string OutOfOrder = "time-clock.out-of-order";
    public const string PunchNotFound = "time-clock.punch-not-found";
    public const string SomeoneElse = "time-clock.someone-else";
}
