using Kasse.Domain.Sales;
using Kasse.Server.Ui.Localization;

namespace Kasse.Server.Ui.Shared;

public static class Names
{
    public static string Tender(this UiText text, PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => text["Cash"],
        PaymentMethod.Card => text["Card"],
        PaymentMethod.MobilePay => text["MobilePay"],
        PaymentMethod.GiftCard => text["Gift card"],
        PaymentMethod.LoyaltyPoints => text["Loyalty points"],
    };

    /// <summary>An amount with its sign always shown, for roundings and differences (+0,02 / −0,02).</summary>
    public static string Signed(decimal amount) => (amount > 0m ? "+" : amount < 0m ? "−" : "±") + Formats.Amount(Math.Abs(amount));
}
