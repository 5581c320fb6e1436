using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>Tips and order types in Danish (the payment dialog, the cart, the tip-out report); English is the key.</summary>
internal static class TipsText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["Tip"] = "Drikkepenge",
        ["Tips"] = "Drikkepenge",
        ["Keep the change as a tip"] = "Behold byttepenge som drikkepenge",
        ["Ask for a tip on the card terminal"] = "Spørg om drikkepenge på kortterminalen",
        ["Total with tip"] = "I alt med drikkepenge",
        ["The tip is not an amount."] = "Drikkepengene er ikke et beløb.",
        ["incl. tip {0}"] = "heraf drikkepenge {0}",
        // order types
        ["Order type"] = "Ordretype",
        ["Eat in"] = "Spises her",
        ["Takeaway"] = "Ud af huset",
        ["Delivery"] = "Levering",
        ["No order type"] = "Ingen ordretype",
        // tip-out report (back office)
        ["Tip-out"] = "Drikkepenge til udbetaling",
        ["Tips per employee who served, for the business days chosen. They are owed to the staff (account 6810 Skyldige drikkepenge)."] =
            "Drikkepenge pr. medarbejder, der betjente, for de valgte forretningsdage. De skyldes personalet (konto 6810 Skyldige drikkepenge).",
        ["Payments with a tip"] = "Betalinger med drikkepenge",
        ["Other"] = "Andet",
        ["In all"] = "I alt",
        ["No tips in this period."] = "Ingen drikkepenge i perioden.",
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
