using System.Globalization;

namespace Kasse.Domain.Money;

/// <summary>
/// Rounds what a customer pays in cash to the smallest coin in circulation. Card payments are exact.
/// Denmark: nearest 0.50 DKK, .25 and .75 rounding up (x.00–x.24 → x.00, x.25–x.74 → x.50, x.75–x.99 → x+1).
/// Norway and Sweden: nearest krone. The difference is booked on its own (øreafrunding).
/// </summary>
public sealed record CashRounding(decimal Increment)
{
    public static readonly CashRounding None = new(0m);
    public static readonly CashRounding HalfKrone = new(0.50m);
    public static readonly CashRounding WholeKrone = new(1.00m);

    public static CashRounding Create(decimal increment)
    {
        if (increment < 0m || increment > 100m || Money.RoundToMinor(increment) != increment)
            throw DomainException.Invalid(CashRoundingErrors.Increment,
                $"A cash rounding increment must be 0 (none) or a positive amount in whole øre up to 100; got {increment.ToString(CultureInfo.InvariantCulture)}.");
        return increment == 0m ? None : new CashRounding(increment);
    }

    public static CashRounding ForCountry(string countryCode) => countryCode.ToUpperInvariant() switch
    {
        "DK" => HalfKrone,
        "NO" or "SE" => WholeKrone,
        _ => None,
    };

    /// <summary>
    /// The amount a cash payment settles. Ties (x.25, x.75 in Denmark) go away from zero, so refunds
    /// paid out in cash round the same way as payments taken.
    /// </summary>
    public decimal Round(decimal amount) =>
        Increment == 0m ? amount : Math.Round(amount / Increment, 0, MidpointRounding.AwayFromZero) * Increment;

    /// <summary>The øreafrunding: what rounding adds to (positive) or takes from (negative) the amount.</summary>
    public decimal DifferenceFor(decimal amount) => Round(amount) - amount;
}
