using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Kasse.Application.Staff;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;

namespace Kasse.Server.Tests.Ui;

/// <summary>
/// Every audit template (a const of <see cref="AuditTexts.Key"/>) and every word put into one has an English and a
/// Danish text that take the same arguments; every way of writing an entry formats in both languages; times are the
/// store's in the reader's text and UTC (said so) in the stored English.
/// </summary>
public sealed partial class AuditTextsTests
{
    private static readonly ResourceManager Texts = new(typeof(AuditTexts));
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static TheoryData<string> Keys() => new(typeof(AuditTexts.Key).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal));

    /// <summary>The words an entry may carry: punch kinds, payment methods, the two secrets of a sign-in, the order types, and the
    /// permissions and fraud rules an approval or an acknowledged alert names.</summary>
    public static TheoryData<string> Words() => new(Enum.GetNames<PunchKind>().Concat(Enum.GetNames<PaymentMethod>()).Concat(["PIN", "password"])
        .Concat(Enum.GetNames<Permission>()).Concat(Enum.GetNames<FraudRule>())
        .Concat(Enum.GetNames<OrderType>()).Append(AuditTexts.NoOrderType)
        .Select(w => "word." + w));

    [Fact]
    public void The_templates_are_found() => Assert.True(Keys().Count > 60, $"only {Keys().Count} audit templates found");

    [Theory]
    [MemberData(nameof(Keys))]
    [MemberData(nameof(Words))]
    public void Each_template_has_English_and_Danish_texts_that_take_the_same_arguments(string key)
    {
        var english = Texts.GetString(key, CultureInfo.InvariantCulture);
        var danish = Texts.GetResourceSet(CultureInfo.GetCultureInfo("da"), createIfNotExists: true, tryParents: false)?.GetString(key);
        Assert.False(string.IsNullOrWhiteSpace(english), $"{key} has no English text in AuditTexts.resx");
        Assert.False(string.IsNullOrWhiteSpace(danish), $"{key} has no Danish text in AuditTexts.da.resx");
        Assert.Equal(Placeholders(english!), Placeholders(danish!));
    }

    /// <summary>Every method that writes a description, called with sample values (each nullable one both ways).</summary>
    public static TheoryData<string> Messages() => new(typeof(AuditTexts).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(AuditMessage)).Select(m => m.Name).Distinct().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Messages))]
    public void Each_description_formats_in_English_and_Danish(string method)
    {
        foreach (var info in typeof(AuditTexts).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == method))
            foreach (var withNulls in new[] { false, true })
            {
                var message = (AuditMessage)info.Invoke(null, info.GetParameters().Select(p => Sample(p, withNulls)).ToArray())!;
                var english = AuditTexts.English(message);
                Assert.DoesNotContain("{", english, StringComparison.Ordinal);
                var stored = AuditTexts.Serialise(message.Arguments);
                foreach (var culture in new[] { Danish, CultureInfo.GetCultureInfo("en-GB") })
                {
                    var told = AuditTexts.Describe(message.Key, stored, culture, Copenhagen);
                    Assert.False(string.IsNullOrWhiteSpace(told), $"{method} ({message.Key}) does not format in {culture.Name}");
                    Assert.DoesNotContain("{", told, StringComparison.Ordinal);
                }
            }
    }

    [Fact]
    public void A_lockout_is_told_in_Danish_in_the_stores_time_and_stored_in_English_in_UTC()
    {
        var until = new DateTimeOffset(2026, 12, 7, 19, 15, 0, TimeSpan.Zero); // 20:15 in Copenhagen (winter)
        var message = AuditTexts.LockedOut("Mette Demo", until, 5);
        Assert.Equal("Mette Demo is locked out until 2026-12-07 19:15 UTC after 5 failed sign-ins.", AuditTexts.English(message));

        var stored = AuditTexts.Serialise(message.Arguments);
        Assert.Equal("Mette Demo er spærret til kl. 07.12.2026 20.15 efter 5 mislykkede forsøg på at logge ind.",
            AuditTexts.Describe(message.Key, stored, Danish, Copenhagen));
        Assert.Equal("Mette Demo is locked out until 2026-12-07 20:15 after 5 failed sign-ins.",
            AuditTexts.Describe(message.Key, stored, CultureInfo.GetCultureInfo("en-GB"), Copenhagen));
    }

    [Fact]
    public void An_approval_and_an_acknowledged_alert_name_the_permission_and_the_rule_in_the_readers_language()
    {
        var approval = AuditTexts.ApprovalGiven("Sara Leder", Permission.PriceOverride, "Rugbrød 28,95 → 20,00", "Ole Kasse");
        Assert.Equal("Sara Leder approved \"Override a price\" (Rugbrød 28,95 → 20,00) asked by Ole Kasse.", AuditTexts.English(approval));
        Assert.Equal("Sara Leder godkendte \"Ændre en pris\" (Rugbrød 28,95 → 20,00) på anmodning fra Ole Kasse.",
            AuditTexts.Describe(approval.Key, AuditTexts.Serialise(approval.Arguments), Danish, Copenhagen));

        var acknowledged = AuditTexts.FraudAlertAcknowledged(FraudRule.PriceOverrides, new DateOnly(2026, 12, 7), "Tjekket");
        Assert.Equal("Kvitterede for alarmen \"Prisændringer\" fra 07.12.2026: Tjekket",
            AuditTexts.Describe(acknowledged.Key, AuditTexts.Serialise(acknowledged.Arguments), Danish, Copenhagen));
    }

    [Fact]
    public void Words_and_parts_are_told_in_the_readers_language()
    {
        var punch = AuditTexts.PunchMoved(PunchKind.ClockOut, new DateTimeOffset(2026, 3, 2, 11, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 2, 12, 30, 0, TimeSpan.Zero), "Glemte at stemple ud");
        Assert.Equal("Flyttede en stempling (udstempling) fra 02.03.2026 12.00 til 02.03.2026 13.30: Glemte at stemple ud.",
            AuditTexts.Describe(punch.Key, AuditTexts.Serialise(punch.Arguments), Danish, Copenhagen));

        var changed = AuditTexts.EmployeeChanged("Ole", [AuditTexts.EmployeeRolePart("Cashier", "Manager"), AuditTexts.EmployeePinPart()]);
        Assert.Equal("Ole: role Cashier → Manager, new PIN.", AuditTexts.English(changed));
        Assert.Equal("Ole: rolle Cashier → Manager, ny pinkode.", AuditTexts.Describe(changed.Key, AuditTexts.Serialise(changed.Arguments), Danish, Copenhagen));

        var payment = AuditTexts.PaymentTakenBack(PaymentMethod.Cash, 12.5m);
        Assert.Equal("Took back a cash payment of 12.50.", AuditTexts.English(payment));
        Assert.Equal("Tilbageførte en betaling med kontant på 12,50.", AuditTexts.Describe(payment.Key, AuditTexts.Serialise(payment.Arguments), Danish, Copenhagen));
    }

    [Fact]
    public void An_entry_without_a_key_or_with_arguments_that_do_not_fit_is_shown_as_stored()
    {
        Assert.Null(AuditTexts.Describe(null, null, Danish, Copenhagen));
        Assert.Null(AuditTexts.Describe(AuditTexts.Key.LockedOut, "[\"only one\"]", Danish, Copenhagen));
        Assert.Null(AuditTexts.Describe("no.such-key", "[]", Danish, Copenhagen));
    }

    private static object? Sample(ParameterInfo p, bool withNulls)
    {
        var type = p.ParameterType;
        var nullable = Nullable.GetUnderlyingType(type) is not null
            || new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable;
        if (withNulls && nullable)
            return null;
        var core = Nullable.GetUnderlyingType(type) ?? type;
        return core switch
        {
            _ when core == typeof(string) => "Prøve",
            _ when core == typeof(int) => 3,
            _ when core == typeof(long) => 42L,
            _ when core == typeof(decimal) => 12.5m,
            _ when core == typeof(bool) => withNulls,
            _ when core == typeof(DateTimeOffset) => new DateTimeOffset(2026, 12, 7, 19, 15, 0, TimeSpan.Zero),
            _ when core == typeof(DateOnly) => new DateOnly(2026, 12, 7),
            _ when core == typeof(Guid) => Guid.Parse("0192f000-0000-7000-8000-000000000001"),
            _ when core.IsEnum => Enum.GetValues(core).GetValue(0),
            _ when core == typeof(IReadOnlyCollection<string>) => withNulls ? Array.Empty<string>() : new[] { "Sell", "Browse" },
            _ when core == typeof(AuditTexts.Place) => new AuditTexts.Place(withNulls ? "tab" : "table", "4"),
            _ when core == typeof(IReadOnlyList<AuditMessage>) => new[] { AuditTexts.EmployeePinPart(), AuditTexts.EmployeeStoresPart(2) },
            _ => throw new InvalidOperationException($"No sample for a {core.Name} ({p.Member.Name}.{p.Name}): add one."),
        };
    }

    private static List<string> Placeholders(string format) =>
        Placeholder().Matches(format.Replace("{{", "", StringComparison.Ordinal)).Select(m => m.Groups[1].Value).Distinct().Order(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"\{(\d+)[,:}]")]
    private static partial Regex Placeholder();
}
