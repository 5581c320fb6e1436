using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The promotions pages' and the till's offer words in Danish (English is the key).</summary>
internal static class PromotionText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["Offers, multi-buys, happy hours and coupons, applied at the till by themselves."] = "Tilbud, mængderabatter, happy hour og kuponer, som kassen selv giver.",
        ["Promotions"] = "Tilbud",
        ["New promotion"] = "Nyt tilbud",
        ["Edit promotion"] = "Ret tilbud",
        ["Back to promotions"] = "Tilbage til tilbud",
        ["No promotions yet."] = "Ingen tilbud endnu.",
        ["Kind"] = "Type",
        ["Valid"] = "Gælder",
        ["Yes"] = "Ja",
        ["No"] = "Nej",
        ["Delete"] = "Slet",
        ["Percent off"] = "Procent rabat",
        ["Amount off"] = "Beløb rabat",
        ["Amount off per item"] = "Rabat pr. stk.",
        ["Fixed price"] = "Fast pris",
        ["Multi-buy (N for a price)"] = "Mængderabat (N for en pris)",
        ["Buy X get Y"] = "Køb X få Y",
        ["Bundle / meal deal"] = "Pakketilbud / menu",
        ["Components: one per line, quantity then SKUs (e.g. 1: SANDW-1 SANDW-2)"] = "Dele: én pr. linje, antal og derefter varenumre (fx 1: SANDW-1 SANDW-2)",
        ["Products (SKUs, separate with spaces)"] = "Varer (varenumre adskilt af mellemrum)",
        ["How many items"] = "Antal varer",
        ["Buy (X)"] = "Køb (X)",
        ["Get (Y)"] = "Få (Y)",
        ["All stores"] = "Alle butikker",
        ["Valid from (date)"] = "Gælder fra (dato)",
        ["Valid until (date, exclusive)"] = "Gælder til (dato, ikke med)",
        ["From (local time)"] = "Fra (lokal tid)",
        ["To (local time)"] = "Til (lokal tid)",
        ["Weekdays"] = "Ugedage",
        ["Monday"] = "Mandag",
        ["Tuesday"] = "Tirsdag",
        ["Wednesday"] = "Onsdag",
        ["Thursday"] = "Torsdag",
        ["Friday"] = "Fredag",
        ["Saturday"] = "Lørdag",
        ["Sunday"] = "Søndag",
        ["Only with a coupon code"] = "Kun med kuponkode",
        ["Coupon codes"] = "Kuponkoder",
        ["New coupon code"] = "Ny kuponkode",
        ["Add code"] = "Tilføj kode",
        ["inactive"] = "inaktiv",
        ["Offer"] = "Tilbud",
        ["Coupon"] = "Kupon",
        ["Coupon code"] = "Kuponkode",
        ["Use coupon"] = "Brug kupon",
    }.ToFrozenDictionary();
}
