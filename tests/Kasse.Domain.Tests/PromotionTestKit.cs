using Kasse.Domain.Catalog;
using Kasse.Domain.Promotions;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Line = Kasse.Domain.Promotions.BasketLine;

namespace Kasse.Domain.Tests;

/// <summary>Promotions as a shop would set them up, and the pricer run on a basket at a given moment.</summary>
public static class Promos
{
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    public static readonly Guid StoreId = Guid.Parse("0196a000-0000-7000-8000-000000000001");

    public static ItemSelector Of(params Guid[] products) => new(products, []);
    public static ItemSelector InCategory(params Guid[] categories) => new([], categories);

    public static Promotion Make(PromotionTerms terms, Guid? id = null) => Promotion.Create(id ?? Guid.CreateVersion7(), terms);

    public static Promotion ThreeForTwo(params Guid[] products) =>
        Make(new PromotionTerms("3 for 2", PromotionKind.BuyXGetY, Of(products), BuyQuantity: 2, GetQuantity: 1));

    public static Promotion TwoFor(decimal price, params Guid[] products) =>
        Make(new PromotionTerms($"2 for {price}", PromotionKind.MultiBuy, Of(products), BuyQuantity: 2, Price: price));

    public static Promotion PercentOff(decimal percent, ItemSelector items) =>
        Make(new PromotionTerms($"{percent} % off", PromotionKind.PercentOff, items, Percent: percent));

    public static Line Piece(Guid product, decimal price, int quantity = 1, Guid? category = null) =>
        new(Guid.CreateVersion7(), product, category, quantity, price, CountsInPieces: true);

    public static PricingContext At(DateTimeOffset now, Guid? customerGroup = null, params Guid[] unlocked) =>
        new(now, Copenhagen, StoreId, customerGroup, unlocked.ToHashSet());

    public static PricingResult Price(IReadOnlyList<Line> basket, params Promotion[] promotions) =>
        PromotionPricer.Price(basket, promotions, [], At(Shop.Now));

    public static decimal Gross(IEnumerable<Line> basket) => basket.Sum(l => Money.Money.RoundToMinor(l.UnitPrice * l.Quantity));

    public static decimal SavingOn(this PricingResult result, Line line) => result.Adjustments.Where(a => a.LineId == line.LineId).Sum(a => a.Amount);

    /// <summary>Runs the pricer on a sale's lines and applies what it found, as the till's open-sale step does.</summary>
    public static void ApplyTo(Sale sale, Store store, IReadOnlyList<Guid?> categories, params Promotion[] promotions)
    {
        var basket = sale.Lines.Select((l, i) => new Line(l.Id, l.ProductId, categories[i], l.Quantity, l.UnitPrice,
            !l.Unit.AllowsFractions(), l.DiscountKind != DiscountKind.None)).ToList();
        var result = PromotionPricer.Price(basket, promotions, [], new PricingContext(Shop.Now, store.TimeZone, store.Id, null, new HashSet<Guid>()));
        sale.ApplyPromotions(result.Adjustments);
    }
}
