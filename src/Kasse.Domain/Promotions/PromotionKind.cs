namespace Kasse.Domain.Promotions;

/// <summary>How a promotion lowers the price of the items it covers.</summary>
public enum PromotionKind
{
    /// <summary>A percentage off each covered item.</summary>
    PercentOff,
    /// <summary>An amount off each covered item (per piece, or per kg for items sold by weight).</summary>
    AmountOff,
    /// <summary>Each covered item at a fixed price (only where that is lower).</summary>
    FixedPrice,
    /// <summary>"2 for 50 kr": every <c>BuyQuantity</c> covered items, mixed freely, cost <c>Price</c>.</summary>
    MultiBuy,
    /// <summary>"3 for 2" / buy X get Y: of every X+Y covered items the Y cheapest get <c>Percent</c> off (100 = free).</summary>
    BuyXGetY,
    /// <summary>A bundle or meal deal: one set of its components together cost <c>Price</c>.</summary>
    Bundle,
}

/// <summary>Days of the week a time-windowed promotion runs, in the store's own time zone.</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
    All = 127,
}

public static class WeekdaysExtensions
{
    public static bool Includes(this Weekdays days, DayOfWeek day) => (days & Of(day)) != 0;

    public static Weekdays Of(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Weekdays.Monday,
        DayOfWeek.Tuesday => Weekdays.Tuesday,
        DayOfWeek.Wednesday => Weekdays.Wednesday,
        DayOfWeek.Thursday => Weekdays.Thursday,
        DayOfWeek.Friday => Weekdays.Friday,
        DayOfWeek.Saturday => Weekdays.Saturday,
        DayOfWeek.Sunday => Weekdays.Sunday,
        _ => Weekdays.None,
    };
}
