using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>
/// The Danish of the staff's side of self-service (docs/self-service.md): the back office's kiosk settings, the kiosk's
/// maintenance screen, the kitchen's order numbers and the pickup board. The guest's own words are in Kiosk/KioskText.
/// </summary>
public static class KioskStaffText
{
    public static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["Order status"] = "Ordrestatus",
        ["Self-service kiosk"] = "Selvbetjeningskiosk",
        ["Preparing"] = "Tilberedes",
        ["Ready"] = "Klar",
        ["Order {0}"] = "Ordre {0}",
        ["Kiosk maintenance"] = "Kioskvedligehold",
        ["Device"] = "Enhed",
        ["Back to the kiosk"] = "Tilbage til kiosken",
        ["Leave kiosk mode on this screen"] = "Forlad kiosktilstand på denne skærm",
        ["Self-service kiosk (guests order and pay by card or MobilePay; no cash)"] = "Selvbetjeningskiosk (gæster bestiller og betaler med kort eller MobilePay; ingen kontanter)",
        ["Pair a kiosk screen"] = "Par en kioskskærm",
        ["On the kiosk's browser open"] = "Åbn i kioskens browser",
        ["(or open /kiosk and type the code {0}); it works once, until {1}."] = "(eller åbn /kiosk og indtast koden {0}); den virker én gang, indtil {1}.",
        ["Paired {0}"] = "Parret {0}",
        ["Unpair"] = "Fjern parring",
    }.ToFrozenDictionary();
}
