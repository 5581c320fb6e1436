using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The store settings page's till switches in Danish; English is the key.</summary>
internal static class TillSettingsText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["A second scan of the same product raises its quantity (piece goods; weighed goods always get a line of their own)"] =
            "En ny scanning af samme vare øger antallet (stykvarer; vejede varer får altid deres egen linje)",
        ["Off: every scan makes a line of its own. Tills take the change when a cashier next signs in."] =
            "Slået fra: hver scanning giver sin egen linje. Kasserne bruger ændringen, når en kasserer logger ind næste gang.",
    }.ToFrozenDictionary();
}
