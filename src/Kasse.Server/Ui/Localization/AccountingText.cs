using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The accounting page's words in Danish (English is the key).</summary>
internal static class AccountingText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["Accounting"] = "Bogføring",
        ["Chart of accounts, the days' bookkeeping and pushes to the accounting system."] = "Kontoplan, dagenes bogføring og overførsel til regnskabsprogrammet.",
        ["Chart of accounts"] = "Kontoplan",
        ["Role"] = "Funktion",
        ["Qualifier"] = "Kvalifikator",
        ["Account"] = "Konto",
        ["Account name"] = "Kontonavn",
        ["The Danish default; save to make it your own."] = "Dansk standard; gem for at gøre den til jeres egen.",
        ["Days"] = "Dage",
        ["Day"] = "Dag",
        ["Debit"] = "Debet",
        ["Credit"] = "Kredit",
        ["Push"] = "Overfør",
        ["Voucher"] = "Bilag",
        ["Z reports"] = "Z-rapporter",
        ["No Z report in the last 31 days."] = "Ingen Z-rapport de seneste 31 dage.",
        ["NotPushed"] = "Ikke overført",
        ["Pushed"] = "Overført",
        ["PartlyPushed"] = "Delvist overført",
        ["Failed"] = "Fejlet",
        ["Pending"] = "Afventer",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
