using Kasse.Domain.Money;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

public class VatTests
{
    public static TheoryData<decimal, decimal, decimal> VatInGross => new()
    {
        { 125.00m, 25m, 25.00m },
        { 0.01m, 25m, 0.00m },   // 0.002
        { 0.03m, 25m, 0.01m },   // 0.006
        { 10.03m, 25m, 2.01m },  // 2.006
        { 100.00m, 0m, 0.00m },
        { 0.42m, 12m, 0.05m },   // exactly 0.045: half away from zero, where banker's rounding gives 0.04
        { -0.42m, 12m, -0.05m },
        { -125.00m, 25m, -25.00m },
    };

    [Theory]
    [MemberData(nameof(VatInGross))]
    public void The_VAT_in_a_gross_amount_is_gross_times_rate_over_one_plus_rate_rounded_half_away(decimal gross, decimal percent, decimal vat)
    {
        Assert.Equal(vat, VatMath.VatIncludedIn(gross, percent));
        Assert.Equal(vat, new VatRate("S", percent, "").VatIncludedIn(gross));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    [InlineData(12.345)]
    public void A_VAT_rate_is_zero_to_below_one_hundred_percent_in_two_decimals(double percent) =>
        Refused.With("vat.percent", () => VatRate.Create("S", (decimal)percent, "Moms"));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("TOOLONGXX")]
    public void A_VAT_rate_needs_a_short_code(string code) =>
        Refused.With("vat.code", () => VatRate.Create(code, 25m, "Moms"));

    [Fact]
    public void VAT_is_computed_once_per_rate_over_the_summed_gross_not_per_line()
    {
        (decimal Gross, decimal Percent)[] lines = [(10.03m, 25m), (10.03m, 25m), (10.03m, 25m)];
        // Rounding each line (2.006 → 2.01) would claim 6.03; the rate's gross 30.09 holds 6.018 → 6.02.
        Assert.Equal(6.03m, lines.Sum(l => VatMath.VatIncludedIn(l.Gross, l.Percent)));

        var row = Assert.Single(VatBreakdown.Of(lines));

        Assert.Equal(new VatAmount(25m, 30.09m, 6.02m), row);
        Assert.Equal(24.07m, row.Net);
    }

    [Fact]
    public void The_breakdown_has_one_row_per_rate_highest_rate_first()
    {
        var rows = VatBreakdown.Of([(35.00m, 0m), (12.95m, 25m), (24.95m, 25m), (10.00m, 0m)]);

        Assert.Equal([new VatAmount(25m, 37.90m, 7.58m), new VatAmount(0m, 45.00m, 0m)], rows);
    }

    [Fact]
    public void Rates_written_with_different_scales_are_the_same_rate()
    {
        var rows = VatBreakdown.Of([(10.03m, 25m), (10.03m, 25.00m)]);

        Assert.Equal(4.01m, Assert.Single(rows).Vat);
    }

    [Fact]
    public void A_receipt_shows_VAT_per_rate_over_its_lines()
    {
        var item = APiece("Tyggegummi", 10.03m);
        var sale = ASale().WithLine(item).WithLine(item).WithLine(item).WithLine(Newspaper).Build();

        Assert.Equal([new VatAmount(25m, 30.09m, 6.02m), new VatAmount(0m, 35.00m, 0m)], sale.VatBreakdown);
    }
}
