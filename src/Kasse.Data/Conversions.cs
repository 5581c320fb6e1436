using Kasse.Domain.Money;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kasse.Data;

/// <summary>
/// Decimals in memory, integers in the database (DESIGN.md "Money"): sums in SQL are then exact integer
/// sums on both SQLite and PostgreSQL.
/// </summary>
public static class Conversions
{
    // Multiplying by 0.01 (not dividing by 100) keeps two decimals, so 29 kr reads back as 29.00 as it was written.
    private static readonly ValueConverter<decimal, long> MinorUnits =
        new(v => Money.ToMinorUnits(v), v => v * 0.01m);

    private static readonly ValueConverter<decimal?, long?> OptionalMinorUnits =
        new(v => v == null ? null : Money.ToMinorUnits(v.Value), v => v == null ? null : v.Value * 0.01m);

    /// <summary>Quantities in thousandths: grams, millilitres, or pieces × 1000.</summary>
    private static readonly ValueConverter<decimal, long> Thousandths =
        new(v => decimal.ToInt64(v * 1000m), v => v / 1000m);

    /// <summary>Percentages in hundredths of a percent (25 % = 2500).</summary>
    private static readonly ValueConverter<decimal, long> Hundredths =
        new(v => decimal.ToInt64(v * 100m), v => v / 100m);

    public static PropertyBuilder<decimal> IsMoney(this PropertyBuilder<decimal> property) => property.HasConversion(MinorUnits);
    public static PropertyBuilder<decimal?> IsMoney(this PropertyBuilder<decimal?> property) => property.HasConversion(OptionalMinorUnits);
    public static PropertyBuilder<decimal> IsQuantity(this PropertyBuilder<decimal> property) => property.HasConversion(Thousandths);
    public static PropertyBuilder<decimal> IsPercent(this PropertyBuilder<decimal> property) => property.HasConversion(Hundredths);
}
