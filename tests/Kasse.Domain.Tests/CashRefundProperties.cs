using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kasse.Domain.Money;
using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

/// <summary>How the customer paid: all cash, or a card or a cash part first and the rest in cash or by card.</summary>
public enum PaymentPlan { Cash, CardThenCash, CashPartThenCash, CashPartThenCard }

/// <summary>One portion of a line brought back: pieces, or grams of a weighed line.</summary>
public sealed record ReturnedPortion(int LineIndex, int Portion);

/// <summary>A sale, how it was paid, and the returns that follow, each bringing back one or more portions.</summary>
public sealed record CashRefundVisit(Basket Basket, PaymentPlan Plan, int SharePercent, int ExtraTenderedOre,
    IReadOnlyList<IReadOnlyList<ReturnedPortion>> Returns)
{
    public override string ToString()
    {
        var returns = string.Join(" / ", Returns.Select(r => string.Join(", ", r.Select(p => $"line {p.LineIndex} × {p.Portion}"))));
        return string.Create(CultureInfo.InvariantCulture, $"{Basket} paid {Plan} ({SharePercent} %, +{ExtraTenderedOre} øre tendered); returns: {returns}");
    }
}

public static class CashRefundArbitraries
{
    /// <summary>Small prices (0.01–3.00 kr) and many pieces: where each return's rounding matters most.</summary>
    private static Gen<Basket> SmallChange =>
        from count in Gen.Choose(1, 4)
        from lines in Gen.ListOf(
            from price in Gen.Frequency((2, Gen.Elements(25, 75, 12, 37, 99)), (3, Gen.Choose(1, 300)))
            from quantity in Gen.Choose(1, 20)
            select new BasketLine(price, false, quantity, 25, null), count)
        select new Basket(lines.ToList(), null);

    public static Arbitrary<CashRefundVisit> Visit() =>
        (from basket in Gen.Frequency((1, BasketArbitraries.Baskets), (1, SmallChange))
         from plan in Gen.Elements(Enum.GetValues<PaymentPlan>())
         from share in Gen.Choose(1, 99)
         from extra in Gen.Frequency((2, Gen.Constant(0)), (1, Gen.Choose(1, 50_000)))
         from returnCount in Gen.Choose(1, 12)
         from returns in Gen.ListOf(
             from portions in Gen.Choose(1, 3)
             from picked in Gen.ListOf(
                 from index in Gen.Choose(0, basket.Lines.Count - 1)
                 from portion in Gen.Choose(1, basket.Lines[index].Quantity)
                 select new ReturnedPortion(index, portion), portions)
             select (IReadOnlyList<ReturnedPortion>)picked.ToList(), returnCount)
         select new CashRefundVisit(basket, plan, share, extra, returns.ToList())).ToArbitrary();
}

/// <summary>
/// Issue 18: for any sale and any sequence of partial returns, the cash refunded never exceeds the cash taken, and
/// the cash paid out so far is always the Danish rounding of the running cash refund (not a sum of roundings).
/// </summary>
[Properties(Arbitrary = [typeof(CashRefundArbitraries)], MaxTest = 500)]
public class CashRefundProperties
{
    private static readonly CashRounding Rounding = CashRounding.HalfKrone;

    [Property]
    public void Cash_refunds_follow_the_running_total_and_never_exceed_the_cash_taken(CashRefundVisit visit)
    {
        var store = ADanishStore();
        var register = ARegister(store);
        var original = visit.Basket.RingUp(store);
        Pay(original, visit);
        original.CompleteToday(store);
        var cashTaken = original.Payments.Where(p => p.Method == PaymentMethod.Cash).Sum(p => p.Amount);
        var unit = visit.Basket.Lines.Select(l => l.Weighed ? 0.001m : 1m).ToList();
        var returned = new decimal[original.Lines.Count];
        var refunds = new List<Payment>();
        var receipt = 1L;

        void Return(IEnumerable<(int Index, decimal Quantity)> portions)
        {
            var ret = Sale.OpenReturn(Guid.CreateVersion7(), store, register, null, Now, original, "Fortrudt", null);
            foreach (var (index, wanted) in portions)
            {
                var line = original.Lines[index];
                var quantity = Math.Min(wanted, line.Quantity - returned[index]);
                if (quantity <= 0m)
                    continue;
                ret.AddReturnLine(Guid.CreateVersion7(), line, quantity, ReturnRules.RefundFor(line, returned[index], quantity), original.Promotions);
                returned[index] += quantity;
            }
            if (ret.Lines.Count == 0)
                return;
            var parts = RefundAllocation.ToOriginalTender(-ret.TotalAmount, RefundHistory.Of(original, refunds), Rounding);
            foreach (var part in parts)
            {
                Assert.True(part.Amount >= 0m, $"A refund part of {part.Amount} to {part.Method}.");
                ret.AddRefund(Guid.CreateVersion7(), part, Now);
            }
            ret.Complete(++receipt, Now, store.BusinessDayOf(Now));
            refunds.AddRange(ret.Payments);

            var cash = refunds.Where(p => p.Method == PaymentMethod.Cash).ToList();
            var cashOut = -cash.Sum(p => p.Amount);
            var runningRefund = cash.Sum(p => p.Rounding - p.Amount);
            Assert.True(cashOut <= cashTaken, $"{cashOut} paid out in cash after return {receipt - 1}; the sale took {cashTaken} in cash.");
            Assert.Equal(Rounding.Round(runningRefund), cashOut);
        }

        foreach (var visitReturn in visit.Returns)
            Return(visitReturn.Select(p => (p.LineIndex, p.Portion * unit[p.LineIndex])));
        // Whatever is left comes back last: the whole receipt returned pays back exactly what it took, tender by tender.
        Return(Enumerable.Range(0, original.Lines.Count).Select(i => (i, original.Lines[i].Quantity)));

        foreach (var method in original.Payments.Select(p => p.Method).Distinct())
            Assert.Equal(original.Payments.Where(p => p.Method == method).Sum(p => p.Amount), -refunds.Where(p => p.Method == method).Sum(p => p.Amount));
    }

    private static void Pay(Sale sale, CashRefundVisit visit)
    {
        if (sale.AmountDue <= 0m)
            return;
        var first = Math.Max(0.01m, Kasse.Domain.Money.Money.RoundToMinor(sale.AmountDue * visit.SharePercent / 100m));
        // A cash part is what a customer hands over: whole coins, less than the total.
        var coins = Math.Floor(first / Rounding.Increment) * Rounding.Increment;
        switch (visit.Plan)
        {
            case PaymentPlan.CardThenCash when first < sale.AmountDue:
                sale.PayByCard(first);
                break;
            case PaymentPlan.CashPartThenCash or PaymentPlan.CashPartThenCard when coins > 0m && coins < sale.AmountDue:
                sale.PayCash(coins);
                break;
        }
        if (visit.Plan == PaymentPlan.CashPartThenCard && sale.AmountDue > 0m)
            sale.PayByCard();
        if (sale.AmountDue > 0m)
            sale.PayCash(sale.CashDue + visit.ExtraTenderedOre / 100m);
    }
}
