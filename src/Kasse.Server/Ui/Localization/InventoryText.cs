using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The inventory pages' words in Danish (English is the key).</summary>
internal static class InventoryText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["Stock per location, alerts, value and movements."] = "Lager pr. lokation, advarsler, værdi og bevægelser.",
        ["Suggested orders, sending to suppliers, receiving by scanning."] = "Forslag til indkøb, afsendelse til leverandører, varemodtagelse ved scanning.",
        ["Count the shelves by scanning; approve the variances."] = "Tæl hylderne ved at scanne; godkend afvigelserne.",
        ["Goods between locations and stores."] = "Varer mellem lokationer og butikker.",
        ["Stock"] = "Lager",
        ["Purchase orders"] = "Indkøb",
        ["Count"] = "Optælling",
        ["Transfers"] = "Flytninger",
        ["Alerts"] = "Advarsler",
        ["Out of stock"] = "Udsolgt",
        ["Low"] = "Lav",
        ["Location"] = "Lokation",
        ["On hand"] = "Beholdning",
        ["Reorder point"] = "Genbestillingspunkt",
        ["Value"] = "Værdi",
        ["Everything is in stock."] = "Alt er på lager.",
        ["Export CSV"] = "Eksportér CSV",
        ["Suggest orders"] = "Foreslå ordrer",
        ["Supplier"] = "Leverandør",
        ["Status"] = "Status",
        ["Ordered"] = "Bestilt",
        ["Received"] = "Modtaget",
        ["Difference"] = "Difference",
        ["Send"] = "Send",
        ["Receive everything"] = "Modtag alt",
        ["Close order"] = "Luk ordre",
        ["Scan a barcode"] = "Scan en stregkode",
        ["No purchase orders yet."] = "Ingen indkøbsordrer endnu.",
        ["Start a blind count"] = "Start blind optælling",
        ["Counted"] = "Talt",
        ["Expected"] = "Forventet",
        ["Submit count"] = "Aflever optælling",
        ["Approve and adjust"] = "Godkend og regulér",
        ["Variance"] = "Difference",
        ["From"] = "Fra",
        ["To"] = "Til",
        ["Quantity"] = "Antal",
        ["Send transfer"] = "Send flytning",
        ["In transit"] = "Undervejs",
        ["Receive"] = "Modtag",
        ["Cancel"] = "Annullér",
        ["Product (barcode or SKU)"] = "Vare (stregkode eller varenr.)",
        ["Saved."] = "Gemt.",
        ["{0} draft order(s) made."] = "{0} ordreudkast lavet.",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
