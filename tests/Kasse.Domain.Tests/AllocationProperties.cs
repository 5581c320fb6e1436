using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kasse.Domain.Sales;

namespace Kasse.Domain.Tests;

public sealed record Split(long Total, IReadOnlyList<long> Weights)
{
    public override string ToString() => $"{Total} over [{string.Join(", ", Weights)}]";
}

public static class SplitArbitraries
{
    public static Arbitrary<Split> Split() =>
        (from total in Gen.Choose(-2_000_000_000, 2_000_000_000)
         from count in Gen.Choose(1, 50)
         from weights in Gen.ListOf(Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(1, 10)), (3, Gen.Choose(0, 1_000_000_000))), count)
         where weights.Any(w => w > 0)
         select new Split(total, weights.Select(w => (long)w).ToList())).ToArbitrary();
}

[Properties(Arbitrary = [typeof(SplitArbitraries)], MaxTest = 500)]
public class AllocationProperties
{
    [Property]
    public void The_parts_add_up_to_the_whole_and_each_is_within_an_ore_of_its_exact_share(Split split)
    {
        var parts = Allocation.Proportionally(split.Total, split.Weights);
        var weightSum = split.Weights.Sum();

        Assert.Equal(split.Total, parts.Sum());
        for (var i = 0; i < parts.Length; i++)
        {
            var exact = (decimal)split.Total * split.Weights[i] / weightSum;
            Assert.True(Math.Abs(parts[i] - exact) < 1m, $"Part {i} is {parts[i]}, its exact share {exact}.");
        }
    }

    [Property]
    public void A_part_never_takes_the_other_sign(Split split)
    {
        var parts = Allocation.Proportionally(split.Total, split.Weights);

        Assert.All(parts, p => Assert.True(Math.Sign(p) == 0 || Math.Sign(p) == Math.Sign(split.Total)));
    }

    [Fact]
    public void Nothing_to_share_gives_nothing() =>
        Assert.Equal([0L, 0L], Allocation.Proportionally(0, [3, 5]));

    [Fact]
    public void A_ten_krone_discount_over_three_equal_lines_gives_the_extra_ore_to_the_first() =>
        Assert.Equal([334L, 333L, 333L], Allocation.Proportionally(1000, [1000, 1000, 1000]));
}
