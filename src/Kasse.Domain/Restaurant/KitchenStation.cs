namespace Kasse.Domain.Restaurant;

/// <summary>
/// A place in a store that makes what is ordered (the kitchen, the bar): its own screen (/kitchen/{id}) and, if a kitchen
/// printer names it (<see cref="Devices.Printer.Station"/>), its own printer.
/// </summary>
public sealed class KitchenStation
{
    public const int MaxNameLength = 40;
    public const int MaxMinutes = 600;

    private KitchenStation() { Name = ""; }

    public KitchenStation(Guid id, Guid storeId, string name, int position, int warnAfterMinutes = 10, int lateAfterMinutes = 20)
    {
        Id = id;
        StoreId = storeId;
        Name = "";
        Change(name, position, warnAfterMinutes, lateAfterMinutes);
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Name { get; private set; }

    /// <summary>Where the station comes among the store's stations; the first takes what no route names.</summary>
    public int Position { get; private set; }

    /// <summary>A ticket waiting this long turns amber on the screen.</summary>
    public int WarnAfterMinutes { get; private set; }

    /// <summary>A ticket waiting this long turns red on the screen.</summary>
    public int LateAfterMinutes { get; private set; }

    /// <summary>Set when removed; kept so tickets made there still name it.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public void Change(string name, int position, int warnAfterMinutes, int lateAfterMinutes)
    {
        if (warnAfterMinutes < 1 || lateAfterMinutes > MaxMinutes || warnAfterMinutes >= lateAfterMinutes)
            throw DomainException.Invalid(KitchenErrors.StationMinutes,
                $"Give the minutes before a ticket turns amber and red as 1 ≤ amber < red ≤ {MaxMinutes}; these were {warnAfterMinutes} and {lateAfterMinutes}.");
        Name = Text.Required(name, MaxNameLength, "kitchen.station-name", "A station's name");
        Position = position;
        WarnAfterMinutes = warnAfterMinutes;
        LateAfterMinutes = lateAfterMinutes;
    }

    public void Delete(DateTimeOffset at) => DeletedAt ??= at;
}

/// <summary>
/// Where a store sends a product, or every product of a category, and in which course it comes unless the waiter says
/// otherwise. A product's own route wins over its category's; with neither, the store's first station, course 1.
/// </summary>
public sealed class KitchenRoute
{
    private KitchenRoute() { }

    public KitchenRoute(Guid id, Guid storeId, Guid? productId, Guid? categoryId, Guid? stationId, int? course)
    {
        if ((productId is null) == (categoryId is null))
            throw DomainException.Invalid(KitchenErrors.RouteTarget, "A route is for one product or one category: give productId or categoryId, not both.");
        Id = id;
        StoreId = storeId;
        ProductId = productId;
        CategoryId = categoryId;
        Change(stationId, course);
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid? ProductId { get; private set; }
    public Guid? CategoryId { get; private set; }
    public Guid? StationId { get; private set; }
    public int? Course { get; private set; }

    public void Change(Guid? stationId, int? course)
    {
        if (course is { } c)
            Courses.Check(c);
        StationId = stationId;
        Course = course;
    }
}

/// <summary>Courses: 1 starters, 2 mains, 3 dessert, and more where a menu has them.</summary>
public static class Courses
{
    public const int First = 1;
    public const int Max = 9;

    public static int Check(int course) => course is >= First and <= Max
        ? course
        : throw DomainException.Invalid(KitchenErrors.Course, $"A course is a number from {First} (starters) to {Max}; {course} is not one.");
}
