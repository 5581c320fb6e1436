using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

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

/// <summary>
/// A business rule said no. The message is written for the person at the till, in English; the template and its
/// arguments let the server say the same in the person's own language (Errors.resx / Errors.da.resx, keyed by code).
/// </summary>
public class DomainException(ErrorKind kind, string code, string message, string template, object?[] arguments) : Exception(message)
{
    public DomainException(ErrorKind kind, string code, string message) : this(kind, code, message, message, []) { }

    public ErrorKind Kind { get; } = kind;

    /// <summary>A stable, machine-readable code such as <c>sale.not-open</c>; the constants live in each capability's *Errors class.</summary>
    public string Code { get; } = code;

    /// <summary>The English message as a composite format (<c>{0}</c>, <c>{1}</c> …): what a translation is matched on.</summary>
    public string Template { get; } = template;

    /// <summary>The values the message was built from, in placeholder order.</summary>
    public IReadOnlyList<object?> Arguments { get; } = arguments;

    public static DomainException Invalid(string code, string message) => new(ErrorKind.Invalid, code, message);
    public static DomainException NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);
    public static DomainException Conflict(string code, string message) => new(ErrorKind.Conflict, code, message);
    public static DomainException Forbidden(string code, string message) => new(ErrorKind.Forbidden, code, message);
    public static DomainException Unavailable(string code, string message) => new(ErrorKind.Unavailable, code, message);

    // An interpolated message binds to these (a handler beats string), so its parts are kept apart for translation.
    public static DomainException Invalid(string code, ErrorMessage message) => message.ToException(ErrorKind.Invalid, code);
    public static DomainException NotFound(string code, ErrorMessage message) => message.ToException(ErrorKind.NotFound, code);
    public static DomainException Conflict(string code, ErrorMessage message) => message.ToException(ErrorKind.Conflict, code);
    public static DomainException Forbidden(string code, ErrorMessage message) => message.ToException(ErrorKind.Forbidden, code);
    public static DomainException Unavailable(string code, ErrorMessage message) => message.ToException(ErrorKind.Unavailable, code);
}

/// <summary>
/// An interpolated error message taken apart: the literal text becomes a composite format and each hole an argument,
/// so <c>$"Sale {id} is not open."</c> is both the English message and <c>"Sale {0} is not open."</c> with <c>[id]</c>.
/// </summary>
[InterpolatedStringHandler]
public readonly struct ErrorMessage
{
    private readonly StringBuilder _template;
    private readonly List<object?> _arguments;

    public ErrorMessage(int literalLength, int formattedCount)
    {
        _template = new StringBuilder(literalLength + 4 * formattedCount);
        _arguments = new List<object?>(formattedCount);
    }

    public void AppendLiteral(string value) =>
        _template.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

    public void AppendFormatted<T>(T value) => AppendFormatted(value, 0, null);

    public void AppendFormatted<T>(T value, string? format) => AppendFormatted(value, 0, format);

    public void AppendFormatted<T>(T value, int alignment) => AppendFormatted(value, alignment, null);

    public void AppendFormatted<T>(T value, int alignment, string? format)
    {
        _template.Append('{').Append(_arguments.Count.ToString(CultureInfo.InvariantCulture));
        if (alignment != 0)
            _template.Append(',').Append(alignment.ToString(CultureInfo.InvariantCulture));
        if (format is not null)
            _template.Append(':').Append(format);
        _template.Append('}');
        _arguments.Add(value);
    }

    internal DomainException ToException(ErrorKind kind, string code)
    {
        var template = _template.ToString();
        var arguments = _arguments.ToArray();
        // The current culture, as the interpolated string itself would have used.
        var message = string.Format(CultureInfo.CurrentCulture, template, arguments);
        return new DomainException(kind, code, message, template, arguments);
    }
}
