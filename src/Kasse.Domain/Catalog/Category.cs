namespace Kasse.Domain.Catalog;

public sealed class Category
{
    public const int MaxNameLength = 60;

    private Category() { Name = ""; }

    public Category(Guid id, string name, int sortOrder = 0)
    {
        Id = id;
        Name = Text.Required(name, MaxNameLength, "category.name", "A category name");
        SortOrder = sortOrder;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public int SortOrder { get; private set; }

    public void Rename(string name) => Name = Text.Required(name, MaxNameLength, "category.name", "A category name");

    /// <summary>The tiles' colour on the till as <c>#rrggbb</c>; null takes the next colour of the till's default palette.</summary>
    public string? Color { get; private set; }

    public void SetColor(string? color) => Color = CategoryColor.Valid(color);
}

/// <summary>A category's tile colour: <c>#rrggbb</c>, or none (the till's palette then picks one by the category's place).</summary>
public static class CategoryColor
{
    public const int Length = 7;

    /// <summary>Calm colours that keep dark text readable, one per category in order, repeating after the last.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#dcefe6", "#fde7c7", "#dbe8fb", "#f8dbe4", "#e7e0f7", "#fff3b8", "#d7f0f4", "#eadfd4", "#e2f0cb", "#f3e1f0"];

    public static string? Valid(string? color)
    {
        if (string.IsNullOrWhiteSpace(color))
            return null;
        var trimmed = color.Trim().ToLowerInvariant();
        if (trimmed.Length != Length || trimmed[0] != '#' || !trimmed.Skip(1).All(char.IsAsciiHexDigit))
            throw DomainException.Invalid(TileColorErrors.Invalid, $"A category colour is written #rrggbb (such as #dcefe6); got '{color}'.");
        return trimmed;
    }

    /// <summary>The colour a category shows: its own, else the palette's colour for its place among the categories.</summary>
    public static string Shown(string? own, int place) => own ?? Palette[((place % Palette.Count) + Palette.Count) % Palette.Count];
}
