namespace Kasse.Domain.Menu;

/// <summary>
/// The 14 allergens the EU requires a food business to declare (Regulation 1169/2011, Annex II), as flags so a product
/// and a sale line keep theirs in one integer column.
/// </summary>
[Flags]
public enum Allergens
{
    None = 0,
    Gluten = 1 << 0,
    Crustaceans = 1 << 1,
    Eggs = 1 << 2,
    Fish = 1 << 3,
    Peanuts = 1 << 4,
    Soybeans = 1 << 5,
    Milk = 1 << 6,
    Nuts = 1 << 7,
    Celery = 1 << 8,
    Mustard = 1 << 9,
    Sesame = 1 << 10,
    Sulphites = 1 << 11,
    Lupin = 1 << 12,
    Molluscs = 1 << 13,
}

public static class AllergenNames
{
    public const Allergens All = (Allergens)((1 << 14) - 1);

    /// <summary>Each allergen alone, in the order of Annex II.</summary>
    public static readonly IReadOnlyList<Allergens> Each = Enum.GetValues<Allergens>().Where(a => a != Allergens.None).ToList();

    public static IReadOnlyList<Allergens> Split(Allergens allergens) => Each.Where(a => allergens.HasFlag(a)).ToList();

    /// <summary>The name a guest reads, in Danish ("da") or English.</summary>
    public static string Name(Allergens allergen, string language) => language == "da"
        ? allergen switch
        {
            Allergens.Gluten => "Gluten",
            Allergens.Crustaceans => "Krebsdyr",
            Allergens.Eggs => "Æg",
            Allergens.Fish => "Fisk",
            Allergens.Peanuts => "Jordnødder",
            Allergens.Soybeans => "Soja",
            Allergens.Milk => "Mælk",
            Allergens.Nuts => "Nødder",
            Allergens.Celery => "Selleri",
            Allergens.Mustard => "Sennep",
            Allergens.Sesame => "Sesam",
            Allergens.Sulphites => "Sulfitter",
            Allergens.Lupin => "Lupin",
            Allergens.Molluscs => "Bløddyr",
            _ => allergen.ToString(),
        }
        : allergen switch
        {
            Allergens.Soybeans => "Soy",
            _ => allergen.ToString(),
        };

    /// <summary>Refuses bits outside the 14, so an API client can't store a value no one can name.</summary>
    public static Allergens Valid(Allergens allergens) =>
        (allergens & ~All) == 0 ? allergens
            : throw DomainException.Invalid(MenuErrors.Allergens, $"Allergens are the EU's 14 (flags 1 to {(int)All}); got {(int)allergens}.");
}
