using Kasse.Domain.Catalog;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kasse.Domain.Promotions;
using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.Shop;
using Line = Kasse.Domain.Promotions.BasketLine;

namespace Kasse.Domain.Tests;

/// <summary>A basket of a few products (so promotions meet), the promotions running, and a shuffled scan order.</summary>
public sealed record PromotedBasket(IReadOnlyList<Line> Lines, IReadOnlyList<Promotion> Promotions, IReadOnlyList<int> ScanOrder)
{
    public override string ToString() =>
        string.Join("; ", Lines.Select(l => $"{l.Quantity}×{l.UnitPrice} p{Array.IndexOf(PromotionArbitraries.Products, l.ProductId!.Value)}"))
        + " | " + string.Join("; ", Promotions.Select(p => $"{p.Kind} {p.Percent}% {p.Amount} {p.Price} {p.BuyQuantity}/{p.GetQuantity}"))
        + " | order " + string.Join(",", ScanOrder);
}

public static class PromotionArbitraries
{
    public static readonly Guid[] Products = Enumerable.Range(1, 5).Select(i => Guid.Parse($"0196a000-0000-7000-8000-00000000010{i}")).ToArray();
    public static readonly Guid[] Categories = [Guid.Parse("0196a000-0000-7000-8000-000000000201"), Guid.Parse("0196a000-0000-7000-8000-000000000202")];

    private static Guid? CategoryOf(Guid product) => Categories[Array.IndexOf(Products, product) % 2];

    private static Gen<ItemSelector> Items =>
        from products in Gen.SubListOf(Products)
        from category in Gen.Elements<Guid?>(null, Categories[0], Categories[1])
        select products.Count == 0 && category is null
            ? new ItemSelector([Products[0]], [])
            : new ItemSelector(products.ToList(), category is { } c ? [c] : []);

    private static Gen<Promotion> APromotion =>
        from kind in Gen.Elements(Enum.GetValues<PromotionKind>())
        from items in Items
        from second in Items
        from percent in Gen.Choose(1, 100)
        from ore in Gen.Choose(0, 20_000)
        from buy in Gen.Choose(2, 4)
        from get in Gen.Choose(1, 2)
        select Promotion.Create(Guid.CreateVersion7(), kind switch
        {
            PromotionKind.PercentOff => new PromotionTerms("p", kind, items, Percent: percent),
            PromotionKind.AmountOff => new PromotionTerms("a", kind, items, Amount: Math.Max(1, ore) / 100m),
            PromotionKind.FixedPrice => new PromotionTerms("f", kind, items, Price: ore / 100m),
            PromotionKind.MultiBuy => new PromotionTerms("m", kind, items, BuyQuantity: buy, Price: ore / 100m),
            PromotionKind.BuyXGetY => new PromotionTerms("b", kind, items, BuyQuantity: buy - 1, GetQuantity: get, Percent: percent),
            PromotionKind.Bundle => new PromotionTerms("d", kind, null, Components: [new BundleComponent(items, get), new BundleComponent(second, 1)], Price: ore / 100m),
        });

    private static Gen<Line> ALine =>
        from product in Gen.Elements(Products)
        from weighed in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from price in Gen.Frequency((1, Gen.Elements(0, 1, 99)), (6, Gen.Choose(100, 30_000)))
        from quantity in weighed ? Gen.Choose(1, 3_000) : Gen.Choose(1, 6)
        select new Line(Guid.CreateVersion7(), product, CategoryOf(product), weighed ? quantity / 1000m : quantity, price / 100m, !weighed);

    public static Arbitrary<PromotedBasket> PromotedBasket() =>
        (from count in Gen.Choose(1, 12)
         from lines in Gen.ListOf(ALine, count)
         from promotionCount in Gen.Choose(0, 7)
         from promotions in Gen.ListOf(APromotion, promotionCount)
         from order in Gen.Shuffle(Enumerable.Range(0, count).ToArray())
         select new PromotedBasket(lines.ToList(), promotions.ToList(), order.ToList())).ToArbitrary();
}

[Properties(Arbitrary = [typeof(PromotionArbitraries)], MaxTest = 300)]
public class PromotionProperties
{
    private static PricingResult PriceOf(IReadOnlyList<Line> lines, IReadOnlyList<Promotion> promotions) =>
        PromotionPricer.Price(lines, promotions, [], Promos.At(Now));

    [Property]
    public void The_price_does_not_depend_on_the_scan_order(PromotedBasket basket)
    {
        var scanned = PriceOf(basket.Lines, basket.Promotions);
        var shuffled = PriceOf(basket.ScanOrder.Select(i => basket.Lines[i]).ToList(), basket.Promotions.Reverse().ToList());
        Assert.Equal(scanned.Saving, shuffled.Saving);
        Assert.Equal(scanned.Adjustments, shuffled.Adjustments);
    }

    [Property]
    public void The_price_is_never_negative_and_never_above_the_undiscounted_price(PromotedBasket basket)
    {
        var result = PriceOf(basket.Lines, basket.Promotions);
        Assert.All(result.Adjustments, a => Assert.True(a.Amount > 0m, $"{a.Name} takes {a.Amount}."));
        foreach (var line in basket.Lines)
        {
            var gross = Money.Money.RoundToMinor(line.UnitPrice * line.Quantity);
            var saving = result.SavingOn(line);
            Assert.True(saving <= gross, $"{saving} off a line of {gross}.");
        }
        Assert.InRange(Promos.Gross(basket.Lines) - result.Saving, 0m, Promos.Gross(basket.Lines));
    }

