using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The devices page's, the overview's and the promotion editor's product picker's words in Danish (English is the key).</summary>
internal static class DevicesText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["Devices"] = "Enheder",
        ["Add a product: type part of its name or scan its barcode, then Enter"] = "Tilføj en vare: skriv en del af navnet eller skan stregkoden, og tryk Enter",
        ["No product matches '{0}'."] = "Ingen vare passer til '{0}'.",
        ["against the same weekday last week ({0}) until {1}:00"] = "mod samme ugedag sidste uge ({0}) frem til kl. {1}",
        ["(last week {0})"] = "(sidste uge {0})",
        ["Needs attention"] = "Kræver opmærksomhed",
        ["{0} open fraud alerts"] = "{0} åbne svindelalarmer",
        ["{0} products low or out of stock"] = "{0} varer med lav eller ingen beholdning",
        ["Staff"] = "Personale",
        ["Settings"] = "Indstillinger",
        ["Payment devices and printers"] = "Betalingsterminaler og printere",
        ["Card terminal address (URL)"] = "Kortterminalens adresse (URL)",
        ["Terminal id (POIID)"] = "Terminal-id (POIID)",
        ["MobilePay address (URL)"] = "MobilePays adresse (URL)",
        ["MobilePay merchant serial number"] = "MobilePay-forretningsnummer (MSN)",
        ["This register uses the devices from the configuration (Kasse:Payments) until you save its own."] =
            "Denne kasse bruger enhederne fra konfigurationen (Kasse:Payments), indtil du gemmer dens egne.",
        ["Test card terminal"] = "Test kortterminal",
        ["Test MobilePay"] = "Test MobilePay",
        ["Card terminal"] = "Kortterminal",
        ["answers."] = "svarer.",
        ["does not answer. Check that it is on and its address."] = "svarer ikke. Tjek at den er tændt, og dens adresse.",
        ["No card terminal is set up for this register yet."] = "Der er ikke sat nogen kortterminal op til denne kasse endnu.",
        ["No MobilePay is set up for this register yet."] = "Der er ikke sat MobilePay op til denne kasse endnu.",
        ["Printers"] = "Printere",
        ["Columns"] = "Tegn pr. linje",
        ["Station {0}"] = "Station {0}",
        ["Test"] = "Test",
        ["Add a receipt printer"] = "Tilføj en bonprinter",
        ["Change printer"] = "Ret printer",
        ["Address (host:port or device file)"] = "Adresse (vært:port eller enhedsfil)",
        ["Paper"] = "Papir",
        ["80 mm (42 columns)"] = "80 mm (42 tegn)",
        ["80 mm (48 columns)"] = "80 mm (48 tegn)",
        ["58 mm (32 columns)"] = "58 mm (32 tegn)",
        ["Save printer"] = "Gem printer",
        ["A test slip is on its way to the printer."] = "En testudskrift er på vej til printeren.",
        ["Online"] = "Klar",
        ["Offline"] = "Ikke forbundet",
        ["Out of paper"] = "Mangler papir",
        ["Not checked yet"] = "Ikke tjekket endnu",
        ["{0}: '{1}' is not a web address (http://…)."] = "{0}: '{1}' er ikke en webadresse (http://…).",
        ["Card terminals, MobilePay and printers per register, with a test."] = "Kortterminaler, MobilePay og printere pr. kasse, med en test.",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
