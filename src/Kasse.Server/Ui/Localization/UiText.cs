using System.Collections.Frozen;
using System.Globalization;

namespace Kasse.Server.Ui.Localization;

/// <summary>
/// The UI's words. The English text is the key; Danish is looked up here. A small typed catalogue rather than
/// .resx files: the translations sit side by side and a missing one shows in English instead of a blank.
/// </summary>
public sealed class UiText(ErrorTexts errors)
{
    public UiText() : this(ErrorTexts.Default) { }

    /// <summary>A refusal caught on a page, in the person's language (Errors.resx); other failures as they are.</summary>
    public string Error(Exception exception) => errors.For(exception);

    public string this[string english] =>
        UiLanguages.Current == UiLanguages.Danish
        && TryDanish(english, out var danish) ? danish : english;

    public string Format(string english, params object?[] args) =>
        string.Format(CultureInfo.CurrentCulture, this[english], args);

    /// <summary>
    /// A counted text in the singular for exactly one and the plural otherwise ("1 vare", "2 varer"); the count is {0}.
    /// Both forms are English keys with their Danish in <see cref="PluralText"/>.
    /// </summary>
    public string Count(decimal count, string one, string many, params object?[] more) =>
        Format(count == 1m ? one : many, [count, .. more]);

    /// <summary>As <see cref="Count(decimal, string, string, object?[])"/>, for a count already written out ("1", "2,5").</summary>
    public string Count(string count, string one, string many, params object?[] more) =>
        Format(count == "1" ? one : many, [count, .. more]);

    public static bool HasDanish(string english) => TryDanish(english, out _);

    /// <summary>The Danish for an English text, or the English when there is none (for words put into a refusal's text).</summary>
    public static string InDanish(string english) => TryDanish(english, out var danish) ? danish : english;

    /// <summary>Each capability keeps its Danish strings in its own file; they are looked up in this order.</summary>
    private static readonly FrozenDictionary<string, string>[] DanishParts = [PluralText.Danish, TillSettingsText.Danish, TillText.Danish, BackOfficeText.Danish, AccessText.Danish, StaffText.Danish, AccountingText.Danish, ReportsText.Danish, InventoryText.Danish, CustomerText.Danish, PromotionText.Danish, RestaurantText.Danish, TillGridText.Danish, KitchenText.Danish, MenuText.Danish, TipsText.Danish, SplitText.Danish, TableActionsText.Danish, MenuDetailsText.Danish, KioskStaffText.Danish];

