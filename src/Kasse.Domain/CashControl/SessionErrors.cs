namespace Kasse.Domain.CashControl;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class SessionErrors
{
    public const string AlreadyOpen = "session.already-open";
    public const string Counted = "session.counted";
    public const string Id = "session.id";
    public const string IdUsed = "session.id-used";
    public const string NoneOpen = "session.none-open";
    public const string NotFound = "session.not-found";
    public const string NotOpen = "session.not-open";
}
