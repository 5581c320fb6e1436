namespace Kasse.Domain.Money;

/// <summary>One row of the receipt's "heraf moms": the VAT of one rate over all lines of that rate.</summary>
public sealed record VatAmount(decimal Percent, decimal Gross, decimal Vat)
{
    public decimal Net => Gross - Vat;
}

public static class VatBreakdown
{
    /// <summary>
    /// Groups VAT-inclusive line totals by rate and computes the VAT once per rate (DESIGN.md: over the
    /// receipt's lines of that rate), so the rows add up exactly to the total.
    /// </summary>
    public static IReadOnlyList<VatAmount> Of(IEnumerable<(decimal Gross, decimal Percent)> lines) =>
        lines.GroupBy(l => l.Percent)
            .OrderByDescending(g => g.Key)
            .Select(g =>
            {
                var gross = g.Sum(l => l.Gross);
                return new VatAmount(g.Key, gross, VatMath.VatIncludedIn(gross, g.Key));
            })
            .ToList();
}
