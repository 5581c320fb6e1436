using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The menu's words in Danish (the till's modifier dialog and cart lines, the back office's modifier groups); English is the key.</summary>
internal static class MenuText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        // the till
        ["Loading…"] = "Henter…",
        ["Allergen"] = "Allergen",
        ["required"] = "skal vælges",
        ["optional"] = "valgfri",
        ["up to {0}"] = "op til {0}",
        ["Note to the kitchen"] = "Besked til køkkenet",
        ["Choose {0}."] = "Vælg {0}.",
        ["Add"] = "Tilføj",
        // the back office
        ["Modifier groups"] = "Tilvalg",
        ["Sizes, milk, extras and a combo's choices, shared by the store's products."] = "Størrelser, mælk, ekstra og menuers valg, fælles for butikkens varer.",
        ["Group"] = "Gruppe",
        ["Min. choices"] = "Min. valg",
        ["Max. choices"] = "Maks. valg",
        ["Options"] = "Muligheder",
        ["One per line: name; price change (e.g. Oat milk; 5)"] = "Én pr. linje: navn; prisændring (fx Havremælk; 5)",
        ["Add group"] = "Tilføj gruppe",
        ["Allergens"] = "Allergener",
        ["Combo (set menu: the groups' options are products)"] = "Menu til fast pris (gruppernes muligheder er varer)",
        ["Modifier groups on this product"] = "Tilvalg på denne vare",
        ["Save menu"] = "Gem menu",
        ["Menu saved."] = "Menu gemt.",
    }.ToFrozenDictionary();
}
