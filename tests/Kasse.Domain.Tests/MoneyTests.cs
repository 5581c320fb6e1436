using System.Globalization;

namespace Kasse.Domain.Tests;

using Money = Kasse.Domain.Money.Money;

public class MoneyTests
{
    // Banker's rounding (the .NET default) would give 2.34, 2.22 and 0.00 for the first, third and fifth rows.
    public static TheoryData<decimal, decimal> HalfWayAmounts => new()
    {
        { 2.345m, 2.35m },
        { -2.345m, -2.35m },
        { 2.225m, 2.23m },
        { -2.225m, -2.23m },
        { 0.005m, 0.01m },
        { 2.3449m, 2.34m },
        { 2.34m, 2.34m },
    };

    [Theory]
    [MemberData(nameof(HalfWayAmounts))]
    public void Amounts_round_half_away_from_zero_to_the_ore(decimal amount, decimal expected) =>
        Assert.Equal(expected, Money.RoundToMinor(amount));

    [Fact]
    public void Rounding_a_money_value_keeps_its_currency() =>
        Assert.Equal(new Money(2.35m, "DKK"), new Money(2.345m, "DKK").Rounded());

    [Theory]
    [InlineData(1234L, "12.34")]
    [InlineData(-5L, "-0.05")]
    [InlineData(0L, "0")]
    public void Minor_units_convert_both_ways(long minorUnits, string amount)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        Assert.Equal(value, Money.FromMinorUnits(minorUnits, "DKK").Amount);
        Assert.Equal(minorUnits, Money.ToMinorUnits(value));
    }

    [Fact]
    public void Trailing_zeros_are_not_extra_decimals() => Assert.Equal(1234L, Money.ToMinorUnits(12.3400m));

    [Theory]
    [InlineData("12.345")]
    [InlineData("-0.001")]
    [InlineData("0.0001")]
    public void An_amount_with_more_than_two_decimals_has_no_minor_units(string amount)
    {
        var value = decimal.Parse(amount, CultureInfo.InvariantCulture);
        var error = Assert.Throws<ArgumentException>(() => Money.ToMinorUnits(value));
        Assert.Contains(amount, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Amounts_in_the_same_currency_add_and_subtract()
    {
        var a = new Money(12.95m, "DKK");
        var b = new Money(24.95m, "DKK");
        Assert.Equal(new Money(37.90m, "DKK"), a + b);
        Assert.Equal(new Money(-12.00m, "DKK"), a - b);
        Assert.Equal(new Money(-12.95m, "DKK"), -a);
        Assert.True(a < b);
    }

    [Fact]
    public void Kroner_and_euros_never_mix()
    {
        var kroner = new Money(10m, "DKK");
        var euros = new Money(10m, "EUR");
        Assert.Throws<InvalidOperationException>(() => kroner + euros);
        Assert.Throws<InvalidOperationException>(() => kroner - euros);
        Assert.Throws<InvalidOperationException>(() => kroner < euros);
        Assert.Throws<InvalidOperationException>(() => kroner.CompareTo(euros));
    }

    [Fact]
    public void Money_prints_with_a_decimal_point_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("da-DK");
            Assert.Equal("1234.50 DKK", new Money(1234.5m, "DKK").ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
