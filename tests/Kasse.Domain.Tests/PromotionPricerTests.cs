using Kasse.Domain.Promotions;
using static Kasse.Domain.Tests.Promos;

namespace Kasse.Domain.Tests;

public class PromotionPricerTests
{
    private static readonly Guid Cola = Guid.CreateVersion7();
    private static readonly Guid Fanta = Guid.CreateVersion7();
    private static readonly Guid Sandwich = Guid.CreateVersion7();
    private static readonly Guid Chips = Guid.CreateVersion7();
    private static readonly Guid Drinks = Guid.CreateVersion7();

    [Fact]
    public void Three_for_two_gives_the_cheapest_of_every_three_free_and_spreads_it_over_the_three()
    {
        var basket = new[] { Piece(Cola, 20m, 2), Piece(Fanta, 15m) };
        var result = Price(basket, ThreeForTwo(Cola, Fanta));
        Assert.Equal(15m, result.Saving);
        // Spread by price so returning one item gives back only its share: 20/55 and 15/55 of 15 kr.
        Assert.Equal(10.91m, result.SavingOn(basket[0]));
        Assert.Equal(4.09m, result.SavingOn(basket[1]));
    }

    [Fact]
    public void Three_for_two_needs_three_items_and_applies_once_per_three()
    {
        Assert.Equal(0m, Price([Piece(Cola, 20m, 2)], ThreeForTwo(Cola)).Saving);
        Assert.Equal(40m, Price([Piece(Cola, 20m, 7)], ThreeForTwo(Cola)).Saving);
    }

    [Fact]
    public void Two_for_fifty_prices_pairs_and_leaves_the_odd_item_at_full_price()
    {
        var result = Price([Piece(Cola, 30m, 3)], TwoFor(50m, Cola));
        Assert.Equal(10m, result.Saving);
    }

    [Fact]
    public void A_multi_buy_dearer_than_the_items_saves_nothing()
    {
        Assert.Empty(Price([Piece(Cola, 20m, 2)], TwoFor(50m, Cola)).Adjustments);
    }

    [Fact]
    public void Percent_off_a_category_covers_every_product_in_it()
    {
        var basket = new[] { Piece(Cola, 20m, 1, Drinks), Piece(Fanta, 15m, 1, Drinks), Piece(Chips, 25m) };
        var result = Price(basket, PercentOff(10m, InCategory(Drinks)));
        Assert.Equal(3.50m, result.Saving);
        Assert.Equal(0m, result.SavingOn(basket[2]));
    }

    [Fact]
    public void A_fixed_price_only_ever_lowers_a_price()
    {
        var fixedPrice = Make(new PromotionTerms("Cola 10 kr", PromotionKind.FixedPrice, Of(Cola, Fanta), Price: 18m));
        var basket = new[] { Piece(Cola, 20m, 2), Piece(Fanta, 15m) };
        var result = Price(basket, fixedPrice);
        Assert.Equal(4m, result.Saving);
        Assert.Equal(0m, result.SavingOn(basket[1]));
    }

    [Fact]
    public void Amount_off_never_takes_an_item_below_zero()
    {
        var amountOff = Make(new PromotionTerms("5 kr off", PromotionKind.AmountOff, Of(Cola), Amount: 5m));
        Assert.Equal(3m, Price([Piece(Cola, 3m)], amountOff).Saving);
        Assert.Equal(10m, Price([Piece(Cola, 20m, 2)], amountOff).Saving);
    }

    [Fact]
    public void A_meal_deal_prices_one_of_each_component_together_as_often_as_it_fits()
    {
        var mealDeal = Make(new PromotionTerms("Frokosttilbud", PromotionKind.Bundle, null,
            Components: [new BundleComponent(Of(Sandwich), 1), new BundleComponent(InCategory(Drinks), 1), new BundleComponent(Of(Chips), 1)],
            Price: 60m));
        var basket = new[] { Piece(Sandwich, 45m, 2), Piece(Cola, 20m, 2, Drinks), Piece(Chips, 15m, 1) };
        var result = Price(basket, mealDeal);
        Assert.Equal(20m, result.Saving); // one full deal (45+20+15 = 80 → 60); the second lacks chips
    }

