using System.Collections.Frozen;
using System.Globalization;

namespace Kasse.Server.Ui.Kiosk;

/// <summary>A language the guest picks by its flag at the kiosk.</summary>
public sealed record KioskLanguage(string Code, string Flag, string NativeName, CultureInfo Culture);

/// <summary>
/// The kiosk's words for its guests, in Danish, English and German. Kept apart from the staff UI's catalogue (UiText, which
/// follows the person's cookie): the guest picks by flag, and the kiosk goes back to the store's language for the next guest.
/// The English text is the key; a missing translation shows in English. Product names stay as the menu has them.
/// </summary>
public static class KioskText
{
    public static readonly KioskLanguage Danish = new("da", "🇩🇰", "Dansk", CultureInfo.GetCultureInfo("da-DK"));
    public static readonly KioskLanguage English = new("en", "🇬🇧", "English", CultureInfo.GetCultureInfo("en-GB"));
    public static readonly KioskLanguage German = new("de", "🇩🇪", "Deutsch", CultureInfo.GetCultureInfo("de-DE"));
    public static readonly IReadOnlyList<KioskLanguage> All = [Danish, English, German];

    public static string Get(KioskLanguage language, string english) =>
        language == Danish ? (Da.TryGetValue(english, out var da) ? da : english)
        : language == German ? (De.TryGetValue(english, out var de) ? de : english)
        : english;

    public static string Format(KioskLanguage language, string english, params object?[] args) =>
        string.Format(language.Culture, Get(language, english), args);

    /// <summary>Money as the guest's language writes it: 45,00 kr. / DKK 45.00 / 45,00 DKK.</summary>
    public static string Money(KioskLanguage language, decimal amount, string currency)
    {
        var number = amount.ToString("#,##0.00", language.Culture);
        return language == Danish && currency == "DKK" ? number + " kr."
            : language == German ? number + " " + currency
            : currency + " " + number;
    }

    /// <summary>An allergen's name in the guest's language (the EU's 14; German as on German menus).</summary>
    public static string Allergen(KioskLanguage language, Kasse.Domain.Menu.Allergens allergen) => language == German
        ? allergen switch
        {
            Kasse.Domain.Menu.Allergens.Gluten => "Gluten",
            Kasse.Domain.Menu.Allergens.Crustaceans => "Krebstiere",
            Kasse.Domain.Menu.Allergens.Eggs => "Eier",
            Kasse.Domain.Menu.Allergens.Fish => "Fisch",
            Kasse.Domain.Menu.Allergens.Peanuts => "Erdnüsse",
            Kasse.Domain.Menu.Allergens.Soybeans => "Soja",
            Kasse.Domain.Menu.Allergens.Milk => "Milch",
            Kasse.Domain.Menu.Allergens.Nuts => "Schalenfrüchte",
            Kasse.Domain.Menu.Allergens.Celery => "Sellerie",
            Kasse.Domain.Menu.Allergens.Mustard => "Senf",
            Kasse.Domain.Menu.Allergens.Sesame => "Sesam",
            Kasse.Domain.Menu.Allergens.Sulphites => "Sulfite",
            Kasse.Domain.Menu.Allergens.Lupin => "Lupinen",
            Kasse.Domain.Menu.Allergens.Molluscs => "Weichtiere",
            _ => allergen.ToString(),
        }
        : Kasse.Domain.Menu.AllergenNames.Name(allergen, language.Code);

    public static bool HasAll(string english) => Da.ContainsKey(english) && De.ContainsKey(english);

    internal static readonly FrozenDictionary<string, string> Da = new Dictionary<string, string>
    {
        ["Touch to order"] = "Tryk for at bestille",
        ["Order here and pay by card or MobilePay"] = "Bestil her, og betal med kort eller MobilePay",
        ["Choose your language"] = "Vælg sprog",
        ["Menu"] = "Menu",
        ["Back"] = "Tilbage",
        ["Start over"] = "Start forfra",
        ["Add to order"] = "Tilføj til ordren",
        ["required"] = "skal vælges",
        ["optional"] = "valgfrit",
        ["choose up to {0}"] = "vælg op til {0}",
        ["Choose {0}."] = "Vælg {0}.",
        ["Contains"] = "Indeholder",
        ["No listed allergens"] = "Ingen anførte allergener",
        ["Something to go with it?"] = "Noget at drikke til?",
        ["No, thanks"] = "Nej tak",
        ["Add"] = "Tilføj",
        ["Your order"] = "Din ordre",
        ["Your order is empty."] = "Din ordre er tom.",
        ["Remove"] = "Fjern",
        ["Fewer"] = "Færre",
        ["More"] = "Flere",
        ["Total"] = "I alt",
        ["View order"] = "Se ordre",
        ["{0} items"] = "{0} varer",
        ["1 item"] = "1 vare",
        ["Order more"] = "Bestil mere",
        ["Go to payment"] = "Til betaling",
        ["Where will you eat?"] = "Hvor skal du spise?",
        ["Eat in"] = "Spise her",
        ["Take away"] = "Tage med",
        ["How do you want to pay?"] = "Hvordan vil du betale?",
        ["Card"] = "Kort",
        ["Follow the instructions on the card terminal."] = "Følg vejledningen på kortterminalen.",
        ["Approve the payment in the MobilePay app."] = "Godkend betalingen i MobilePay-appen.",
        ["The payment was declined. Nothing was charged. Try again."] = "Betalingen blev afvist. Intet blev trukket. Prøv igen.",
        ["The payment was cancelled. Nothing was charged."] = "Betalingen blev annulleret. Intet blev trukket.",
        ["The payment could not be made. Nothing was charged. Try again or ask the staff."] = "Betalingen kunne ikke gennemføres. Intet blev trukket. Prøv igen, eller spørg personalet.",
        ["Cancel"] = "Annullér",
        ["Thank you!"] = "Tak!",
        ["Your order number"] = "Dit ordrenummer",
        ["Watch the screen: we call your number when your order is ready. Take your receipt."] = "Hold øje med skærmen: vi kalder dit nummer, når din ordre er klar. Husk din kvittering.",
        ["New order"] = "Ny ordre",
        ["Are you still there?"] = "Er du der stadig?",
        ["Your order will be cleared in {0} seconds."] = "Din ordre bliver slettet om {0} sekunder.",
        ["Yes, continue"] = "Ja, fortsæt",
        ["This kiosk is not set up yet."] = "Denne kiosk er ikke sat op endnu.",
        ["A manager makes a pairing code in the back office (Devices). Type it here:"] = "En leder laver en parringskode i administrationen (Enheder). Indtast den her:",
        ["Pairing code"] = "Parringskode",
        ["Pair"] = "Par",
        ["Staff"] = "Personale",
        ["Please wait…"] = "Vent venligst…",
        ["Categories"] = "Kategorier",
        ["Language"] = "Sprog",
    }.ToFrozenDictionary();

