namespace Kasse.Domain.Sales;

/// <summary>Splits an amount over weights in whole øre so the parts add up exactly (largest remainder).</summary>
public static class Allocation
{
    public static long[] Proportionally(long total, IReadOnlyList<long> weights)
    {
        var parts = new long[weights.Count];
        var weightSum = weights.Sum();
        if (weightSum == 0 || total == 0)
            return parts;
        var remainders = new (decimal Remainder, int Index)[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (decimal)total * weights[i] / weightSum;
            parts[i] = (long)decimal.Truncate(exact);
            remainders[i] = (exact - parts[i], i);
            given += parts[i];
        }
        var left = total - given;
        var step = Math.Sign(left);
        foreach (var (_, index) in remainders.OrderByDescending(r => Math.Abs(r.Remainder)).ThenBy(r => r.Index))
        {
            if (left == 0)
                break;
            parts[index] += step;
            left -= step;
        }
        return parts;
    }
}