    [Fact]
    public void An_item_takes_one_promotion_only_the_one_that_saves_most()
    {
        var basket = new[] { Piece(Cola, 20m, 3) };
        var result = Price(basket, ThreeForTwo(Cola), PercentOff(10m, Of(Cola)));
        Assert.Equal(20m, result.Saving);
        Assert.Single(result.Adjustments.Select(a => a.SourceId).Distinct());
    }

    [Fact]
    public void Competing_promotions_are_combined_for_the_customers_best_price()
    {
        // Greedy alone would take 30 % off all four (saving 24) and miss 3 for 2 on the colas plus 30 % on the chips (26).
        var basket = new[] { Piece(Cola, 20m, 3), Piece(Chips, 20m) };
        var result = Price(basket, ThreeForTwo(Cola), PercentOff(30m, Of(Cola, Chips)));
        Assert.Equal(26m, result.Saving);
    }

    [Fact]
    public void Happy_hour_runs_on_its_weekdays_between_its_local_hours()
    {
        var happyHour = Make(new PromotionTerms("Happy hour", PromotionKind.PercentOff, Of(Cola), Percent: 50m,
            Days: Weekdays.Friday, StartTime: new TimeOnly(16, 0), EndTime: new TimeOnly(18, 0)));
        // Friday 2026-07-03: Copenhagen is UTC+2 in summer, so 16:30 local is 14:30 UTC.
        Assert.True(happyHour.IsRunningAt(new DateTimeOffset(2026, 7, 3, 14, 30, 0, TimeSpan.Zero), Copenhagen));
        Assert.False(happyHour.IsRunningAt(new DateTimeOffset(2026, 7, 3, 16, 30, 0, TimeSpan.Zero), Copenhagen));
        // In winter UTC+1: 16:30 local is 15:30 UTC.
        Assert.True(happyHour.IsRunningAt(new DateTimeOffset(2026, 1, 9, 15, 30, 0, TimeSpan.Zero), Copenhagen));
        Assert.False(happyHour.IsRunningAt(new DateTimeOffset(2026, 1, 8, 15, 30, 0, TimeSpan.Zero), Copenhagen)); // a Thursday
    }

    [Fact]
    public void A_window_past_midnight_belongs_to_the_day_it_started()
    {
        var late = Make(new PromotionTerms("Natpris", PromotionKind.PercentOff, Of(Cola), Percent: 20m,
            Days: Weekdays.Saturday, StartTime: new TimeOnly(22, 0), EndTime: new TimeOnly(2, 0)));
        Assert.True(late.IsRunningAt(new DateTimeOffset(2026, 1, 10, 22, 30, 0, TimeSpan.Zero), Copenhagen)); // Sat 23:30
        Assert.True(late.IsRunningAt(new DateTimeOffset(2026, 1, 11, 0, 30, 0, TimeSpan.Zero), Copenhagen)); // Sun 01:30
        Assert.False(late.IsRunningAt(new DateTimeOffset(2026, 1, 11, 22, 30, 0, TimeSpan.Zero), Copenhagen)); // Sun 23:30
    }

    [Fact]
    public void Valid_from_and_to_bound_a_promotion()
    {
        var week = Make(new PromotionTerms("Ugens tilbud", PromotionKind.PercentOff, Of(Cola), Percent: 10m,
            ValidFrom: Shop.Now.AddDays(1), ValidTo: Shop.Now.AddDays(8)));
        Assert.Empty(Price([Piece(Cola, 20m)], week).Adjustments);
        Assert.True(week.IsRunningAt(Shop.Now.AddDays(2), Copenhagen));
        Assert.False(week.IsRunningAt(Shop.Now.AddDays(8), Copenhagen));
    }

    [Fact]
    public void A_coupon_promotion_applies_only_once_its_coupon_is_given()
    {
        var coupon = Make(new PromotionTerms("Kupon", PromotionKind.PercentOff, Of(Cola), Percent: 25m, RequiresCoupon: true));
        var basket = new[] { Piece(Cola, 20m) };
        Assert.Empty(PromotionPricer.Price(basket, [coupon], [], At(Shop.Now)).Adjustments);
        Assert.Equal(5m, PromotionPricer.Price(basket, [coupon], [], At(Shop.Now, null, coupon.Id)).Saving);
    }