    internal static readonly FrozenDictionary<string, string> De = new Dictionary<string, string>
    {
        ["Touch to order"] = "Zum Bestellen berühren",
        ["Order here and pay by card or MobilePay"] = "Hier bestellen und mit Karte oder MobilePay bezahlen",
        ["Choose your language"] = "Sprache wählen",
        ["Menu"] = "Speisekarte",
        ["Back"] = "Zurück",
        ["Start over"] = "Neu beginnen",
        ["Add to order"] = "Zur Bestellung hinzufügen",
        ["required"] = "Pflichtauswahl",
        ["optional"] = "optional",
        ["choose up to {0}"] = "bis zu {0} wählen",
        ["Choose {0}."] = "Bitte {0} wählen.",
        ["Contains"] = "Enthält",
        ["No listed allergens"] = "Keine angegebenen Allergene",
        ["Something to go with it?"] = "Etwas zu trinken dazu?",
        ["No, thanks"] = "Nein, danke",
        ["Add"] = "Hinzufügen",
        ["Your order"] = "Ihre Bestellung",
        ["Your order is empty."] = "Ihre Bestellung ist leer.",
        ["Remove"] = "Entfernen",
        ["Fewer"] = "Weniger",
        ["More"] = "Mehr",
        ["Total"] = "Gesamt",
        ["View order"] = "Bestellung ansehen",
        ["{0} items"] = "{0} Artikel",
        ["1 item"] = "1 Artikel",
        ["Order more"] = "Mehr bestellen",
        ["Go to payment"] = "Zur Zahlung",
        ["Where will you eat?"] = "Wo möchten Sie essen?",
        ["Eat in"] = "Hier essen",
        ["Take away"] = "Mitnehmen",
        ["How do you want to pay?"] = "Wie möchten Sie bezahlen?",
        ["Card"] = "Karte",
        ["Follow the instructions on the card terminal."] = "Bitte folgen Sie den Anweisungen am Kartenterminal.",
        ["Approve the payment in the MobilePay app."] = "Bitte bestätigen Sie die Zahlung in der MobilePay-App.",
        ["The payment was declined. Nothing was charged. Try again."] = "Die Zahlung wurde abgelehnt. Es wurde nichts abgebucht. Bitte erneut versuchen.",
        ["The payment was cancelled. Nothing was charged."] = "Die Zahlung wurde abgebrochen. Es wurde nichts abgebucht.",
        ["The payment could not be made. Nothing was charged. Try again or ask the staff."] = "Die Zahlung war nicht möglich. Es wurde nichts abgebucht. Bitte erneut versuchen oder das Personal fragen.",
        ["Cancel"] = "Abbrechen",
        ["Thank you!"] = "Vielen Dank!",
        ["Your order number"] = "Ihre Bestellnummer",
        ["Watch the screen: we call your number when your order is ready. Take your receipt."] = "Achten Sie auf den Bildschirm: Wir rufen Ihre Nummer auf, wenn Ihre Bestellung fertig ist. Bitte nehmen Sie Ihren Beleg mit.",
        ["New order"] = "Neue Bestellung",
        ["Are you still there?"] = "Sind Sie noch da?",
        ["Your order will be cleared in {0} seconds."] = "Ihre Bestellung wird in {0} Sekunden gelöscht.",
        ["Yes, continue"] = "Ja, weiter",
        ["This kiosk is not set up yet."] = "Dieses Terminal ist noch nicht eingerichtet.",
        ["A manager makes a pairing code in the back office (Devices). Type it here:"] = "Ein Manager erstellt im Backoffice (Geräte) einen Kopplungscode. Hier eingeben:",
        ["Pairing code"] = "Kopplungscode",
        ["Pair"] = "Koppeln",
        ["Staff"] = "Personal",
        ["Please wait…"] = "Bitte warten…",
        ["Categories"] = "Kategorien",
        ["Language"] = "Sprache",
    }.ToFrozenDictionary();
}
