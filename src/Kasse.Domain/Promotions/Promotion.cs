using System.Globalization;
using M = Kasse.Domain.Money.Money;

namespace Kasse.Domain.Promotions;

/// <summary>
/// A rule that lowers prices automatically at the till while it is valid: for a store (or all stores), between
/// <see cref="ValidFrom"/> and <see cref="ValidTo"/>, on the chosen weekdays and local hours, for a customer group, or
/// only once its coupon code is entered. See docs/promotions.md for how promotions combine.
/// </summary>
public sealed class Promotion
{
    public const int MaxNameLength = 60;
    public const int MaxBundleComponents = 10;
    public const int MaxCount = 999;
    public const decimal MaxPrice = 1_000_000m;

    private Promotion() { Name = ""; Items = new ItemSelector([], []); Components = []; }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public PromotionKind Kind { get; private set; }
    public ItemSelector Items { get; private set; }
    public IReadOnlyList<BundleComponent> Components { get; private set; }
    public decimal Percent { get; private set; }
    public decimal Amount { get; private set; }
    public decimal Price { get; private set; }
    public int BuyQuantity { get; private set; }
    public int GetQuantity { get; private set; }
    public Guid? StoreId { get; private set; }
    public DateTimeOffset? ValidFrom { get; private set; }
    public DateTimeOffset? ValidTo { get; private set; }
    public Weekdays Days { get; private set; }
    public TimeOnly? StartTime { get; private set; }
    public TimeOnly? EndTime { get; private set; }
    public Guid? CustomerGroupId { get; private set; }
    public bool RequiresCoupon { get; private set; }
    public bool IsActive { get; private set; }

