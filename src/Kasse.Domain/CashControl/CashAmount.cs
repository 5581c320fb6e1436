using System.Globalization;

namespace Kasse.Domain.CashControl;

/// <summary>Guards for amounts of cash a person counts or moves: whole øre, within what a drawer can hold.</summary>
public static class CashAmount
{
    public const decimal Max = 1_000_000m;

    public static decimal Valid(decimal amount, string code, string what, bool allowZero)
    {
        if (amount < 0m || (!allowZero && amount == 0m))
            throw DomainException.Invalid(code, allowZero ? $"{what} can't be negative." : $"{what} must be more than zero.");
        if (amount > Max)
            throw DomainException.Invalid(code, $"{what} can be at most {Max.ToString("N0", CultureInfo.InvariantCulture)}.");
        if (decimal.Round(amount, 2) != amount)
            throw DomainException.Invalid(code, $"{what} must be in whole øre (two decimals).");
        // Two decimals always, so 500 and 500.00 are the same amount in every payload.
        return Round(amount);
    }

    /// <summary>The amount with exactly two decimals.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
