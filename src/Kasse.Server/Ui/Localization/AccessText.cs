using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The words of signing in, page access and supervisor approval in Danish (English is the key).</summary>
internal static class AccessText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["Not allowed"] = "Ikke tilladt",
        ["{0} may not use this page. Ask the owner if you need it."] = "{0} må ikke bruge denne side. Spørg ejeren, hvis du har brug for den.",
        ["You were signed out after a while without activity."] = "Du blev logget ud efter et stykke tid uden aktivitet.",
        ["User name"] = "Brugernavn",
        ["Password"] = "Adgangskode",
        ["At most {0} sign-in attempts a minute come from one place. Wait a minute and try again."] =
            "Højst {0} forsøg på at logge ind i minuttet fra samme sted. Vent et minut, og prøv igen.",
        ["Supervisor approval"] = "Godkendelse af leder",
        ["Approve"] = "Godkend",
        ["Discount above the limit"] = "Rabat over grænsen",
        ["Take back a payment"] = "Tilbagefør en betaling",
        ["Open drawer (no sale)"] = "Åbn skuffen (intet salg)",
        ["Drawer opened."] = "Skuffen er åbnet.",
        ["Signed in as {0}"] = "Logget ind som {0}",
        ["Change price"] = "Ret pris",
        ["New price"] = "Ny pris",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
