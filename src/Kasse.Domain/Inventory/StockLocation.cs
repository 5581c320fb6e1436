namespace Kasse.Domain.Inventory;

public enum LocationKind
{
    StoreFloor,
    BackRoom,
    Warehouse,
}

/// <summary>A place where stock is kept: the shop floor, a back room, a warehouse. Every store has at least its floor.</summary>
public sealed class StockLocation
{
    public const int MaxNameLength = 60;

    private StockLocation() { Name = ""; }

    public StockLocation(Guid id, Guid storeId, string name, LocationKind kind)
    {
        Id = id;
        StoreId = storeId;
        Name = Text.Required(name, MaxNameLength, "location.name", "A location name");
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Name { get; private set; }
    public LocationKind Kind { get; private set; }

    /// <summary>Where the store's tills sell from unless a register says otherwise.</summary>
    public bool IsDefaultSelling { get; private set; }

    /// <summary>The store's floor is made on first need with the store's own id, so two tills making it at once make one.</summary>
    public static Guid FloorIdOf(Guid storeId) => storeId;

    public void Rename(string name, LocationKind kind)
    {
        Name = Text.Required(name, MaxNameLength, "location.name", "A location name");
        Kind = kind;
    }

    public void SetDefaultSelling(bool isDefault) => IsDefaultSelling = isDefault;
}

/// <summary>A register that sells from another location than its store's default (e.g. the café counter).</summary>
public sealed class RegisterStockLocation
{
    private RegisterStockLocation() { }

    public RegisterStockLocation(Guid registerId, Guid locationId)
    {
        RegisterId = registerId;
        LocationId = locationId;
    }

    public Guid RegisterId { get; private set; }
    public Guid LocationId { get; private set; }

    public void MoveTo(Guid locationId) => LocationId = locationId;
}
