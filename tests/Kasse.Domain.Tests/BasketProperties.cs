using FsCheck;
using FsCheck.Xunit;
using Kasse.Domain.Money;
using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

/// <summary>DESIGN.md "Domain rules": what holds for any basket, not just the ones we thought of.</summary>
[Properties(Arbitrary = [typeof(BasketArbitraries)], MaxTest = 300)]
public class BasketProperties
{
    private static long Ore(decimal amount) => Kasse.Domain.Money.Money.ToMinorUnits(amount);

    /// <summary>n / d rounded half away from zero, in whole numbers, for n ≥ 0 and d > 0.</summary>
    private static long DivideRoundingHalfUp(long n, long d) => (2 * n + d) / (2 * d);

    [Property]
    public void The_lines_add_up_exactly_to_the_total(Basket basket)
    {
        var sale = basket.RingUp(ADanishStore());

        Assert.Equal(sale.TotalAmount, sale.Lines.Sum(l => l.TotalAmount));
        Assert.All(sale.Lines, l => Assert.Equal(l.TotalAmount, l.GrossAmount - l.LineDiscountAmount - l.SaleDiscountAmount));
        Assert.Equal(sale.SaleDiscountAmount, sale.Lines.Sum(l => l.SaleDiscountAmount));
    }

    [Property]
    public void Every_line_takes_its_share_of_a_sale_discount_to_within_an_ore(Basket basket)
    {
        var sale = basket.RingUp(ADanishStore());
        var discountable = sale.Lines.Sum(l => l.GrossAmount - l.LineDiscountAmount);
        if (discountable == 0m)
            return;

        foreach (var line in sale.Lines)
        {
            var exactShare = sale.SaleDiscountAmount * (line.GrossAmount - line.LineDiscountAmount) / discountable;
            Assert.True(Math.Abs(line.SaleDiscountAmount - exactShare) < 0.01m,
                $"Line {line.Position} took {line.SaleDiscountAmount} of {sale.SaleDiscountAmount}; its exact share is {exactShare}.");
        }
    }

    [Property]
    public void VAT_per_rate_is_rounded_once_over_that_rate_and_the_rows_add_up_to_the_total(Basket basket)
    {
        var sale = basket.RingUp(ADanishStore());

        var rows = sale.VatBreakdown;

        Assert.Equal(sale.TotalAmount, rows.Sum(r => r.Gross));
        Assert.Equal(sale.Lines.Select(l => l.VatPercent).Distinct().Order().Reverse(), rows.Select(r => r.Percent));
        foreach (var row in rows)
        {
            var grossOre = sale.Lines.Where(l => l.VatPercent == row.Percent).Sum(l => Ore(l.TotalAmount));
            var percent = (long)row.Percent;
            Assert.Equal(grossOre, Ore(row.Gross));
            Assert.Equal(DivideRoundingHalfUp(grossOre * percent, 100 + percent), Ore(row.Vat));
        }
    }

    [Property]
    public void Discounts_never_make_a_sale_negative_nor_dearer_than_its_prices(Basket basket)
    {
        var sale = basket.RingUp(ADanishStore());
        var grossOre = basket.Lines.Sum(l => l.Weighed ? DivideRoundingHalfUp(l.PriceOre * l.Quantity, 1000) : l.PriceOre * l.Quantity);

        Assert.InRange(Ore(sale.TotalAmount), 0L, grossOre);
        Assert.All(sale.Lines, l => Assert.True(l.TotalAmount >= 0m, $"Line {l.Position} totals {l.TotalAmount}."));
    }

    [Property]
    public void Paid_in_cash_the_books_balance(Basket basket, NonNegativeInt extraHalfKroner)
    {
        var store = ADanishStore();
        var sale = basket.RingUp(store);
        var total = sale.TotalAmount;
        if (total == 0m)
        {
            // Fully discounted: nothing to pay, and no payment is taken.
            sale.CompleteToday(store);
            Assert.Equal(SaleStatus.Completed, sale.Status);
            return;
        }
        // What a customer can hand over in Danish coins and notes: at least the total, in half kroner.
        var tendered = (Math.Ceiling(total / 0.50m) + extraHalfKroner.Get) * 0.50m;

        var cash = sale.PayCash(tendered);
        sale.CompleteToday(store);

        Assert.Equal(SaleStatus.Completed, sale.Status);
        Assert.Equal(CashRounding.HalfKrone.Round(total), cash.Amount);
        Assert.Equal(cash.Amount - total, cash.Rounding);
        Assert.InRange(cash.Rounding, -0.25m, 0.25m);
        Assert.Equal(tendered - cash.Amount, cash.Change);
        Assert.Equal(sale.PaidAmount, total + sale.CashRounding);
    }

    [Property]
    public void Paid_by_card_and_cash_the_books_balance(Basket basket, NonNegativeInt cardShare, NonNegativeInt extraHalfKroner)
    {
        var store = ADanishStore();
        var sale = basket.RingUp(store);
        var totalOre = Ore(sale.TotalAmount);
        if (totalOre < 2)
            return; // nothing to split

        var card = sale.PayByCard((1 + (cardShare.Get % (totalOre - 1))) / 100m);
        var remaining = sale.TotalAmount - card.Amount;
        var cash = sale.PayCash((Math.Ceiling(remaining / 0.50m) + extraHalfKroner.Get) * 0.50m);
        sale.CompleteToday(store);

        Assert.Equal(0m, card.Rounding);
        Assert.Equal(CashRounding.HalfKrone.Round(remaining), cash.Amount);
        Assert.InRange(cash.Rounding, -0.25m, 0.25m);
        Assert.Equal(card.Amount + cash.Amount, sale.TotalAmount + sale.CashRounding);
    }
}