    public static Promotion Create(Guid id, PromotionTerms terms)
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid(PromotionErrors.Id, "A promotion id must not be empty.");
        var promotion = new Promotion { Id = id };
        promotion.Change(terms);
        return promotion;
    }

    public void Change(PromotionTerms terms)
    {
        Name = Text.Required(terms.Name, MaxNameLength, "promotion.name", "A promotion name");
        Kind = Enum.IsDefined(terms.Kind) ? terms.Kind : throw DomainException.Invalid(PromotionErrors.Kind, "Unknown promotion kind.");
        Percent = 0m;
        Amount = 0m;
        Price = 0m;
        BuyQuantity = 0;
        GetQuantity = 0;
        Components = [];
        Items = new ItemSelector([], []);
        switch (Kind)
        {
            case PromotionKind.PercentOff:
                Items = RequireItems(terms);
                Percent = RequirePercent(terms.Percent);
                break;
            case PromotionKind.AmountOff:
                Items = RequireItems(terms);
                Amount = RequireMoney(terms.Amount, "promotion.amount", "The amount off", allowZero: false);
                break;
            case PromotionKind.FixedPrice:
                Items = RequireItems(terms);
                Price = RequireMoney(terms.Price, "promotion.price", "The fixed price", allowZero: true);
                break;
            case PromotionKind.MultiBuy:
                Items = RequireItems(terms);
                BuyQuantity = RequireCount(terms.BuyQuantity, 2, "promotion.buy-quantity", "How many items the multi-buy takes");
                Price = RequireMoney(terms.Price, "promotion.price", "The multi-buy price", allowZero: true);
                break;
            case PromotionKind.BuyXGetY:
                Items = RequireItems(terms);
                BuyQuantity = RequireCount(terms.BuyQuantity, 1, "promotion.buy-quantity", "How many items are bought");
                GetQuantity = RequireCount(terms.GetQuantity, 1, "promotion.get-quantity", "How many items are given");
                Percent = terms.Percent is null ? 100m : RequirePercent(terms.Percent);
                break;
            case PromotionKind.Bundle:
                Components = RequireComponents(terms.Components);
                Price = RequireMoney(terms.Price, "promotion.price", "The bundle price", allowZero: true);
                break;
        }
        if (terms.ValidFrom is { } from && terms.ValidTo is { } to && to <= from)
            throw DomainException.Invalid(PromotionErrors.ValidTo, "A promotion must end after it starts.");
        if ((terms.StartTime is null) != (terms.EndTime is null))
            throw DomainException.Invalid(PromotionErrors.Hours, "Give both a start and an end time, or neither.");
        if (terms.StartTime is { } start && start == terms.EndTime)
            throw DomainException.Invalid(PromotionErrors.Hours, "The start and end time must differ (an end before the start runs past midnight).");
        if (terms.Days == Weekdays.None || (terms.Days & ~Weekdays.All) != 0)
            throw DomainException.Invalid(PromotionErrors.Days, "Choose at least one weekday.");
        StoreId = terms.StoreId;
        ValidFrom = terms.ValidFrom;
        ValidTo = terms.ValidTo;
        Days = terms.Days;
        StartTime = terms.StartTime;
        EndTime = terms.EndTime;
        CustomerGroupId = terms.CustomerGroupId;
        RequiresCoupon = terms.RequiresCoupon;
        IsActive = terms.IsActive;
    }

    /// <summary>Whether the promotion runs at this instant in a store of this time zone (hours and weekdays are local).</summary>
    public bool IsRunningAt(DateTimeOffset now, TimeZoneInfo storeZone)
    {
        if (!IsActive || (ValidFrom is { } from && now < from) || (ValidTo is { } to && now >= to))
            return false;
        var local = TimeZoneInfo.ConvertTime(now, storeZone);
        var time = TimeOnly.FromDateTime(local.DateTime);
        if (StartTime is not { } start || EndTime is not { } end)
            return Days.Includes(local.DayOfWeek);
        if (start < end)
            return Days.Includes(local.DayOfWeek) && time >= start && time < end;
        // A window past midnight (22:00–02:00) belongs to the weekday it started on.
        if (time >= start)
            return Days.Includes(local.DayOfWeek);
        return time < end && Days.Includes(local.AddDays(-1).DayOfWeek);
    }

    /// <summary>Whether any item of the promotion could be this product.</summary>
    public bool Covers(Guid? productId, Guid? categoryId) =>
        Kind == PromotionKind.Bundle
            ? Components.Any(c => c.Items.Covers(productId, categoryId))
            : Items.Covers(productId, categoryId);

    public IEnumerable<Guid> ProductIds() =>
        Kind == PromotionKind.Bundle ? Components.SelectMany(c => c.Items.ProductIds) : Items.ProductIds;

    public IEnumerable<Guid> CategoryIds() =>
        Kind == PromotionKind.Bundle ? Components.SelectMany(c => c.Items.CategoryIds) : Items.CategoryIds;

    private static ItemSelector RequireItems(PromotionTerms terms) =>
        (terms.Items ?? throw DomainException.Invalid(PromotionErrors.Items, "Say which products or categories the promotion covers."))
            .Validated("promotion.items", "A promotion");

    private static List<BundleComponent> RequireComponents(IReadOnlyList<BundleComponent>? components)
    {
        if (components is not { Count: >= 2 })
            throw DomainException.Invalid(PromotionErrors.Components, "A bundle needs at least two components (e.g. a sandwich and a drink).");
        if (components.Count > MaxBundleComponents)
            throw DomainException.Invalid(PromotionErrors.Components, $"A bundle can have at most {MaxBundleComponents} components.");
        return components.Select((c, i) => new BundleComponent(
            (c.Items ?? throw DomainException.Invalid(PromotionErrors.Components, $"Component {i + 1} needs products or categories."))
                .Validated("promotion.components", $"Component {i + 1}"),
            RequireCount(c.Quantity, 1, "promotion.components", $"The quantity of component {i + 1}"))).ToList();
    }

    private static decimal RequirePercent(decimal? percent)
    {
        if (percent is not { } p || p <= 0m || p > 100m || decimal.Round(p, 2) != p)
            throw DomainException.Invalid(PromotionErrors.Percent, "A percentage must be above 0 and at most 100, with at most two decimals.");
        return p;
    }

    private static decimal RequireMoney(decimal? value, string code, string what, bool allowZero)
    {
        if (value is not { } v || v < 0m || (!allowZero && v == 0m) || v > MaxPrice || M.RoundToMinor(v) != v)
            throw DomainException.Invalid(code,
                $"{what} must be {(allowZero ? "zero or more" : "more than zero")}, at most {MaxPrice.ToString("N0", CultureInfo.InvariantCulture)}, in whole øre.");
        return v;
    }

    private static int RequireCount(int? value, int min, string code, string what)
    {
        if (value is not { } v || v < min || v > MaxCount)
            throw DomainException.Invalid(code, $"{what} must be a whole number from {min} to {MaxCount}.");
        return v;
    }
}
