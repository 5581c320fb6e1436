namespace Kasse.Domain.Accounting;

/// <summary>
/// What an amount in the day's bookkeeping is, independent of the account number a shop's bookkeeper chose for it.
/// The chart of accounts maps each role (and, where it matters, a qualifier such as the VAT code or card scheme)
/// to an account.
/// </summary>
public enum AccountRole
{
    /// <summary>Sales without VAT (the VAT base), per VAT code (qualifier).</summary>
    Revenue,
    /// <summary>Udgående moms (salgsmoms), per VAT code (qualifier).</summary>
    OutputVat,
    /// <summary>The cash in the drawers (kasse).</summary>
    Cash,
    /// <summary>Card payments waiting for the acquirer's settlement, per card scheme (qualifier, e.g. "Dankort").</summary>
    PaymentCards,
    /// <summary>MobilePay payments waiting for settlement.</summary>
    MobilePay,
    /// <summary>Gift cards sold and not yet spent (a debt to the card holders).</summary>
    GiftCardLiability,
    /// <summary>Øreafrunding: the difference the 50-øre cash rounding settled.</summary>
    CashRounding,
    /// <summary>Kassedifference: the counted drawer minus what it should have held.</summary>
    CashOverShort,
    /// <summary>Tips taken with payments and owed to staff.</summary>
    TipsPayable,
    /// <summary>Vareforbrug: the cost of the goods sold, where stock is kept.</summary>
    CostOfGoodsSold,
    /// <summary>Varelager: the stock's value, where stock is kept.</summary>
    Inventory,
    /// <summary>Loyalty points the customer paid with: the shop's own cost of the programme (a discount given).</summary>
    LoyaltyRedemption,
}
