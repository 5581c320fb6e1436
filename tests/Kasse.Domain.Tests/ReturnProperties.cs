using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

/// <summary>A basket, which of its lines comes back, and in what portions (pieces or grams).</summary>
public sealed record ReturnVisit(Basket Basket, int LineIndex, IReadOnlyList<int> Portions)
{
    public override string ToString() => $"line {LineIndex} of {Basket}, returned in portions [{string.Join(", ", Portions)}]";
}

public static class ReturnArbitraries
{
    public static Arbitrary<ReturnVisit> ReturnVisit() =>
        (from basket in BasketArbitraries.Baskets
         from index in Gen.Choose(0, basket.Lines.Count - 1)
         from count in Gen.Choose(0, 8)
         from portions in Gen.ListOf(Gen.Choose(1, basket.Lines[index].Quantity), count)
         select new ReturnVisit(basket, index, portions.ToList())).ToArbitrary();
}

[Properties(Arbitrary = [typeof(ReturnArbitraries)], MaxTest = 300)]
public class ReturnProperties
{
    [Property]
    public void Partial_returns_never_refund_more_than_the_line_and_a_full_return_refunds_it_exactly(ReturnVisit visit)
    {
        var line = visit.Basket.RingUp(ADanishStore()).Lines[visit.LineIndex];
        var unit = visit.Basket.Lines[visit.LineIndex].Weighed ? 0.001m : 1m;
        var returned = 0m;
        var refunded = 0m;

        foreach (var portion in visit.Portions)
        {
            var quantity = portion * unit;
            if (returned + quantity > line.Quantity)
            {
                Refused.With("return.too-much", () => ReturnRules.RefundFor(line, returned, quantity));
                continue;
            }
            var refund = ReturnRules.RefundFor(line, returned, quantity);
            Assert.True(refund >= 0m, $"Returning {quantity} refunds {refund}.");
            returned += quantity;
            refunded += refund;
            Assert.True(refunded <= line.TotalAmount, $"{refunded} refunded for a line of {line.TotalAmount}.");
        }
        if (returned < line.Quantity)
            refunded += ReturnRules.RefundFor(line, returned, line.Quantity - returned);

        Assert.Equal(line.TotalAmount, refunded);
        Refused.With("return.too-much", () => ReturnRules.RefundFor(line, line.Quantity, unit));
    }
}
