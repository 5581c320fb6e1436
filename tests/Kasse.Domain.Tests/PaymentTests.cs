using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

public class PaymentTests
{
    private static readonly Kasse.Domain.Catalog.Product Groceries = APiece("Indkøb", 101.30m);
    private static readonly Kasse.Domain.Catalog.Product RoundsDown = APiece("Indkøb", 101.20m);

    [Fact]
    public void A_card_pays_exactly_what_is_due()
    {
        var sale = ASale().WithLine(Groceries).Build();

        var payment = sale.PayByCard();

        Assert.Equal((PaymentMethod.Card, 101.30m, 0m, "TERM-0001"), (payment.Method, payment.Amount, payment.Rounding, payment.Reference));
        Assert.True(sale.IsFullyPaid);
        sale.CompleteToday(ADanishStore());
        Assert.Equal(SaleStatus.Completed, sale.Status);
    }

    [Fact]
    public void A_card_can_not_pay_more_than_is_due()
    {
        var sale = ASale().WithLine(Groceries).Build();

        Refused.With("payment.too-much", () => sale.PayByCard(101.31m));
        Assert.Empty(sale.Payments);
    }

    [Fact]
    public void Only_cash_has_an_amount_tendered()
    {
        var sale = ASale().WithLine(Groceries).Build();

        Refused.With("payment.tendered-not-cash",
            () => sale.AddPayment(Guid.CreateVersion7(), PaymentMethod.Card, null, 200m, null, Now));
    }

    [Fact]
    public void Cash_settles_the_total_rounded_to_the_half_krone_and_books_the_difference()
    {
        var sale = ASale().WithLine(Groceries).Build();

        var payment = sale.PayCash(200m);

        Assert.Equal((101.50m, 200m, 98.50m, 0.20m), (payment.Amount, payment.Tendered, payment.Change, payment.Rounding));
        Assert.Equal(0.20m, sale.CashRounding);
        Assert.Equal(sale.TotalAmount + sale.CashRounding, sale.PaidAmount);
        sale.CompleteToday(ADanishStore());
        Assert.Equal(SaleStatus.Completed, sale.Status);
    }

    [Fact]
    public void Cash_rounding_can_also_take_off()
    {
        var sale = ASale().WithLine(RoundsDown).Build();

        var payment = sale.PayCash(200m);

        Assert.Equal((101.00m, 99.00m, -0.20m), (payment.Amount, payment.Change, payment.Rounding));
        Assert.True(sale.IsFullyPaid);
    }

    [Fact]
    public void A_card_and_cash_split_rounds_only_the_cash_part()
    {
        var sale = ASale().WithLine(Groceries).Build();

        sale.PayByCard(50m);
        var cash = sale.PayCash(100m);

        Assert.Equal((51.50m, 48.50m, 0.20m), (cash.Amount, cash.Change, cash.Rounding));
        Assert.Equal(101.50m, sale.PaidAmount);
        sale.CompleteToday(ADanishStore());
    }

    [Fact]
    public void Twenty_ore_left_after_the_card_are_rounded_away_in_cash_without_a_coin_changing_hands()
    {
        var sale = ASale().WithLine(RoundsDown).Build();
        sale.PayByCard(101.00m);

        var cash = sale.PayCash(0m);

        Assert.Equal((0m, 0m, 0m, -0.20m), (cash.Amount, cash.Tendered, cash.Change, cash.Rounding));
        Assert.Equal(0m, sale.AmountDue);
        sale.CompleteToday(ADanishStore());
        Assert.Equal(SaleStatus.Completed, sale.Status);
    }

    [Fact]
    public void Too_little_cash_is_taken_as_part_of_the_payment()
    {
        var sale = ASale().WithLine(Groceries).Build();

        var cash = sale.PayCash(50m);

        Assert.Equal((50m, 0m, 0m), (cash.Amount, cash.Change, cash.Rounding));
        Assert.Equal(51.30m, sale.AmountDue);
        sale.PayByCard();
        sale.CompleteToday(ADanishStore());
    }

    [Fact]
    public void No_cash_is_no_payment_while_something_is_due() =>
        Refused.With("payment.tendered", () => ASale().WithLine(Groceries).Build().PayCash(0m));

