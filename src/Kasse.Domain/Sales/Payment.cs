using Kasse.Domain.Payments;

namespace Kasse.Domain.Sales;

/// <summary>
/// Money taken for (or, on a return, paid back for) a sale. <see cref="Amount"/> is what counts towards the
/// sale; for cash, <see cref="Tendered"/> − <see cref="Change"/> = <see cref="Amount"/>, and
/// <see cref="Rounding"/> is the øreafrunding this payment settled. <see cref="Tip"/> is taken on top of
/// <see cref="Amount"/> (for cash, <see cref="Tendered"/> − <see cref="Change"/> = <see cref="Amount"/> + <see cref="Tip"/>;
/// a card is charged both): it is not revenue, carries no VAT and is owed to the staff (docs/restaurant.md, "Tips").
/// </summary>
public sealed class Payment
{
    public const int MaxReferenceLength = 64;

    private Payment() { }

    internal Payment(Guid id, Guid saleId, int position, PaymentMethod method, decimal amount, decimal? tendered, decimal change,
        decimal rounding, string? reference, DateTimeOffset at, decimal tip = 0m)
    {
        Tip = tip;
        Id = id;
        SaleId = saleId;
        Position = position;
        Method = method;
        Amount = amount;
        Tendered = tendered;
        Change = change;
        Rounding = rounding;
        Reference = reference;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid SaleId { get; private set; }
    public int Position { get; private set; }
    public PaymentMethod Method { get; private set; }
    public decimal Amount { get; private set; }
    public decimal? Tendered { get; private set; }
    public decimal Change { get; private set; }
    public decimal Rounding { get; private set; }

    /// <summary>The tip taken with this payment, on top of <see cref="Amount"/>; zero for none.</summary>
    public decimal Tip { get; private set; }

    /// <summary>The money this payment moved: what counts towards the sale and the tip.</summary>
    public decimal Taken => Amount + Tip;

    /// <summary>The terminal's or MobilePay's transaction reference. Never card data.</summary>
    public string? Reference { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>E.g. "Dankort" or "Visa", as the terminal named it. With the two below, all a receipt may show of a card.</summary>
    public string? CardScheme { get; private set; }
    public string? CardLastFour { get; private set; }
    public string? AuthorisationCode { get; private set; }

    internal void Attach(CardDetails card)
    {
        CardScheme = card.Scheme;
        CardLastFour = card.LastFour;
        AuthorisationCode = card.AuthorisationCode;
    }
}
