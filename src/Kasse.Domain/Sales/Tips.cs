using System.Globalization;

namespace Kasse.Domain.Sales;

/// <summary>The codes of the refusals about tips; texts in Errors.resx / Errors.da.resx.</summary>
public static class TipErrors
{
    public const string Amount = "tip.amount";
    public const string Percent = "tip.percent";
    public const string KeepChange = "tip.keep-change";
    public const string MoreThanTendered = "tip.more-than-tendered";
    public const string NoChange = "tip.no-change";
    public const string Method = "tip.method";
    public const string Both = "tip.both";
}

/// <summary>
/// A tip (drikkepenge) is money taken with a payment on top of the sale: not revenue, no VAT, owed to the employee who
/// served (the sale's cashier). The sale's total never changes; payments = sales + cash rounding + tips.
/// </summary>
public static class Tips
{
    public const decimal MaxTip = 100_000m;
    public const decimal MaxPercent = 100m;

    public static void EnsureValid(decimal tip)
    {
        if (tip < 0m || tip > MaxTip || Money.Money.RoundToMinor(tip) != tip)
            throw DomainException.Invalid(TipErrors.Amount,
                $"A tip must be zero or more, at most {MaxTip.ToString("N0", CultureInfo.InvariantCulture)}, in whole øre; got {tip.ToString("0.00", CultureInfo.InvariantCulture)}.");
    }

    /// <summary>A tip as a percentage of the sale's total, rounded half away from zero to the øre.</summary>
    public static decimal OfPercent(decimal total, decimal percent)
    {
        if (percent < 0m || percent > MaxPercent || decimal.Round(percent, 2) != percent)
            throw DomainException.Invalid(TipErrors.Percent, $"A tip percentage is 0 to {MaxPercent.ToString(CultureInfo.InvariantCulture)} with at most two decimals; got {percent.ToString(CultureInfo.InvariantCulture)}.");
        return Money.Money.RoundToMinor(total * percent / 100m);
    }

    /// <summary>The tip a command asks for: an amount or a percentage of the sale's total, not both.</summary>
    public static decimal Resolve(decimal? amount, decimal? percent, decimal total)
    {
        if (amount is not null && percent is not null)
            throw DomainException.Invalid(TipErrors.Both, "Give the tip as an amount or as a percentage, not both.");
        var tip = amount ?? (percent is { } p ? OfPercent(total, p) : 0m);
        EnsureValid(tip);
        return tip;
    }
}
