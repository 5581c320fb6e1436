using System.Collections.Frozen;
using System.Globalization;
using Kasse.Domain;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Kasse.Server.Ui.Localization;

/// <summary>
/// A refusal (<see cref="DomainException"/>) in a person's language. Its code and English template pick the entry in
/// Errors.resx; that entry's Danish text (Errors.da.resx) is formatted with the same arguments. A message no entry
/// matches (built at run time, or already written in the UI's own words) is shown as it was thrown.
/// </summary>
public sealed class ErrorTexts
{
    private readonly IStringLocalizer _localizer;
    private readonly FrozenDictionary<(string Code, string Template), string> _keys;

    public ErrorTexts(IStringLocalizer<Errors> localizer)
    {
        _localizer = localizer;
        var keys = new Dictionary<(string, string), string>();
        foreach (var text in InCulture(CultureInfo.InvariantCulture, () => localizer.GetAllStrings(includeParentCultures: false).ToList()))
            keys.TryAdd((CodeOf(text.Name), text.Value), text.Name);
        _keys = keys.ToFrozenDictionary();
    }

    /// <summary>For code that runs outside the container (tests, UiText made by hand).</summary>
    public static ErrorTexts Default { get; } = new(new StringLocalizer<Errors>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    /// <summary>The code a resource key belongs to: <c>sale.not-open#3</c> is the third text of <c>sale.not-open</c>.</summary>
    public static string CodeOf(string key) => key.Split('#')[0];

    /// <summary>The exception's message in the given language; English is the message as thrown.</summary>
    public string For(DomainException refusal, CultureInfo culture)
    {
        if (culture.TwoLetterISOLanguageName != "da" || !_keys.TryGetValue((refusal.Code, refusal.Template), out var key))
            return refusal.Message;
        var text = InCulture(culture, () => _localizer[key]);
        if (text.ResourceNotFound || string.IsNullOrWhiteSpace(text.Value))
            return refusal.Message;
        if (refusal.Arguments.Count == 0)
            return text.Value;
        try
        {
            return string.Format(culture, text.Value, refusal.Arguments.ToArray());
        }
        catch (FormatException)
        {
            // ErrorTextsTests keeps this from happening; should a text slip through, English beats nothing.
            return refusal.Message;
        }
    }

    /// <summary>What the message says in the UI's current language (the signed-in person's).</summary>
    public string For(Exception exception) =>
        exception is DomainException refusal ? For(refusal, CultureInfo.CurrentUICulture) : exception.Message;

    private static T InCulture<T>(CultureInfo culture, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
