using Kasse.Domain.Restaurant;

namespace Kasse.Application.Restaurant;

/// <param name="Printers">The names of the store's kitchen printers that print for this station (their <c>station</c> is its name).</param>
public sealed record KitchenStationView(Guid Id, Guid StoreId, string Name, int Position, int WarnAfterMinutes, int LateAfterMinutes,
    IReadOnlyList<string> Printers);

/// <param name="Position">Where the station comes among the store's stations; left out, after the last. The first takes what no route names.</param>
public sealed record SaveKitchenStation(string Name, int? Position = null, int WarnAfterMinutes = 10, int LateAfterMinutes = 20);

public sealed record KitchenRouteView(Guid Id, Guid? ProductId, Guid? CategoryId, Guid? StationId, int? Course);

/// <summary>Send a product or a category to a station and/or in a course (null: the default).</summary>
public sealed record SaveKitchenRoute(Guid? ProductId, Guid? CategoryId, Guid? StationId, int? Course);

public sealed record KitchenItemView(Guid Id, Guid LineId, string Name, decimal Quantity, KitchenItemChange Change, decimal QuantityBefore,
    IReadOnlyList<string> Modifiers, string? Note, IReadOnlyList<string> Allergens, DateTimeOffset? DoneAt)
{
    public static KitchenItemView From(KitchenTicketItem i) => new(i.Id, i.LineId, i.Name, i.Quantity, i.Change, i.QuantityBefore,
        i.Modifiers, i.Note, i.Allergens, i.DoneAt);
}

public sealed record KitchenTicketView(Guid Id, Guid StoreId, Guid StationId, string StationName, Guid SaleId, Guid SendId, int Course,
    KitchenTicketStatus Status, string? TableName, string? TabName, int? Covers, string? WaiterName, DateTimeOffset SentAt,
    DateTimeOffset? FiredAt, DateTimeOffset? BumpedAt, IReadOnlyList<KitchenItemView> Items, Kasse.Domain.Sales.OrderType? OrderType = null, int? OrderNumber = null)
{
    public static KitchenTicketView From(KitchenTicket t) => new(t.Id, t.StoreId, t.StationId, t.StationName, t.SaleId, t.SendId, t.Course,
        t.Status, t.TableName, t.TabName, t.Covers, t.WaiterName, t.SentAt, t.FiredAt, t.BumpedAt,
        t.Items.OrderBy(i => i.Position).Select(KitchenItemView.From).ToList(), t.OrderType, t.OrderNumber);
}

/// <summary>How many of an item the station still has to make, over its fired tickets (items not done).</summary>
public sealed record AllDayCount(string Name, decimal Quantity);

/// <summary>
/// What a kitchen screen shows: the fired tickets oldest first, the held ones (greyed), the last bumped (for recall),
/// and the all-day counts. For the expo screen, every station of the store.
/// </summary>
public sealed record KitchenBoardView(Guid StoreId, DateTimeOffset At, IReadOnlyList<KitchenStationView> Stations,
    IReadOnlyList<KitchenTicketView> Open, IReadOnlyList<KitchenTicketView> Held, IReadOnlyList<KitchenTicketView> Bumped,
    IReadOnlyList<AllDayCount> AllDay);

public enum KitchenLineState
{
    /// <summary>Not sent to the kitchen yet (or changed since: the change waits for the next send).</summary>
    Unsent,
    Held,
    Fired,
}

/// <param name="Course">The course it comes in: the line's own, else its route's, else 1.</param>
/// <param name="Sent">How many the kitchen was told of (0 before the first send).</param>
public sealed record KitchenLineView(Guid LineId, string Name, decimal Quantity, int Course, decimal Sent, KitchenLineState State);

public sealed record KitchenCourseView(int Course, KitchenLineState State);

/// <summary>A sale as the kitchen knows it: each line's course and whether it was sent, held or fired; the tickets this action made or fired.</summary>
public sealed record SaleKitchenView(Guid SaleId, IReadOnlyList<KitchenLineView> Lines, IReadOnlyList<KitchenCourseView> Courses,
    IReadOnlyList<KitchenTicketView> Tickets);

/// <param name="HoldLaterCourses">True (the default): the first course not yet fired goes now and later courses wait to be fired; false sends everything now.</param>
public sealed record SendToKitchen(bool HoldLaterCourses = true);

public sealed record SetLineCourse(int? Course);

public sealed record MarkItemDone(bool Done = true);
