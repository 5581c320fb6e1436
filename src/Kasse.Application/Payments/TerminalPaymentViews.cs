using Kasse.Domain.Payments;
using Kasse.Domain.Sales;

namespace Kasse.Application.Payments;

/// <summary>Pay by card or MobilePay through the register's device. The id is chosen by the till: the same id twice sends once.</summary>
/// <param name="Tip">A tip typed at the till, charged on top of the amount (card only).</param>
/// <param name="TipPercent">The typed tip as a percentage of the sale's total, instead of <paramref name="Tip"/>.</param>
/// <param name="AskForTip">The card terminal asks the customer for a tip; its answer carries the tip chosen.</param>
public sealed record StartDevicePayment(Guid Id, PaymentMethod Method, decimal? Amount = null, decimal? Tip = null, decimal? TipPercent = null,
    bool AskForTip = false);

public sealed record TerminalPaymentView(Guid Id, Guid SaleId, PaymentMethod Method, TerminalPaymentState State, bool IsSettled,
    decimal RequestedAmount, decimal? ApprovedAmount, string Currency, string ServiceId, string SaleReference, string AttemptReference,
    string? DeviceReference,
    string? CardScheme, string? CardLastFour, string? AuthorisationCode, string? Reason, bool CancelRequested,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, decimal RequestedTip = 0m, bool AskForTip = false, decimal? ApprovedTip = null)
{
    public static TerminalPaymentView From(TerminalPayment p) => new(p.Id, p.SaleId, p.Method, p.State, !p.IsUnresolved,
        p.RequestedAmount, p.ApprovedAmount, p.Currency, p.ServiceId, p.SaleReference, p.AttemptReference, p.DeviceReference,
        p.CardScheme, p.CardLastFour, p.AuthorisationCode, p.Reason, p.CancelRequested, p.CreatedAt, p.UpdatedAt,
        p.RequestedTip, p.AskForTip, p.ApprovedTip);
}
