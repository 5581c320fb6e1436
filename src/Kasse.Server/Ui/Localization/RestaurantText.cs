using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The restaurant's words in Danish (the till's floor view, the floor editor, the audit lines); English is the key.</summary>
internal static class RestaurantText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        // audit trail
        ["Sale moved to a table"] = "Salg flyttet til bord",
        ["Table handed over"] = "Bord overdraget",
        // the till's floor view
        ["Tables"] = "Borde",
        // QR ordering at the table
        ["Guest order: confirm"] = "Gæstebestilling: bekræft",
        ["Guests call the waiter"] = "Gæster kalder",
        ["The guests asked for the waiter or the bill."] = "Gæsterne har bedt om tjeneren eller regningen.",
        ["I'm coming"] = "Jeg kommer",
        ["Guest orders"] = "Gæstebestillinger",
        ["Waiting for confirmation"] = "Venter på bekræftelse",
        ["Confirm and send to the kitchen"] = "Bekræft og send til køkkenet",
        ["Reject"] = "Afvis",
        ["Rejected"] = "Afvist",
        ["From the guest"] = "Fra gæsten",
        ["QR ordering at the table"] = "Bestilling via QR ved bordet",
        ["Closed for QR ordering in the whole store"] = "Lukket for bestilling via QR i hele butikken",
        ["Staff confirm guest orders before the kitchen sees them"] = "Personalet bekræfter gæsters bestillinger, før køkkenet ser dem",
        ["Print the tables' QR codes"] = "Udskriv bordenes QR-koder",
        ["QR ordering"] = "Bestilling via QR",
        ["Open for QR ordering"] = "Åbn for bestilling via QR",
        ["Close for QR ordering"] = "Luk for bestilling via QR",
        ["New QR code"] = "Ny QR-kode",
        ["Table"] = "Bord",
        ["Closed"] = "Lukket",
        ["Back to the till"] = "Tilbage til kassen",
        ["No tables yet. Set up the floor in the back office under Restaurant."] = "Ingen borde endnu. Indret lokalet i administrationen under Restaurant.",
        ["Free"] = "Ledig",
        ["Seated"] = "Optaget",
        ["Bill asked"] = "Regning bedt om",
        ["{0} guests"] = "{0} gæster",
        ["{0} seats"] = "{0} pladser",
        ["{0} min"] = "{0} min.",
        ["{0} h {1} min"] = "{0} t. {1} min.",
        ["Tabs"] = "Regninger på navn",
        ["Open the sale"] = "Åbn salget",
        ["Table {0}"] = "Bord {0}",
        ["New order on this table"] = "Ny bestilling på bordet",
        ["How many guests?"] = "Hvor mange gæster?",
        ["Table {0} · {1} guests"] = "Bord {0} · {1} gæster",
        // the floor editor
        ["Restaurant"] = "Restaurant",
        ["Floor plan"] = "Borde og lokaler",
        ["Areas and tables: where they stand, seats and shape."] = "Lokaler og borde: hvor de står, pladser og form.",
        ["Area"] = "Lokale",
        ["Add area"] = "Tilføj lokale",
        ["Add table"] = "Tilføj bord",
        ["Seats"] = "Pladser",
        ["Shape"] = "Form",
        ["Square"] = "Firkantet",
        ["Round"] = "Rundt",
        ["Width"] = "Bredde",
        ["Height"] = "Højde",
        ["Drag a table to move it; or type its position."] = "Træk et bord for at flytte det, eller skriv dets placering.",
    }.ToFrozenDictionary();
}
