using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The kitchen's words in Danish (the kitchen screens, the waiter's kitchen sheet, the back office's stations); English is the key.</summary>
internal static class KitchenText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        // audit trail
        ["Sent to the kitchen"] = "Sendt til køkkenet",
        ["Course fired"] = "Ret sendt i gang",
        // the kitchen screen
        ["Kitchen"] = "Køkken",
        ["Expo"] = "Ekspedition",
        ["Recall"] = "Hent tilbage",
        ["{0} open"] = "{0} i gang",
        ["{0} held"] = "{0} venter",
        ["Tickets"] = "Bonner",
        ["Nothing to make."] = "Intet at lave.",
        ["All day"] = "I alt åbne",
        ["Course {0}"] = "Ret {0}",
        ["Held"] = "Venter",
        ["VOID"] = "ANNULLERET",
        ["CHANGED"] = "ÆNDRET",
        ["Bump"] = "Færdig",
        ["Reprint"] = "Udskriv igen",
        ["Sent to the printer."] = "Sendt til printeren.",
        // the waiter's kitchen sheet
        ["Course"] = "Ret",
        ["Send to the kitchen"] = "Send til køkkenet",
        ["Send all courses now"] = "Send alle retter nu",
        ["Fire course {0}"] = "Send ret {0} i gang",
        ["Sent to the kitchen."] = "Sendt til køkkenet.",
        ["Course {0} fired."] = "Ret {0} er sendt i gang.",
        ["Sent"] = "Sendt",
        ["Not sent"] = "Ikke sendt",
        // the back office
        ["Stations"] = "Stationer",
        ["Station"] = "Station",
        ["Add station"] = "Tilføj station",
        ["First station"] = "Første station",
        ["Screen"] = "Skærm",
        ["Amber after (min)"] = "Gul efter (min.)",
        ["Red after (min)"] = "Rød efter (min.)",
        ["Route a product"] = "Send en vare til en station",
        ["A product's own route wins over its category's."] = "En vares egen station går forud for kategoriens.",
        ["What is not routed goes to the first station. A kitchen printer prints for the station its station name names (Devices)."] =
            "Det, der ikke er sendt et bestemt sted hen, går til den første station. En køkkenprinter udskriver for den station, dens stationsnavn nævner (Enheder).",
    }.ToFrozenDictionary();
}