    private static bool TryDanish(string english, out string danish)
    {
        if (Danish.TryGetValue(english, out danish!))
            return true;
        foreach (var part in DanishParts)
            if (part.TryGetValue(english, out danish!))
                return true;
        danish = english;
        return false;
    }

    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        // shell
        ["Till"] = "Kasse",
        ["Customer display"] = "Kundeskærm",
        ["Back office"] = "Administration",
        ["Language"] = "Sprog",
        ["API reference"] = "API-reference",
        ["Choose a register"] = "Vælg en kasse",
        ["No store yet. Run `kasse seed demo` or create one in the back office."] = "Ingen butik endnu. Kør `kasse seed demo`, eller opret en i administrationen.",
        ["Open the till"] = "Åbn kassen",
        ["Connection lost. Reconnecting…"] = "Forbindelsen er tabt. Forbinder igen…",
        ["Something went wrong. The sale is kept on the server."] = "Noget gik galt. Salget er gemt på serveren.",
        ["Reload"] = "Genindlæs",
        ["Something went wrong; nothing was added. Try again."] = "Noget gik galt; intet blev tilføjet. Prøv igen.",
        ["The back office is coming: products, users, settings and sales look-up."] = "Administrationen er på vej: varer, brugere, indstillinger og bonopslag.",
        // sign-in
        ["Sign in"] = "Log ind",
        ["Sign out"] = "Log ud",
        ["Switch cashier"] = "Skift ekspedient",
        ["Who are you?"] = "Hvem er du?",
        ["Enter your PIN"] = "Indtast din PIN-kode",
        ["Clear"] = "Ryd",
        ["Back"] = "Tilbage",
        ["OK"] = "OK",
        ["Cancel"] = "Annullér",
        ["Close"] = "Luk",
        // selling
        ["All"] = "Alle",
        ["Search name, SKU or barcode"] = "Søg navn, varenr. eller stregkode",
        ["No products match."] = "Ingen varer passer.",
        ["Cart"] = "Kurv",
        ["The cart is empty. Scan or tap a product."] = "Kurven er tom. Scan eller tryk på en vare.",
        ["Total"] = "I alt",
        ["VAT included"] = "Heraf moms",
        ["Discount"] = "Rabat",
        ["Line discount"] = "Linjerabat",
        ["Sale discount"] = "Rabat på hele salget",
        ["Reason"] = "Årsag",
        ["Percent"] = "Procent",
        ["Amount"] = "Beløb",
        ["Remove discount"] = "Fjern rabat",
        ["Apply"] = "Anvend",
        ["Remove"] = "Fjern",
        ["Quantity"] = "Antal",
        ["Pay"] = "Betal",
        ["Park"] = "Parkér",
        ["Parked sales"] = "Parkerede salg",
        ["Resume"] = "Genoptag",
        ["No parked sales."] = "Ingen parkerede salg.",
        ["Void sale"] = "Annullér salg",
        ["Void this sale? Everything in the cart is dropped."] = "Annullér salget? Alt i kurven fjernes.",
        ["Yes, void"] = "Ja, annullér",
        ["Menu"] = "Menu",
        ["Returns"] = "Returnering",
        ["New sale"] = "Nyt salg",
        ["Unknown code {0}."] = "Ukendt kode {0}.",
        ["Look it up"] = "Slå varen op",
        ["Scanned {0}"] = "Scannet {0}",
        ["{0} items"] = "{0} varer",
        ["Weight (kg)"] = "Vægt (kg)",
        ["Weigh {0} and enter the weight in kg."] = "Vej {0} og indtast vægten i kg.",
        ["Keys"] = "Taster",
        ["F2 search · F4 pay · F8 park · F9 menu · +/− quantity · Del remove · Esc close"] = "F2 søg · F4 betal · F8 parkér · F9 menu · +/− antal · Del fjern · Esc luk",
        // paying
        ["Payment"] = "Betaling",
        ["To pay"] = "At betale",
        ["In cash"] = "Kontant",
        ["Cash rounding"] = "Øreafrunding",
        ["Paid"] = "Betalt",
        ["Remaining"] = "Mangler",
        ["Cash"] = "Kontant",
        ["Card"] = "Kort",
        ["MobilePay"] = "MobilePay",
        ["Gift card"] = "Gavekort",
        ["Exact"] = "Præcis",
        ["Amount given"] = "Modtaget beløb",
        ["Take cash"] = "Modtag kontant",
        ["Split: amount for the next tender"] = "Delbetaling: beløb til næste betalingsmiddel",
        ["Change"] = "Byttepenge",
        ["Change due"] = "Byttepenge",
        ["Thank you!"] = "Tak for handlen!",
        ["Receipt {0}"] = "Bon {0}",
        ["Print"] = "Udskriv",
        ["E-mail"] = "E-mail",
        ["Send"] = "Send",
        ["Receipt sent to {0}."] = "Bonen er sendt til {0}.",
        ["Scan to get the receipt"] = "Scan for at få bonen",
        ["Remove payment"] = "Fjern betaling",
        ["Receipt: yes"] = "Kvittering: ja",
        ["Close the day with a Z report? It is final: the day's totals are fixed and the counters start again."] = "Luk dagen med en Z-rapport? Den er endelig: dagens tal låses, og tællerne starter forfra.",
        ["Yes, make the Z report"] = "Ja, lav Z-rapporten",
        ["'{0}' is not a quantity; type a whole number."] = "'{0}' er ikke et antal; skriv et helt tal.",
        ["Receipt: no"] = "Kvittering: nej",
        ["Printer ready"] = "Printer klar",
        ["Printer offline"] = "Printer offline",
        ["Printer out of paper"] = "Printer mangler papir",
        ["Printer not checked yet"] = "Printer ikke tjekket endnu",
        ["{0} printout(s) waiting at the printer {1}: {2}. They print when it is back; check paper and power."] = "{0} udskrift(er) venter ved printeren {1}: {2}. De udskrives, når den er klar igen; tjek papir og strøm.",
        ["Sent to the printer {0}."] = "Sendt til printeren {0}.",
        ["The receipt has already gone to the printer. Another paper is the one copy (KOPI) the sale may have."] = "Bonen er allerede sendt til printeren. Et papir mere er den ene kopi (KOPI), salget må have.",
        ["No paper receipt: the customer said no."] = "Ingen papirbon: kunden sagde nej.",
        ["Waiting for the card terminal…"] = "Venter på kortterminalen…",
        ["Waiting for the customer's phone…"] = "Venter på kundens telefon…",
        ["The answer was lost; asking the device what happened."] = "Svaret gik tabt; kassen spørger enheden, hvad der skete.",
        ["No card terminal on this register: a card payment is only recorded."] = "Ingen kortterminal på denne kasse: en kortbetaling bliver kun registreret.",
        ["Card is paid on the card terminal."] = "Kort betales på kortterminalen.",
        ["No MobilePay on this register: a MobilePay payment is only recorded."] = "Ingen MobilePay på denne kasse: en MobilePay-betaling bliver kun registreret.",
        ["MobilePay is paid in the customer's app."] = "MobilePay betales i kundens app.",
        ["The device has not answered yet. Look at the device, then open Pay again to see the outcome."] = "Enheden har ikke svaret endnu. Se på enheden, og åbn Betal igen for at se resultatet.",
        ["Only {0} was approved. {1} is still due: take it by another tender."] = "Kun {0} blev godkendt. {1} mangler: tag det med et andet betalingsmiddel.",
        ["{0} approved."] = "{0} godkendt.",
        ["Declined"] = "Afvist",
        ["Nothing was charged. Try again or choose another tender."] = "Intet blev trukket. Prøv igen, eller vælg et andet betalingsmiddel.",
        ["Cancelled. Nothing was charged."] = "Annulleret. Intet blev trukket.",
        ["Nothing was charged."] = "Intet blev trukket.",
        ["Try again or choose another tender."] = "Prøv igen, eller vælg et andet betalingsmiddel.",
        // returns
        ["Return"] = "Retur",
        ["Find the receipt"] = "Find bonen",
        ["Receipt number"] = "Bonnummer",
        ["Receipt code"] = "Bonkode",
        ["Scan or type the receipt's code"] = "Scan eller skriv bonens kode",
        ["Date"] = "Dato",
        ["Find"] = "Find",
        ["No receipt matches."] = "Ingen bon passer.",
        ["Pick what comes back"] = "Vælg hvad der kommer retur",
        ["Refund {0}"] = "Tilbagebetal {0}",
        ["Refunded to the original tender."] = "Tilbagebetalt til det oprindelige betalingsmiddel.",
        ["Without a receipt"] = "Uden bon",
        ["Supervisor"] = "Leder",
        ["Supervisor PIN"] = "Leders PIN-kode",
        ["Refund to"] = "Tilbagebetal til",
        ["Add product"] = "Tilføj vare",
        ["Returned"] = "Returneret",
        ["Already returned"] = "Allerede returneret",
        // till menu
        ["Till menu"] = "Kassemenu",
        ["Open drawer session"] = "Åbn kasseskuffe",
        ["Opening float"] = "Byttepenge ved start",
        ["Cash drop to the safe"] = "Aflever til boksen",
        ["Pay-in"] = "Indbetaling",
        ["Blind count"] = "Blind optælling",
        ["Counted cash"] = "Optalte kontanter",
        ["Count and close"] = "Tæl op og luk",
        ["Expected"] = "Forventet",
        ["Over/short"] = "Difference",
        ["X report"] = "X-rapport",
        ["Z report (close the day)"] = "Z-rapport (luk dagen)",
        ["No drawer session is open."] = "Ingen kasseskuffe er åben.",
        ["Drawer open since {0} with a float of {1}."] = "Skuffen er åben siden {0} med {1} i byttepenge.",
        ["Saved."] = "Gemt.",
        ["Training mode"] = "Øvelsestilstand",
        // display
        ["Welcome to {0}"] = "Velkommen til {0}",
        ["Thank you for shopping at {0}"] = "Tak for handlen hos {0}",
        ["You pay"] = "Du betaler",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
