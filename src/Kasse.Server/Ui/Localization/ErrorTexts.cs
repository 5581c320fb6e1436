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
        if (culture.TwoLetterISOLanguageName != "da")
            return InEnglish(refusal, culture);
        if (!_keys.TryGetValue((refusal.Code, refusal.Template), out var key))
            return refusal.Message;
        var text = InCulture(culture, () => _localizer[key]);
        if (text.ResourceNotFound || string.IsNullOrWhiteSpace(text.Value))
            return refusal.Message;
        if (refusal.Arguments.Count == 0)
            return text.Value;
        try
        {
            return string.Format(culture, text.Value, refusal.Arguments.Select(a => InDanish(refusal.Code, a)).ToArray());
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

    /// <summary>The message as thrown, but a permission named as people read it ("Return without a receipt", not "RefundWithoutReceipt").</summary>
    private static string InEnglish(DomainException refusal, CultureInfo culture)
    {
        if (!refusal.Arguments.Any(a => a is Kasse.Domain.Staff.Permission))
            return refusal.Message;
        var arguments = refusal.Arguments.Select(a => a is Kasse.Domain.Staff.Permission p ? BackOffice.PermissionText.English(p) : a).ToArray();
        try
        {
            return string.Format(culture, refusal.Template, arguments);
        }
        catch (FormatException)
        {
            return refusal.Message;
        }
    }

    /// <summary>A sale's state as a refusal names it (Sale.Describe), in Danish.</summary>
    private static readonly FrozenDictionary<string, string> SaleStates = new Dictionary<string, string>
    {
        ["open"] = "åbent", ["parked"] = "parkeret", ["completed"] = "afsluttet", ["voided"] = "annulleret",
    }.ToFrozenDictionary();

    /// <summary>
    /// The words a refusal puts into its text, in Danish where they are words rather than names or numbers: a permission
    /// (as the back office's role page names it) and a sale's state. Everything else goes in as it was.
    /// </summary>
    private static object? InDanish(string code, object? argument) => argument switch
    {
        Kasse.Domain.Staff.Permission permission => UiText.InDanish(BackOffice.PermissionText.English(permission)),
        string state when code.StartsWith("sale.", StringComparison.Ordinal) && SaleStates.TryGetValue(state, out var danish) => danish,
        _ => argument,
    };

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
