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
}