    [Fact]
    public void A_sale_that_costs_nothing_completes_without_a_payment()
    {
        var sale = ASale().WithLine(APiece("Vareprøve", 0m)).Build();

        Refused.With("sale.paid", () => sale.PayCash(0m));
        sale.CompleteToday(ADanishStore());

        Assert.Equal(SaleStatus.Completed, sale.Status);
        Assert.Empty(sale.Payments);
    }

    [Fact]
    public void A_payment_id_is_used_once()
    {
        var sale = ASale().WithLine(Groceries).Build();
        var id = Guid.CreateVersion7();
        sale.AddPayment(id, PaymentMethod.Card, 10m, null, null, Now);

        Refused.With("payment.id-used", () => sale.AddPayment(id, PaymentMethod.Card, 10m, null, null, Now));
    }

    [Fact]
    public void Nothing_is_paid_for_an_empty_sale() =>
        Refused.With("sale.empty", () => ASale().Build().PayByCard());

    [Fact]
    public void A_sale_paid_in_full_takes_no_more_payments()
    {
        var sale = ASale().WithLine(Groceries).Build();
        sale.PayByCard();

        Refused.With("sale.paid", () => sale.PayByCard(1m));
        Refused.With("sale.paid", () => sale.PayCash(100m));
    }

    [Theory]
    [InlineData(PaymentMethod.Card)]
    [InlineData(PaymentMethod.Cash)]
    public void A_sale_settled_in_cash_with_rounding_down_takes_no_more_payments(PaymentMethod method)
    {
        // 101.20 in cash settles at 101.00 (øreafrunding −0.20): the sale is paid in full.
        var sale = ASale().WithLine(RoundsDown).Build();
        sale.PayCash(200m);
        Assert.True(sale.IsFullyPaid);

        Action anotherPayment = method == PaymentMethod.Card ? () => sale.PayByCard(0.20m) : () => sale.PayCash(0m);

        Refused.With("sale.paid", anotherPayment);
        Assert.True(sale.IsFullyPaid);
    }

    [Fact]
    public void A_cash_tender_between_the_total_and_the_cash_total_never_leaves_the_sale_overpaid()
    {
        // 101.30 is 101.50 in cash. A keyed tender of 101.40 must either be refused or settle the sale;
        // it must not be booked so that the payments exceed what is due and the sale can't complete.
        var sale = ASale().WithLine(Groceries).Build();

        var refusal = Record.Exception(() => sale.PayCash(101.40m));

        if (refusal is null)
            Assert.True(sale.AmountDue >= 0m, $"The cash payment left the sale overpaid: amount due {sale.AmountDue}.");
        else
            Assert.IsType<DomainException>(refusal);
    }

    [Fact]
    public void Once_payment_has_started_the_basket_is_fixed()
    {
        var builder = ASale().WithLine(Groceries);
        var sale = builder.Build();
        sale.PayByCard(50m);

        Refused.With("sale.has-payments", () => sale.Add(builder.Store, Milk));
        Refused.With("sale.has-payments", () => sale.ChangeQuantity(sale.Lines[0].Id, 2m));
        Refused.With("sale.has-payments", () => sale.SetSaleDiscount(DiscountKind.Percent, 10m, "Tilbud"));
        Refused.With("sale.has-payments", () => sale.Park());
        Refused.With("sale.has-payments", () => sale.Void(Now));
    }

    [Fact]
    public void Removing_the_payments_opens_the_basket_again()
    {
        var builder = ASale().WithLine(Groceries);
        var sale = builder.Build();
        var payment = sale.PayByCard(50m);

        sale.RemovePayment(payment.Id);
        sale.Add(builder.Store, Milk);

        Assert.Equal(114.25m, sale.TotalAmount);
    }

    [Fact]
    public void A_sale_is_completed_only_when_fully_paid()
    {
        var sale = ASale().WithLine(Groceries).Build();
        sale.PayByCard(100m);

        var error = Refused.With("sale.not-paid", () => sale.CompleteToday(ADanishStore()));

        Assert.Contains("1.30", error.Message, StringComparison.Ordinal);
        Assert.Equal(SaleStatus.Open, sale.Status);
    }
}
