using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Kasse.Domain;
using Kasse.Server.Ui.Localization;

namespace Kasse.Server.Tests.Ui;

/// <summary>
/// Every error code (the const strings of every *Errors class) has an English and a Danish text, and every Danish
/// text formats with the arguments its English template is given: a code added without both texts fails here.
/// </summary>
public sealed partial class ErrorTextsTests
{
    private static readonly ResourceManager Texts = new(typeof(Errors));

    public static TheoryData<string> Codes()
    {
        var assemblies = new[] { typeof(DomainException).Assembly, typeof(Kasse.Application.Staff.Actor).Assembly, typeof(ErrorTexts).Assembly };
        var codes = assemblies.SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct().Order(StringComparer.Ordinal);
        return new TheoryData<string>(codes);
    }

    private static IEnumerable<string> KeysOf(string code)
    {
        for (var n = 1; ; n++)
        {
            var key = n == 1 ? code : $"{code}#{n}";
            if (Texts.GetString(key, CultureInfo.InvariantCulture) is null)
                yield break;
            yield return key;
        }
    }

    [Fact]
    public void The_codes_are_found() => Assert.True(Codes().Count > 300, $"only {Codes().Count} error codes found by reflection");

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_has_English_and_Danish_texts_that_take_the_same_arguments(string code)
    {
        var keys = KeysOf(code).ToList();
        Assert.True(keys.Count > 0, $"{code} has no text in Errors.resx");
        var danish = CultureInfo.GetCultureInfo("da-DK");
        foreach (var key in keys)
        {
            var english = Texts.GetString(key, CultureInfo.InvariantCulture)!;
            var translated = Texts.GetResourceSet(CultureInfo.GetCultureInfo("da"), createIfNotExists: true, tryParents: false)?.GetString(key);
            Assert.False(string.IsNullOrWhiteSpace(english), $"{key} has an empty English text");
            Assert.False(string.IsNullOrWhiteSpace(translated), $"{key} has no Danish text in Errors.da.resx");
            var count = ArgumentCount(english);
            if (count == 0)
            {
                Assert.True(ArgumentCount(translated!) == 0, $"{key}: the Danish text uses arguments the English one is not given");
                continue;
            }
            var arguments = Enumerable.Range(0, count).Select(i => (object)(i + 0.5m)).ToArray();
            var formatted = string.Format(danish, translated!, arguments);
            Assert.False(string.IsNullOrWhiteSpace(formatted));
        }
    }

    [Fact]
    public void A_refusal_is_told_in_Danish_with_its_arguments_and_in_English_as_thrown()
    {
        var status = "completed";
        var refusal = DomainException.Conflict(Kasse.Domain.Sales.SaleErrors.NotOpen, $"Only an open sale can be parked; this one is {status}.");
        Assert.Equal("Only an open sale can be parked; this one is {0}.", refusal.Template);

        Assert.Equal("Kun et åbent salg kan parkeres; dette er afsluttet.", ErrorTexts.Default.For(refusal, UiLanguages.Danish.Culture));
        Assert.Equal(refusal.Message, ErrorTexts.Default.For(refusal, UiLanguages.English.Culture));
    }

    [Fact]
    public void A_message_with_no_text_of_its_own_is_shown_as_thrown()
    {
        var refusal = DomainException.Invalid(Kasse.Domain.Sales.SaleErrors.NotOpen, "Something no resource spells.");
        Assert.Equal("Something no resource spells.", ErrorTexts.Default.For(refusal, UiLanguages.Danish.Culture));
    }

    /// <summary>How many arguments a composite format uses: one more than its highest {n}.</summary>
    private static int ArgumentCount(string format) =>
        Placeholder().Matches(format.Replace("{{", "", StringComparison.Ordinal)).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"\{(\d+)[,:}]")]
    private static partial Regex Placeholder();
}
