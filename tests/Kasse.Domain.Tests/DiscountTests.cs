using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

public class DiscountTests
{
    [Fact]
    public void A_percent_line_discount_comes_off_the_line()
    {
        var sale = ASale().WithLine(Rye, 2, LineDiscount.Percent(10)).Build();

        var line = Assert.Single(sale.Lines);
        Assert.Equal((49.90m, 4.99m, 44.91m), (line.GrossAmount, line.LineDiscountAmount, line.TotalAmount));
        Assert.Equal("Kort holdbarhed", line.DiscountReason);
        Assert.Equal(44.91m, sale.TotalAmount);
    }

    [Fact]
    public void An_amount_line_discount_comes_off_the_line()
    {
        var sale = ASale().WithLine(Rye, 2, LineDiscount.Amount(5.00m)).Build();

        Assert.Equal(44.90m, sale.TotalAmount);
        Assert.Equal(5.00m, sale.DiscountTotal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_discount_needs_a_reason(string? reason)
    {
        var sale = ASale().WithLine(Rye).Build();

        Refused.With("discount.reason", () => sale.SetLineDiscount(sale.Lines[0].Id, DiscountKind.Amount, 5m, reason));
        Refused.With("discount.reason", () => sale.SetSaleDiscount(DiscountKind.Percent, 10m, reason));
    }

    [Fact]
    public void A_line_discount_can_not_be_more_than_the_line()
    {
        var sale = ASale().WithLine(Rye).Build();

        Refused.With("discount.too-large", () => sale.SetLineDiscount(sale.Lines[0].Id, DiscountKind.Amount, 24.96m, "Kort holdbarhed"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.01)]
    [InlineData(12.345)]
    public void A_percent_discount_is_above_0_and_at_most_100_in_two_decimals(double percent)
    {
        var sale = ASale().WithLine(Rye).Build();

        Refused.With("discount.percent", () => sale.SetLineDiscount(sale.Lines[0].Id, DiscountKind.Percent, (decimal)percent, "Tilbud"));
    }

    [Fact]
    public void Removing_a_line_discount_restores_the_price()
    {
        var sale = ASale().WithLine(Rye, 1, LineDiscount.Percent(50)).Build();

        sale.SetLineDiscount(sale.Lines[0].Id, DiscountKind.None, 0m, null);

        Assert.Equal(24.95m, sale.TotalAmount);
        Assert.Null(sale.Lines[0].DiscountReason);
    }

    [Fact]
    public void A_sale_discount_is_shared_over_the_lines_so_they_still_add_up_to_the_total()
    {
        var ten = APiece("Kaffe", 10.00m);
        var sale = ASale().WithLine(ten).WithLine(ten).WithLine(ten).WithSaleDiscount(LineDiscount.Amount(10.00m)).Build();

        Assert.Equal([3.34m, 3.33m, 3.33m], sale.Lines.Select(l => l.SaleDiscountAmount));
        Assert.Equal([6.66m, 6.67m, 6.67m], sale.Lines.Select(l => l.TotalAmount));
        Assert.Equal(20.00m, sale.TotalAmount);
        Assert.Equal(10.00m, sale.SaleDiscountAmount);
    }

    [Fact]
    public void A_percent_sale_discount_is_taken_from_what_is_left_after_line_discounts()
    {
        var sale = ASale().WithLine(Milk, 3).WithLine(Rye, 1, LineDiscount.Amount(4.95m)).WithLine(Newspaper)
            .WithSaleDiscount(new LineDiscount(DiscountKind.Percent, 15m, "Personalerabat")).Build();

        // 38.85 + 20.00 + 35.00 = 93.85; 15 % = 14.0775 → 14.08
        Assert.Equal(14.08m, sale.SaleDiscountAmount);
        Assert.Equal(93.85m - 14.08m, sale.TotalAmount);
        Assert.Equal(sale.TotalAmount, sale.Lines.Sum(l => l.TotalAmount));
        Assert.Equal(4.95m + 14.08m, sale.DiscountTotal);
    }

    [Fact]
    public void A_sale_discount_keeps_VAT_exact_per_rate()
    {
        var sale = ASale().WithLine(Rye, 2).WithLine(Newspaper).WithSaleDiscount(LineDiscount.Amount(10.00m)).Build();

        // 49.90 and 35.00 share 10.00 as 5.88 and 4.12
        Assert.Equal([44.02m, 30.88m], sale.VatBreakdown.Select(r => r.Gross));
        Assert.Equal([8.80m, 0m], sale.VatBreakdown.Select(r => r.Vat));
    }

    [Fact]
    public void A_sale_discount_amount_can_not_be_more_than_the_sale() =>
        Refused.With("discount.too-large", () => ASale().WithLine(Milk).WithSaleDiscount(LineDiscount.Amount(12.96m)).Build());

    [Fact]
    public void A_sale_discount_shrinks_to_what_is_left_when_lines_are_removed()
    {
        var sale = ASale().WithLine(Milk).WithLine(Rye).WithSaleDiscount(LineDiscount.Amount(20.00m)).Build();

        sale.RemoveLine(sale.Lines[1].Id);

        Assert.Equal(12.95m, sale.SaleDiscountAmount);
        Assert.Equal(0m, sale.TotalAmount);
    }
}
