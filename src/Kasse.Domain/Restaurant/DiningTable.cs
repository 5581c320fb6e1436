namespace Kasse.Domain.Restaurant;

public enum TableShape { Square, Round }

/// <summary>
/// A table on the floor plan: where it stands in its area (x/y of its top-left corner and its size, in grid units of
/// the floor editor) and how many it seats. Sales are opened on it; its state is worked out from them.
/// </summary>
public sealed class DiningTable
{
    public const int MaxNameLength = 20;
    public const int MaxSeats = 99;
    public const int MaxCoordinate = 10_000;
    public const int MaxSize = 1_000;

    private DiningTable() { Name = ""; }

    public DiningTable(Guid id, Guid storeId, Guid areaId, TablePlacement placement)
    {
        Id = id;
        StoreId = storeId;
        AreaId = areaId;
        Name = "";
        Place(placement);
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid AreaId { get; private set; }
    public string Name { get; private set; }
    public int Seats { get; private set; }
    public TableShape Shape { get; private set; }
    public int X { get; private set; }
    public int Y { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }

    /// <summary>
    /// The unguessable token of the table's QR code (<c>/t/{token}</c>): whoever holds it may order onto this table, nothing
    /// more. Null until the QR sheet is first printed; a manager rotates it when a code has been copied or abused.
    /// </summary>
    public string? OrderingToken { get; private set; }

    /// <summary>A manager closed the table for QR ordering (its code answers with a clear message).</summary>
    public bool OrderingClosed { get; private set; }

    /// <summary>When a guest at the table last pressed "call the waiter / ask for the bill"; cleared when a waiter answers.</summary>
    public DateTimeOffset? GuestCalledAt { get; private set; }

    /// <summary>Set when removed; kept so the sales served at it still name it.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public void MoveTo(Guid areaId) => AreaId = areaId;

    public void Place(TablePlacement placement)
    {
        Name = Text.Required(placement.Name, MaxNameLength, "floor.table-name", "A table's name");
        Seats = placement.Seats is >= 1 and <= MaxSeats
            ? placement.Seats
            : throw DomainException.Invalid(FloorErrors.TableSeats, $"A table seats 1 to {MaxSeats} guests; got {placement.Seats}.");
        Shape = Enum.IsDefined(placement.Shape)
            ? placement.Shape
            : throw DomainException.Invalid(FloorErrors.TableShape, "A table's shape is Square or Round.");
        X = Coordinate(placement.X, "x");
        Y = Coordinate(placement.Y, "y");
        Width = Size(placement.Width, "width");
        Height = Size(placement.Height, "height");
    }

    public void Delete(DateTimeOffset at) => DeletedAt ??= at;

    public const int OrderingTokenLength = 32;

    /// <summary>Gives the table a new QR token; the old code stops working at once.</summary>
    public void RotateOrderingToken(string token) =>
        OrderingToken = token.Length == OrderingTokenLength ? token : throw new ArgumentException("A table's ordering token has 32 characters.", nameof(token));

    public void SetOrderingClosed(bool closed) => OrderingClosed = closed;

    public void GuestCalls(DateTimeOffset at) => GuestCalledAt = at;

    public void WaiterAnswered() => GuestCalledAt = null;

    private static int Coordinate(int value, string what) => value is >= 0 and <= MaxCoordinate
        ? value
        : throw DomainException.Invalid(FloorErrors.TablePosition, $"A table's {what} is 0 to {MaxCoordinate}; got {value}.");

    private static int Size(int value, string what) => value is >= 1 and <= MaxSize
        ? value
        : throw DomainException.Invalid(FloorErrors.TableSize, $"A table's {what} is 1 to {MaxSize}; got {value}.");
}

/// <summary>What the floor editor sets on a table.</summary>
public sealed record TablePlacement(string Name, int Seats, TableShape Shape, int X, int Y, int Width, int Height);
