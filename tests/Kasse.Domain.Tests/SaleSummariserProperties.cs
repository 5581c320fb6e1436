using FsCheck.Xunit;
using Kasse.Domain.Reporting;
using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

/// <summary>Reports add up to the receipts: what a completed sale adds to the daily summaries, for any basket.</summary>
[Properties(Arbitrary = [typeof(BasketArbitraries)], MaxTest = 200)]
public class SaleSummariserProperties
{
    private static long Ore(decimal amount) => Kasse.Domain.Money.Money.ToMinorUnits(amount);

    [Property]
    public void Every_dimension_adds_up_to_the_receipt_to_the_ore(Basket basket)
    {
        var store = ADanishStore();
        var sale = basket.RingUp(store);
        if (sale.Lines.Count == 0 || sale.TotalAmount == 0m)
            return;
        sale.PayByCard();
        sale.CompleteToday(store);

        var rows = SaleSummariser.Summarise(sale, 11, new Dictionary<Guid, ProductFacts>());

        foreach (var dimension in new[] { SummaryDimension.Day, SummaryDimension.Hour, SummaryDimension.Category, SummaryDimension.Product, SummaryDimension.Employee })
        {
            var of = rows.Where(r => r.Dimension == dimension).ToList();
            Assert.Equal(Ore(sale.TotalAmount), of.Sum(r => r.Gross));
            Assert.Equal(Ore(sale.VatBreakdown.Sum(v => v.Vat)), of.Sum(r => r.Vat));
            Assert.Equal(Ore(sale.VatBreakdown.Sum(v => v.Net)), of.Sum(r => r.Net));
            Assert.Equal(Ore(sale.DiscountTotal), of.Sum(r => r.Discounts));
        }
        Assert.Equal(Ore(sale.PaidAmount), rows.Where(r => r.Dimension == SummaryDimension.PaymentMethod).Sum(r => r.Gross));
        Assert.All(rows, r => Assert.Equal(1L, r.Receipts));
    }

    [Fact]
    public void A_training_sale_adds_nothing()
    {
        var store = ADanishStore();
        var register = ARegister(store);
        register.SetTrainingMode(true);
        var sale = Sale.Open(Guid.CreateVersion7(), store, register, null, Now);
        sale.Add(store, Milk, 2m);
        sale.PayByCard();
        sale.CompleteToday(store);

        Assert.True(sale.IsTraining);
        Assert.Empty(SaleSummariser.Summarise(sale, 11, new Dictionary<Guid, ProductFacts>()));
    }

    [Fact]
    public void Margin_is_counted_only_for_goods_with_a_known_cost()
    {
        var store = ADanishStore();
        var milk = Milk;
        var rye = Rye;
        var sale = ASale().InStore(store).WithLine(milk, 3m).WithLine(rye).Build();
        sale.PayByCard();
        sale.CompleteToday(store);
        var facts = new Dictionary<Guid, ProductFacts> { [milk.Id] = new(null, 7.25m) };

        var day = Assert.Single(SaleSummariser.Summarise(sale, 11, facts), r => r.Dimension == SummaryDimension.Day);

        Assert.Equal(2175L, day.Cost); // 3 × 7.25
        Assert.Equal(3108L, day.CostedNet); // 38.85 incl. VAT → 31.08 excl. 25 % VAT
        Assert.Equal(4L, day.ItemsSold);
    }
}