    [Property]
    public void A_partial_return_never_refunds_more_than_was_paid(PromotedBasket basket)
    {
        var store = ADanishStore();
        var register = ARegister(store);
        var sale = Sale.Open(Guid.CreateVersion7(), store, register, null, Now);
        var categories = new List<Guid?>();
        foreach (var item in basket.Lines)
        {
            var product = item.CountsInPieces ? APiece("Vare", item.UnitPrice) : AWeighed("Vare", item.UnitPrice);
            sale.AddProductLine(item.LineId, product, store.VatRateFor(25m), item.Quantity, null);
            categories.Add(item.CategoryId);
        }
        // The pricer sees the basket's own product ids (the generated ones), so promotions meet.
        var lines = sale.Lines.Select((l, i) => basket.Lines[i] with { LineId = l.Id }).ToList();
        sale.ApplyPromotions(PriceOf(lines, basket.Promotions).Adjustments);
        Assert.InRange(sale.TotalAmount, 0m, sale.Lines.Sum(l => l.GrossAmount));
        if (sale.TotalAmount > 0m)
            sale.PayByCard();
        sale.CompleteToday(store);

        var ret = Sale.OpenReturn(Guid.CreateVersion7(), store, register, null, Now, sale, "Fortrudt", null);
        foreach (var (line, i) in sale.Lines.Select((l, i) => (l, i)).Where(x => basket.ScanOrder[x.i % basket.ScanOrder.Count] % 2 == 0))
        {
            var half = line.Unit.AllowsFractions() ? decimal.Round(line.Quantity / 2m, 3) : Math.Max(1m, decimal.Truncate(line.Quantity / 2m));
            if (half <= 0m)
                continue;
            ret.AddReturnLine(Guid.CreateVersion7(), line, half, ReturnRules.RefundFor(line, 0m, half), sale.Promotions);
        }
        Assert.True(-ret.TotalAmount <= sale.TotalAmount, $"{-ret.TotalAmount} refunded of {sale.TotalAmount} paid.");
        Assert.All(ret.Lines, l => Assert.True(-l.TotalAmount <= sale.Lines.Single(o => o.Id == l.OriginalLineId).TotalAmount));
        Assert.True(-ret.PromotionTotal <= sale.PromotionTotal, $"{-ret.PromotionTotal} of promotions given back of {sale.PromotionTotal}.");
        Assert.Equal(ret.PromotionTotal, ret.Promotions.Sum(p => p.Amount));
    }
}

public class PromotionOnSaleTests
{
    [Fact]
    public void A_partial_return_of_a_three_for_two_gives_back_each_items_share_of_the_promotion()
    {
        var store = ADanishStore();
        var register = ARegister(store);
        var cola = APiece("Cola", 20m);
        var sale = Sale.Open(Guid.CreateVersion7(), store, register, null, Now);
        var line = sale.AddProductLine(Guid.CreateVersion7(), cola, store.VatRateFor(25m), 3m, null);
        Promos.ApplyTo(sale, store, [null], Promos.ThreeForTwo(cola.Id));
        Assert.Equal(40m, sale.TotalAmount);
        Assert.Equal(20m, sale.PromotionTotal);
        Assert.Equal("3 for 2", Assert.Single(sale.Promotions).Name);
        sale.PayByCard();
        sale.CompleteToday(store);

        var ret = Sale.OpenReturn(Guid.CreateVersion7(), store, register, null, Now, sale, "Fortrudt", null);
        ret.AddReturnLine(Guid.CreateVersion7(), line, 1m, ReturnRules.RefundFor(line, 0m, 1m), sale.Promotions);
        Assert.Equal(-13.33m, ret.TotalAmount);
        Assert.Equal(-6.67m, Assert.Single(ret.Promotions).Amount);
    }

    [Fact]
    public void A_manual_line_discount_replaces_the_promotion_on_that_line_and_a_sale_discount_applies_after_promotions()
    {
        var store = ADanishStore();
        var cola = APiece("Cola", 20m);
        var sale = Sale.Open(Guid.CreateVersion7(), store, ARegister(store), null, Now);
        var line = sale.AddProductLine(Guid.CreateVersion7(), cola, store.VatRateFor(25m), 3m, null);
        Promos.ApplyTo(sale, store, [null], Promos.ThreeForTwo(cola.Id));
        sale.SetSaleDiscount(DiscountKind.Percent, 10m, "Personalerabat");
        Assert.Equal(36m, sale.TotalAmount);

        sale.SetLineDiscount(line.Id, DiscountKind.Amount, 5m, "Buket");
        Promos.ApplyTo(sale, store, [null], Promos.ThreeForTwo(cola.Id));
        Assert.Empty(sale.Promotions);
        Assert.Equal(49.50m, sale.TotalAmount);
    }

    [Fact]
    public void Promotions_stay_as_they_are_once_payment_has_started()
    {
        var store = ADanishStore();
        var cola = APiece("Cola", 20m);
        var sale = Sale.Open(Guid.CreateVersion7(), store, ARegister(store), null, Now);
        sale.AddProductLine(Guid.CreateVersion7(), cola, store.VatRateFor(25m), 3m, null);
        sale.PayByCard(10m);
        Promos.ApplyTo(sale, store, [null], Promos.ThreeForTwo(cola.Id));
        Assert.Equal(60m, sale.TotalAmount);
    }
}
