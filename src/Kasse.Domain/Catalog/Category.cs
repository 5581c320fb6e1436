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
}
