using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The till's table commands in Danish (moving a sale to a table, handing it over); English is the key.</summary>
internal static class TableActionsText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["Move to table"] = "Flyt til bord",
        ["Hand over"] = "Overdrag",
        ["No other waiter works in this store."] = "Der er ingen anden tjener i butikken.",
        ["Moved to table {0}."] = "Flyttet til bord {0}.",
        ["Handed over to {0}."] = "Overdraget til {0}.",
        // moving lines, merging orders, the order type (docs/restaurant.md)
        ["Move lines"] = "Flyt linjer",
        ["Merge"] = "Slå sammen",
        ["Order type"] = "Ordretype",
        ["Eat-in"] = "Spises her",
        ["Takeaway"] = "Ud af huset",
        ["Delivery"] = "Levering",
        ["No order type"] = "Ingen ordretype",
        ["Order type: {0}."] = "Ordretype: {0}.",
        ["Order type changed"] = "Ordretype ændret",
        ["The VAT of the lines follows the order type where the store's rules say so."] = "Linjernes moms følger ordretypen, hvor butikkens regler siger det.",
        ["Tick the lines to move, and how many; then tap where they go."] = "Sæt flueben ved linjerne, der skal flyttes, og hvor mange; tryk så, hvor de skal hen.",
        ["How many"] = "Hvor mange",
        ["One fewer"] = "Én mindre",
        ["One more"] = "Én mere",
        ["Move to"] = "Flyt til",
        ["table {0}"] = "bord {0}",
        ["New bill on table {0}"] = "Ny regning på bord {0}",
        ["New tab's name"] = "Navn på ny regning",
        ["New tab"] = "Ny regning på navn",
        ["Lines moved to {0}."] = "Linjer flyttet til {0}.",
        ["Pick the order to bring into this one: all its lines and guests come here, and the emptied order is closed."] =
            "Vælg den bestilling, der skal med i denne: alle dens linjer og gæster kommer hertil, og den tomme bestilling lukkes.",
        ["No other open order to merge."] = "Der er ingen anden åben bestilling at slå sammen med.",
        ["{0} is merged into this order."] = "{0} er slået sammen med denne bestilling.",
        ["Waiting for food"] = "Venter på mad",
    }.ToFrozenDictionary();
}
