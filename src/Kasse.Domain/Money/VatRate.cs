using System.Globalization;

namespace Kasse.Domain.Money;

/// <summary>A VAT rate a store charges, e.g. Danish standard moms 25 % (code "S") or exempt 0 % (code "Z").</summary>
public sealed record VatRate(string Code, decimal Percent, string Description)
{
    public const int MaxCodeLength = 8;

    public static VatRate Create(string code, decimal percent, string description)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength)
            throw DomainException.Invalid(VatErrors.Code, $"A VAT code must be 1–{MaxCodeLength} characters.");
        if (percent < 0m || percent >= 100m || decimal.Round(percent, 2) != percent)
            throw DomainException.Invalid(VatErrors.Percent, $"A VAT rate must be between 0 and 99.99 % with at most two decimals; got {percent.ToString(CultureInfo.InvariantCulture)}.");
        return new VatRate(code.Trim(), percent, description.Trim());
    }

    /// <summary>The VAT contained in a VAT-inclusive amount: gross × rate / (1 + rate), rounded half away from zero.</summary>
    public decimal VatIncludedIn(decimal grossAmount) => VatMath.VatIncludedIn(grossAmount, Percent);
}

public static class VatMath
{
    public static decimal VatIncludedIn(decimal grossAmount, decimal percent) =>
        Money.RoundToMinor(grossAmount * percent / (100m + percent));
}
