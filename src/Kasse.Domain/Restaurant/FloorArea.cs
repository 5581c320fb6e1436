namespace Kasse.Domain.Restaurant;

/// <summary>A room or area of a store's floor (the dining room, the terrace) that holds tables.</summary>
public sealed class FloorArea
{
    public const int MaxNameLength = 60;

    private FloorArea() { Name = ""; }

    public FloorArea(Guid id, Guid storeId, string name, int position)
    {
        Id = id;
        StoreId = storeId;
        Name = ValidName(name);
        Position = position;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Name { get; private set; }

    /// <summary>Where the area comes among the store's areas (the till's tabs), lowest first.</summary>
    public int Position { get; private set; }

    /// <summary>Set when removed; kept so sales on its tables still name where they were served.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    public void Change(string name, int position)
    {
        Name = ValidName(name);
        Position = position;
    }

    public void Delete(DateTimeOffset at) => DeletedAt ??= at;

    private static string ValidName(string? name) => Text.Required(name, MaxNameLength, "floor.area-name", "An area's name");
}
