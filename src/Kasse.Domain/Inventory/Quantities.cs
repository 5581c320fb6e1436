using System.Globalization;

namespace Kasse.Domain.Inventory;

/// <summary>Stock quantities have three decimals at most: grams of a kg product, millilitres of a litre product.</summary>
public static class Quantities
{
    public const decimal Max = 100_000_000m;

    public static decimal Round(decimal quantity) => Math.Round(quantity, 3, MidpointRounding.AwayFromZero);

    public static decimal Valid(decimal quantity, string code, string what, bool allowNegative = true)
    {
        if (Math.Abs(quantity) > Max || (!allowNegative && quantity < 0m))
            throw DomainException.Invalid(code, $"{what} must be {(allowNegative ? "" : "0 or more and ")}within {Max.ToString("N0", CultureInfo.InvariantCulture)}; got {quantity.ToString(CultureInfo.InvariantCulture)}.");
        if (Round(quantity) != quantity)
            throw DomainException.Invalid(code, $"{what} can have at most three decimals (grams, millilitres); got {quantity.ToString(CultureInfo.InvariantCulture)}.");
        return quantity;
    }

    public static decimal Positive(decimal quantity, string code, string what)
    {
        if (quantity <= 0m)
            throw DomainException.Invalid(code, $"{what} must be more than 0; got {quantity.ToString(CultureInfo.InvariantCulture)}.");
        return Valid(quantity, code, what);
    }

    public static decimal NonZero(decimal quantity, string code, string what)
    {
        if (quantity == 0m)
            throw DomainException.Invalid(code, $"{what} must not be 0.");
        return Valid(quantity, code, what);
    }
}
