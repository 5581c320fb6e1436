using Kasse.Domain.Money;

namespace Kasse.Domain.Tests;

public class CashRoundingTests
{
    /// <summary>Every øre from 10.00 to 11.00 with what DESIGN.md's table says a Danish cash customer pays.</summary>
    public static TheoryData<decimal, decimal> DanishTable()
    {
        var rows = new TheoryData<decimal, decimal>();
        for (var ore = 1000; ore <= 1100; ore++)
        {
            var kroner = ore / 100;
            var cents = ore % 100;
            var expected = cents switch
            {
                <= 24 => kroner,          // x.00–x.24 → x.00
                <= 74 => kroner + 0.50m,  // x.25–x.74 → x.50
                _ => kroner + 1m,         // x.75–x.99 → x+1.00
            };
            rows.Add(ore / 100m, expected);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(DanishTable))]
    public void Danish_cash_rounds_to_the_nearest_half_krone(decimal amount, decimal paid) =>
        Assert.Equal(paid, CashRounding.HalfKrone.Round(amount));

    [Theory]
    [MemberData(nameof(DanishTable))]
    public void Cash_refunds_round_like_cash_payments(decimal amount, decimal paid) =>
        Assert.Equal(-paid, CashRounding.HalfKrone.Round(-amount));

    [Theory]
    [InlineData(101.30, 0.20)]
    [InlineData(101.20, -0.20)]
    [InlineData(101.50, 0.00)]
    [InlineData(-101.30, -0.20)]
    public void The_ore_rounding_is_what_rounding_adds_or_takes(double amount, double difference) =>
        Assert.Equal((decimal)difference, CashRounding.HalfKrone.DifferenceFor((decimal)amount));

    [Theory]
    [InlineData(10.49, 10)]
    [InlineData(10.50, 11)]
    [InlineData(10.51, 11)]
    [InlineData(-10.50, -11)]
    [InlineData(-10.49, -10)]
    public void Norway_and_Sweden_round_to_the_whole_krone(double amount, int paid) =>
        Assert.Equal(paid, CashRounding.WholeKrone.Round((decimal)amount));

    [Fact]
    public void Without_cash_rounding_amounts_stay_as_they_are()
    {
        Assert.Equal(10.37m, CashRounding.None.Round(10.37m));
        Assert.Equal(0m, CashRounding.None.DifferenceFor(10.37m));
    }

    [Theory]
    [InlineData("DK", 0.50)]
    [InlineData("dk", 0.50)]
    [InlineData("NO", 1.00)]
    [InlineData("SE", 1.00)]
    [InlineData("DE", 0)]
    public void Each_country_has_its_smallest_coin(string country, double increment) =>
        Assert.Equal((decimal)increment, CashRounding.ForCountry(country).Increment);

    [Theory]
    [InlineData(-0.50)]
    [InlineData(0.005)]
    [InlineData(101)]
    public void A_rounding_increment_is_whole_ore_up_to_a_hundred(double increment) =>
        Refused.With("cash-rounding.increment", () => CashRounding.Create((decimal)increment));

    [Fact]
    public void A_zero_increment_means_no_rounding() => Assert.Same(CashRounding.None, CashRounding.Create(0m));
}
