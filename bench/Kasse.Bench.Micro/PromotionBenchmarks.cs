using BenchmarkDotNet.Attributes;
using Kasse.Domain.Promotions;

namespace Kasse.Bench.Micro;

/// <summary>
/// Pricing a 100-line basket against 1,000 running promotions (issue 9): what the till does after every scan in a shop
/// with a busy promotions calendar. Mixed kinds over a 2,000-product catalogue in 50 categories, seeded so runs compare.
/// </summary>
[MemoryDiagnoser]
public class PromotionBenchmarks
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 15, 15, 0, TimeSpan.Zero);
    private List<BasketLine> _basket = [];
    private List<Promotion> _promotions = [];
    private PricingContext _context = null!;

    [Params(1_000)]
    public int Promotions { get; set; }

    [Params(100)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(9);
        var products = Enumerable.Range(0, 2_000).Select(_ => Guid.CreateVersion7()).ToArray();
        var categories = Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()).ToArray();
        Guid CategoryOf(Guid product) => categories[Array.IndexOf(products, product) % categories.Length];
        ItemSelector SomeItems() => random.Next(5) == 0
            ? new ItemSelector([], [categories[random.Next(categories.Length)]])
            : new ItemSelector(Enumerable.Range(0, random.Next(1, 6)).Select(_ => products[random.Next(products.Length)]).Distinct().ToList(), []);
        var kinds = Enum.GetValues<PromotionKind>();
        _promotions = Enumerable.Range(0, Promotions).Select(i =>
        {
            var kind = kinds[i % kinds.Length];
            var terms = kind switch
            {
                PromotionKind.PercentOff => new PromotionTerms($"P{i}", kind, SomeItems(), Percent: random.Next(5, 50)),
                PromotionKind.AmountOff => new PromotionTerms($"A{i}", kind, SomeItems(), Amount: random.Next(1, 10)),
                PromotionKind.FixedPrice => new PromotionTerms($"F{i}", kind, SomeItems(), Price: random.Next(5, 40)),
                PromotionKind.MultiBuy => new PromotionTerms($"M{i}", kind, SomeItems(), BuyQuantity: random.Next(2, 4), Price: random.Next(20, 60)),
                PromotionKind.BuyXGetY => new PromotionTerms($"B{i}", kind, SomeItems(), BuyQuantity: 2, GetQuantity: 1),
                PromotionKind.Bundle => new PromotionTerms($"D{i}", kind, null,
                    Components: [new BundleComponent(SomeItems(), 1), new BundleComponent(SomeItems(), 1)], Price: random.Next(30, 80)),
            };
            // Every fifth runs in a happy-hour window, so time windows are evaluated too.
            if (i % 5 == 0)
                terms = terms with { Days = Weekdays.Friday | Weekdays.Saturday, StartTime = new TimeOnly(15, 0), EndTime = new TimeOnly(18, 0) };
            return Promotion.Create(Guid.CreateVersion7(), terms);
        }).ToList();
        _basket = Enumerable.Range(0, Lines).Select(_ =>
        {
            var product = products[random.Next(products.Length)];
            return new BasketLine(Guid.CreateVersion7(), product, CategoryOf(product), random.Next(1, 4), random.Next(500, 10_000) / 100m, true);
        }).ToList();
        _context = new PricingContext(Now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen"), Guid.CreateVersion7(), null, new HashSet<Guid>());
    }

    [Benchmark(Description = "Price a basket against the running promotions")]
    public decimal PriceBasket() => PromotionPricer.Price(_basket, _promotions, [], _context).Saving;
}
