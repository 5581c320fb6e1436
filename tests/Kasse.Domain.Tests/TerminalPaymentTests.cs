using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

public sealed class TerminalPaymentTests
{
    private const string ServiceId = "A1B2C3D4E5";

    private static TerminalPayment Pending(decimal? amount = null) =>
        TerminalPayment.Start(Guid.CreateVersion7(), ASale().WithLine(Rye, 2).Build(), PaymentMethod.Card, amount, ServiceId, Now);

    [Fact]
    public void A_payment_starts_as_sending_for_what_is_due_with_the_sale_as_its_reference()
    {
        var sale = ASale().WithLine(Rye, 2).Build();
        var payment = TerminalPayment.Start(Guid.CreateVersion7(), sale, PaymentMethod.Card, null, ServiceId, Now);

        Assert.Equal(TerminalPaymentState.Sending, payment.State);
        Assert.Equal(49.90m, payment.RequestedAmount);
        Assert.Equal(sale.Id.ToString("N"), payment.SaleReference);
        Assert.True(payment.IsUnresolved);
    }

    [Fact]
    public void More_than_is_due_cash_and_an_empty_sale_are_refused()
    {
        var sale = ASale().WithLine(Rye).Build();

        Assert.Equal("payment.too-much", Assert.Throws<DomainException>(() => TerminalPayment.Start(Guid.CreateVersion7(), sale, PaymentMethod.Card, 25m, ServiceId, Now)).Code);
        Assert.Equal("payment.method-no-device", Assert.Throws<DomainException>(() => TerminalPayment.Start(Guid.CreateVersion7(), sale, PaymentMethod.Cash, null, ServiceId, Now)).Code);
        Assert.Equal("sale.empty", Assert.Throws<DomainException>(() => TerminalPayment.Start(Guid.CreateVersion7(), ASale().Build(), PaymentMethod.Card, null, ServiceId, Now)).Code);
    }

    [Fact]
    public void A_lost_answer_makes_the_outcome_unknown_and_a_late_approval_is_still_recorded()
    {
        var payment = Pending();

        payment.LoseAnswer("timeout", Now);
        var unknown = payment.State;
        var first = payment.Approve(20m, "T1", CardDetails.From("Dankort", "501971******3742", "123456"), Now);
        var second = payment.Approve(20m, "T1", CardDetails.None, Now);

        Assert.Equal(TerminalPaymentState.Unknown, unknown);
        Assert.True(first);
        Assert.False(second);
        Assert.Equal((20m, "3742", "Dankort"), (payment.ApprovedAmount!.Value, payment.CardLastFour, payment.CardScheme));
    }

    [Fact]
    public void A_settled_payment_does_not_change_its_outcome()
    {
        var declined = Pending();
        declined.Decline("Refusal", Now);

        Assert.Equal("payment.settled", Assert.Throws<DomainException>(() => declined.Approve(10m, "T2", CardDetails.None, Now)).Code);
        declined.LoseAnswer("late", Now);
        Assert.Equal(TerminalPaymentState.Declined, declined.State);
    }

    [Fact]
    public void An_approval_above_the_request_is_refused_and_only_an_approved_payment_can_be_reversed()
    {
        var payment = Pending(10m);

        Assert.Equal("terminal.bad-amount", Assert.Throws<DomainException>(() => payment.Approve(10.01m, "T3", CardDetails.None, Now)).Code);
        Assert.Equal("payment.not-approved", Assert.Throws<DomainException>(() => payment.MarkReversed(Now)).Code);
        payment.Approve(10m, "T3", CardDetails.None, Now);
        payment.MarkReversed(Now);
        Assert.Equal(TerminalPaymentState.Reversed, payment.State);
        Assert.Equal("payment.already-approved", Assert.Throws<DomainException>(() => Pending().Also(p => p.Approve(1m, null, CardDetails.None, Now)).RequestCancel(Now)).Code);
    }

    [Theory]
    [InlineData("457173******0010", "0010")]
    [InlineData("4571730000000011", "0011")] // a terminal that sent the whole number: only four digits are kept
    [InlineData("XXXX", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_the_last_four_digits_of_a_card_are_kept(string? maskedPan, string? expected) =>
        Assert.Equal(expected, CardDetails.From("Visa", maskedPan, null).LastFour);

    [Theory]
    [InlineData("Visa/Dankort", "123456", "Visa/Dankort", "123456")]
    [InlineData("Visa 4571730000000011", "4571730000000011", "Visa", null)] // digits never pass as a scheme or an approval code
    [InlineData("  ", " ", null, null)]
    public void Scheme_and_approval_code_carry_no_card_number(string scheme, string code, string? expectedScheme, string? expectedCode)
    {
        var card = CardDetails.From(scheme, null, code);

        Assert.Equal((expectedScheme, expectedCode), (card.Scheme, card.AuthorisationCode));
    }
}

internal static class Fluent
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
