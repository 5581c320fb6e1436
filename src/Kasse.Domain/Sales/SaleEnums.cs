namespace Kasse.Domain.Sales;

/// <summary>Open → (Parked ⇄ Open) → Completed | Voided (DESIGN.md "A sale").</summary>
public enum SaleStatus
{
    Open,
    Parked,
    Completed,
    Voided,
}

public enum SaleKind
{
    Sale,
    /// <summary>A new sale with negative lines that references what it returns.</summary>
    Return,
}

public enum PaymentMethod
{
    Cash,
    /// <summary>A payment card (Dankort, Visa, Mastercard …) through a terminal.</summary>
    Card,
    MobilePay,
    GiftCard,
    /// <summary>Loyalty points spent as money (SAF-T 12007); the sale's customer pays with their balance.</summary>
    LoyaltyPoints,
}

public enum DiscountKind
{
    None,
    Percent,
    Amount,
}