    [Fact]
    public void Customer_group_prices_apply_to_that_group_only()
    {
        var members = Guid.CreateVersion7();
        var memberPrice = PriceList.Create(Guid.CreateVersion7(), "Medlemspris", null, members, null, null, true, [(Cola, 16m)]);
        var basket = new[] { Piece(Cola, 20m, 2) };
        Assert.Empty(PromotionPricer.Price(basket, [], [memberPrice], At(Shop.Now)).Adjustments);
        var result = PromotionPricer.Price(basket, [], [memberPrice], At(Shop.Now, members));
        Assert.Equal(8m, result.Saving);
        Assert.Equal(AdjustmentSource.PriceList, result.Adjustments.Single().Source);
    }

    [Fact]
    public void A_store_price_list_applies_in_its_store_and_promotions_stack_on_its_price()
    {
        var storeList = PriceList.Create(Guid.CreateVersion7(), "Butik Aarhus", StoreId, null, null, null, true, [(Cola, 18m), (Fanta, 99m)]);
        var otherStore = PriceList.Create(Guid.CreateVersion7(), "Butik Odense", Guid.CreateVersion7(), null, null, null, true, [(Cola, 1m)]);
        var basket = new[] { Piece(Cola, 20m, 3), Piece(Fanta, 15m) };
        var result = PromotionPricer.Price(basket, [ThreeForTwo(Cola)], [storeList, otherStore], At(Shop.Now));
        // 3 × 2 kr off by the price list; then the third cola (18 kr) free; the dearer list price for Fanta is ignored.
        Assert.Equal(24m, result.Saving);
        Assert.DoesNotContain(result.Adjustments, a => a.SourceId == otherStore.Id);
    }

    [Fact]
    public void Weighed_items_take_percent_off_but_are_not_counted_in_multi_buys()
    {
        var cheese = new Kasse.Domain.Promotions.BasketLine(Guid.CreateVersion7(), Cola, null, 0.5m, 89m, CountsInPieces: false);
        Assert.Equal(4.45m, Price([cheese], PercentOff(10m, Of(Cola))).Saving);
        Assert.Empty(Price([cheese, cheese with { LineId = Guid.CreateVersion7() }, cheese with { LineId = Guid.CreateVersion7() }], ThreeForTwo(Cola)).Adjustments);
    }

    [Fact]
    public void A_line_with_a_manual_discount_takes_no_promotion()
    {
        var line = Piece(Cola, 20m) with { Excluded = true };
        Assert.Empty(Price([line], PercentOff(10m, Of(Cola))).Adjustments);
    }

    [Fact]
    public void Promotions_of_another_store_do_not_apply()
    {
        var elsewhere = Make(new PromotionTerms("Odense", PromotionKind.PercentOff, Of(Cola), Percent: 10m, StoreId: Guid.CreateVersion7()));
        Assert.Empty(Price([Piece(Cola, 20m)], elsewhere).Adjustments);
    }

    [Fact]
    public void Invalid_terms_are_refused_with_a_reason()
    {
        Refused.With("promotion.items", () => Make(new PromotionTerms("x", PromotionKind.PercentOff, new ItemSelector([], []), Percent: 10m)));
        Refused.With("promotion.percent", () => Make(new PromotionTerms("x", PromotionKind.PercentOff, Of(Cola), Percent: 120m)));
        Refused.With("promotion.buy-quantity", () => Make(new PromotionTerms("x", PromotionKind.MultiBuy, Of(Cola), BuyQuantity: 1, Price: 10m)));
        Refused.With("promotion.components", () => Make(new PromotionTerms("x", PromotionKind.Bundle, null, Components: [new BundleComponent(Of(Cola), 1)], Price: 10m)));
        Refused.With("promotion.valid-to", () => Make(new PromotionTerms("x", PromotionKind.PercentOff, Of(Cola), Percent: 10m, ValidFrom: Shop.Now, ValidTo: Shop.Now)));
        Refused.With("promotion.hours", () => Make(new PromotionTerms("x", PromotionKind.PercentOff, Of(Cola), Percent: 10m, StartTime: new TimeOnly(10, 0))));
        Refused.With("coupon.code", () => Coupon.Create(Guid.CreateVersion7(), "ÆØÅ 1", Guid.CreateVersion7(), null, null, true));
    }
}
