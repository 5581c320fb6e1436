using Kasse.Domain.Money;
using Kasse.Domain.Sales;

namespace Kasse.Domain.Tests;

public class RefundAllocationTests
{
    [Fact]
    public void A_refund_goes_to_the_card_first_and_the_rest_in_cash_rounded()
    {
        RefundableTender[] paidWith = [new(PaymentMethod.Card, 50.00m, "TERM-0001"), new(PaymentMethod.Cash, 51.50m, null)];

        var parts = RefundAllocation.ToOriginalTender(101.30m, paidWith, CashRounding.HalfKrone);

        Assert.Equal([new RefundPart(PaymentMethod.Card, 50.00m, 0m, "TERM-0001"), new RefundPart(PaymentMethod.Cash, 51.50m, 0.20m, null)], parts);
    }

    [Fact]
    public void A_refund_the_card_can_take_goes_wholly_to_the_card()
    {
        RefundableTender[] paidWith = [new(PaymentMethod.Cash, 51.50m, null), new(PaymentMethod.Card, 50.00m, "TERM-0001")];

        var parts = RefundAllocation.ToOriginalTender(30.00m, paidWith, CashRounding.HalfKrone);

        Assert.Equal([new RefundPart(PaymentMethod.Card, 30.00m, 0m, "TERM-0001")], parts);
    }

    [Fact]
    public void A_card_already_refunded_in_full_is_skipped()
    {
        RefundableTender[] paidWith = [new(PaymentMethod.Card, 0m, "TERM-0001"), new(PaymentMethod.Cash, 51.50m, null)];

        var parts = RefundAllocation.ToOriginalTender(12.95m, paidWith, CashRounding.HalfKrone);

        Assert.Equal([new RefundPart(PaymentMethod.Cash, 13.00m, 0.05m, null)], parts);
    }

    [Fact]
    public void A_refund_without_a_receipt_goes_where_the_cashier_says()
    {
        Assert.Equal(new RefundPart(PaymentMethod.Cash, 101.00m, -0.20m, null), RefundAllocation.To(PaymentMethod.Cash, 101.20m, CashRounding.HalfKrone));
        Assert.Equal(new RefundPart(PaymentMethod.MobilePay, 101.20m, 0m, null), RefundAllocation.To(PaymentMethod.MobilePay, 101.20m, CashRounding.HalfKrone));
    }

    [Fact]
    public void Cash_refunds_of_one_receipt_round_on_their_running_total()
    {
        // 10 × 0.25 paid with 2.50 in cash, returned one at a time: 0.50, 0.00, 0.50, 0.00 … — 2.50 in all, not 10 × 0.50.
        var paid = new List<decimal>();
        var cash = CashRefunded.None;
        for (var i = 0; i < 10; i++)
        {
            var part = Assert.Single(RefundAllocation.ToOriginalTender(0.25m,
                new RefundHistory([new(PaymentMethod.Cash, 2.50m - cash.Paid, null)], cash), CashRounding.HalfKrone));
            Assert.Equal(PaymentMethod.Cash, part.Method);
            Assert.Equal(part.Amount - 0.25m, part.Rounding);
            paid.Add(part.Amount);
            cash = new CashRefunded(cash.Paid + part.Amount, cash.BeforeRounding + 0.25m);
        }
        Assert.Equal([0.50m, 0m, 0.50m, 0m, 0.50m, 0m, 0.50m, 0m, 0.50m, 0m], paid);
    }

    [Fact]
    public void The_second_of_two_returns_pays_what_is_left_of_the_rounded_whole()
    {
        var first = RefundAllocation.ToOriginalTender(12.25m, new RefundHistory([new(PaymentMethod.Cash, 24.50m, null)], CashRefunded.None), CashRounding.HalfKrone);
        var second = RefundAllocation.ToOriginalTender(12.25m,
            new RefundHistory([new(PaymentMethod.Cash, 12.00m, null)], new CashRefunded(12.50m, 12.25m)), CashRounding.HalfKrone);

        Assert.Equal([new RefundPart(PaymentMethod.Cash, 12.50m, 0.25m, null)], first);
        Assert.Equal([new RefundPart(PaymentMethod.Cash, 12.00m, -0.25m, null)], second);
    }

    [Fact]
    public void Cash_never_exceeds_what_the_sale_still_holds_in_cash()
    {
        // An earlier return (before refunds were rounded on the running total) already paid out 2.00 of the 2.50 taken.
        var parts = RefundAllocation.ToOriginalTender(1.00m,
            new RefundHistory([new(PaymentMethod.Cash, 0.50m, null)], new CashRefunded(2.00m, 1.50m)), CashRounding.HalfKrone);

        Assert.Equal([new RefundPart(PaymentMethod.Cash, 0.50m, -0.50m, null)], parts);
    }
}
