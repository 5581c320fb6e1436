namespace Kasse.Domain;

/// <summary>What kind of "no" a rule gave, so every caller (API, UI, CLI) answers alike.</summary>
public enum ErrorKind
{
    /// <summary>The input breaks a rule; the client can fix it.</summary>
    Invalid,
    /// <summary>The thing asked for does not exist.</summary>
    NotFound,
    /// <summary>The request is fine but the current state forbids it (e.g. paying a voided sale).</summary>
    Conflict,
    /// <summary>The person lacks the permission and no approval was given.</summary>
    Forbidden,
    /// <summary>A device or service Kasse depends on did not answer; nothing was changed.</summary>
    Unavailable,
}

/// <summary>A business rule said no. The message is written for the person at the till.</summary>
public class DomainException(ErrorKind kind, string code, string message) : Exception(message)
{
    public ErrorKind Kind { get; } = kind;

    /// <summary>A stable, machine-readable code such as <c>sale.not-open</c>.</summary>
    public string Code { get; } = code;

    public static DomainException Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);
    public static DomainException NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);
    public static DomainException Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);
    public static DomainException Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);
    public static DomainException Unavailable(string code, string message) => new(ErrorKind.Unavailable, code, message);
}
