using System.Globalization;

namespace Kasse.Domain.Money;

/// <summary>
/// An amount in a currency. Decimal in memory, an integer of minor units (øre) in the database
/// (DESIGN.md "Money"). Every currency Kasse supports has two minor digits.
/// </summary>
public readonly record struct Money(decimal Amount, string Currency) : IComparable<Money>
{
    public const int MinorDigits = 2;
    private const decimal MinorPerMajor = 100m;

    public static Money Zero(string currency) => new(0m, currency);

    public static Money FromMinorUnits(long minorUnits, string currency) => new(minorUnits / MinorPerMajor, currency);

    /// <summary>Rounds half away from zero to the minor unit: the rule for every VAT and price calculation.</summary>
    public static decimal RoundToMinor(decimal amount) => Math.Round(amount, MinorDigits, MidpointRounding.AwayFromZero);

    public static long ToMinorUnits(decimal amount)
    {
        var scaled = amount * MinorPerMajor;
        if (scaled != decimal.Truncate(scaled))
            throw new ArgumentException($"{amount.ToString(CultureInfo.InvariantCulture)} has more than {MinorDigits} decimals.", nameof(amount));
        return decimal.ToInt64(scaled);
    }

    public long MinorUnits => ToMinorUnits(Amount);

    public Money Rounded() => this with { Amount = RoundToMinor(Amount) };

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, SameCurrency(a, b));
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, SameCurrency(a, b));
    public static Money operator -(Money a) => a with { Amount = -a.Amount };
    public static bool operator <(Money a, Money b) => a.CompareTo(b) < 0;
    public static bool operator >(Money a, Money b) => a.CompareTo(b) > 0;
    public static bool operator <=(Money a, Money b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Money a, Money b) => a.CompareTo(b) >= 0;

    public int CompareTo(Money other)
    {
        SameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");

    private static string SameCurrency(Money a, Money b) =>
        string.Equals(a.Currency, b.Currency, StringComparison.Ordinal)
            ? a.Currency
            : throw new InvalidOperationException($"Cannot combine {a.Currency} and {b.Currency}.");
}
