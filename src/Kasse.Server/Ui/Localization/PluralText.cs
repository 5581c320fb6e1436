using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>
/// Counted words in the singular and the plural, so "1 vare" and "2 varer" both read right (<see cref="UiText.Count"/>);
/// English is the key. Where Danish has one form for both (fejl, kort, ordreudkast), both keys give it.
/// </summary>
internal static class PluralText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["{0} item"] = "{0} vare",
        ["{0} items"] = "{0} varer",
        ["Sale resumed: {0} item, {1}."] = "Salget er genoptaget: {0} vare, {1}.",
        ["Sale resumed: {0} items, {1}."] = "Salget er genoptaget: {0} varer, {1}.",
        ["{0} guest"] = "{0} gæst",
        ["{0} guests"] = "{0} gæster",
        ["{0} seat"] = "{0} plads",
        ["{0} seats"] = "{0} pladser",
        ["{0} card"] = "{0} kort",
        ["{0} cards"] = "{0} kort",
        ["{0} product low or out of stock"] = "{0} vare med lav eller ingen beholdning",
        ["{0} products low or out of stock"] = "{0} varer med lav eller ingen beholdning",
        ["{0} event behind it"] = "{0} hændelse bag den",
        ["{0} events behind it"] = "{0} hændelser bag den",
        ["{0} draft order made."] = "{0} ordreudkast lavet.",
        ["{0} draft orders made."] = "{0} ordreudkast lavet.",
        ["Nothing was imported: {0} error. Fix the line below and import the file again, or skip the bad line."] =
            "Intet blev importeret: {0} fejl. Ret linjen herunder og importér filen igen, eller spring den forkerte linje over.",
        ["Nothing was imported: {0} errors. Fix the lines below and import the file again, or skip the bad lines."] =
            "Intet blev importeret: {0} fejl. Ret linjerne herunder og importér filen igen, eller spring de forkerte linjer over.",
        ["{0} printout waiting at the printer {1}: {2}. It prints when the printer is back; check paper and power."] =
            "{0} udskrift venter ved printeren {1}: {2}. Den udskrives, når printeren er klar igen; tjek papir og strøm.",
        ["{0} printouts waiting at the printer {1}: {2}. They print when the printer is back; check paper and power."] =
            "{0} udskrifter venter ved printeren {1}: {2}. De udskrives, når printeren er klar igen; tjek papir og strøm.",
    }.ToFrozenDictionary();
}
