namespace Kasse.Application.Staff;

/// <summary>
/// What an audit entry says, kept apart for translation: a template key (<see cref="AuditTexts.Key"/>) and the values
/// that fill it. An instant among them is shown in the reader's store time; a <see cref="AuditWord"/> in their language.
/// </summary>
public sealed record AuditMessage(string Key, IReadOnlyList<object?> Arguments);

/// <summary>A word put into an audit text (a punch kind, a payment method, "PIN"), told in the reader's language (word.* keys).</summary>
public sealed record AuditWord(string Name);
