using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The modifier groups page's option details in Danish (combo components, recipe changes); English is the key.</summary>
internal static class MenuDetailsText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["Combo components and recipe changes"] = "Menuens dele og ændringer i opskriften",
        ["By SKU. A combo's options each name the product they sell. An option may add an ingredient (with how much per item, in its stock unit) or put it in place of one of the recipe's (how much left empty: as much as the one it replaces)."] =
            "Med varenummer. Hvert valg i en menu nævner den vare, det sælger. Et valg kan tilføje en råvare (med hvor meget pr. stk. i dens lagerenhed) eller sætte den i stedet for en af opskriftens (uden mængde: lige så meget som den, den erstatter).",
        ["Option"] = "Valg",
        ["Combo component"] = "Del af menu",
        ["Ingredient"] = "Råvare",
        ["In place of"] = "I stedet for",
        ["{0}: combo component (SKU)"] = "{0}: del af menu (varenr.)",
        ["{0}: ingredient (SKU)"] = "{0}: råvare (varenr.)",
        ["{0}: in place of (SKU)"] = "{0}: i stedet for (varenr.)",
        ["{0}: quantity"] = "{0}: mængde",
        ["No product has the SKU '{0}'."] = "Ingen vare har varenummeret '{0}'.",
    }.ToFrozenDictionary();
}
