using System.Globalization;
using Kasse.Domain.Sales;

namespace Kasse.Domain.Payments;

/// <summary>
/// A payment taken through a card terminal or MobilePay, saved before the device is asked, so that after a
/// timeout, a crash or a restart Kasse asks about this exact request instead of charging again.
/// Its id is the sale payment's id once approved.
/// </summary>
public sealed class TerminalPayment
{
    public const int ServiceIdLength = 10;
    public const int MaxReferenceLength = 64;
    public const int MaxReasonLength = 200;

    private TerminalPayment()
    {
        Currency = "";
        ServiceId = "";
        SaleReference = "";
    }

    private TerminalPayment(Guid id, Sale sale, PaymentMethod method, decimal amount, string serviceId, DateTimeOffset now, decimal tip, bool askForTip)
    {
        RequestedTip = tip;
        AskForTip = askForTip;
        Id = id;
        SaleId = sale.Id;
        StoreId = sale.StoreId;
        RegisterId = sale.RegisterId;
        Method = method;
        RequestedAmount = amount;
        Currency = sale.Currency;
        ServiceId = serviceId;
        // The same for every attempt on this sale, so the acquirer's reports tie them together.
        SaleReference = sale.Id.ToString("N", CultureInfo.InvariantCulture);
        State = TerminalPaymentState.Sending;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid SaleId { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid RegisterId { get; private set; }
    public PaymentMethod Method { get; private set; }
    public decimal RequestedAmount { get; private set; }
    public string Currency { get; private set; }

    /// <summary>nexo ServiceID: unique per request from this till; the status query names it.</summary>
    public string ServiceId { get; private set; }

    /// <summary>nexo SaleTransactionID / MobilePay reference base: the sale, the same for every attempt.</summary>
    public string SaleReference { get; private set; }

    public TerminalPaymentState State { get; private set; }
    public decimal? ApprovedAmount { get; private set; }

    /// <summary>A tip typed at the till, charged on top of <see cref="RequestedAmount"/>.</summary>
    public decimal RequestedTip { get; private set; }

    /// <summary>The terminal was asked to prompt the customer for a tip.</summary>
    public bool AskForTip { get; private set; }

    /// <summary>The tip the device charged on top of <see cref="ApprovedAmount"/>.</summary>
    public decimal? ApprovedTip { get; private set; }

    /// <summary>All the device charged: the sale's part and the tip (what a reversal gives back).</summary>
    public decimal? ApprovedTotal => ApprovedAmount is { } amount ? amount + (ApprovedTip ?? 0m) : null;

    /// <summary>The terminal's transaction id (nexo POITransactionID) or MobilePay's pspReference.</summary>
    public string? DeviceReference { get; private set; }

    public string? CardScheme { get; private set; }
    public string? CardLastFour { get; private set; }
    public string? AuthorisationCode { get; private set; }
    public string? Reason { get; private set; }
    public bool CancelRequested { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsUnresolved => State.IsUnresolved();

    /// <summary>The device's reference for this request: the MobilePay reference, unique per attempt.</summary>
    public string AttemptReference => $"{SaleReference[..16]}-{ServiceId}";

    public static TerminalPayment Start(Guid id, Sale sale, PaymentMethod method, decimal? amount, string serviceId, DateTimeOffset now,
        decimal tip = 0m, bool askForTip = false)
    {
        Tips.EnsureValid(tip);
        // MobilePay takes a typed tip in the amount it requests; only the card terminal can ask the customer for one.
        if (askForTip && method != PaymentMethod.Card)
            throw DomainException.Invalid(TipErrors.Method, $"Only the card terminal asks the customer for a tip, not {method}; type the tip at the till instead.");
        if (id == Guid.Empty)
            throw DomainException.Invalid(PaymentErrors.Id, "Give the payment an id (a new UUID chosen by the till).");
        if (method is not (PaymentMethod.Card or PaymentMethod.MobilePay))
            throw DomainException.Invalid(PaymentErrors.MethodNoDevice, $"{method} is not taken through a device; use Card or MobilePay.");
        if (serviceId.Length != ServiceIdLength)
            throw new ArgumentException($"A service id has {ServiceIdLength} characters.", nameof(serviceId));
        if (sale.Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.NotOpen, "Payments can only be taken on an open sale.");
        if (sale.Kind != SaleKind.Sale)
            throw DomainException.Invalid(SaleErrors.Kind, "A return pays back through its refund.");
        if (sale.Lines.Count == 0)
            throw DomainException.Conflict(SaleErrors.Empty, "Add something to the sale before taking payment.");
        var due = sale.AmountDue;
        if (due <= 0m)
            throw DomainException.Conflict(SaleErrors.Paid, "The sale is already paid in full; complete it.");
        var charge = amount ?? due;
        if (charge <= 0m || Money.Money.RoundToMinor(charge) != charge)
            throw DomainException.Invalid(PaymentErrors.Amount, "The amount must be more than zero, in whole øre.");
        if (charge > due)
            throw DomainException.Invalid(PaymentErrors.TooMuch, $"{method} can't pay more than is due ({Format(due)}).");
        return new TerminalPayment(id, sale, method, charge, serviceId, now, tip, askForTip);
    }

    public void AwaitCustomer(DateTimeOffset now)
    {
        if (IsUnresolved)
            Move(TerminalPaymentState.AwaitingCustomer, null, now);
    }

    /// <summary>The answer did not arrive: the outcome is unknown until the device is asked.</summary>
    public void LoseAnswer(string reason, DateTimeOffset now)
    {
        if (IsUnresolved)
            Move(TerminalPaymentState.Unknown, reason, now);
    }

    /// <returns>Whether this call approved it (false: it already was).</returns>
    public bool Approve(decimal approvedAmount, string? deviceReference, CardDetails card, DateTimeOffset now, decimal tip = 0m)
    {
        if (State == TerminalPaymentState.Approved)
            return false;
        EnsureUnresolved("approved");
        if (approvedAmount <= 0m || approvedAmount > RequestedAmount)
            throw DomainException.Conflict(TerminalErrors.BadAmount,
                $"The device approved {Format(approvedAmount)} for a request of {Format(RequestedAmount)}; check the terminal's journal.");
        if (tip < 0m || (!AskForTip && tip != 0m && tip != RequestedTip))
            throw DomainException.Conflict(TerminalErrors.BadAmount,
                $"The device approved a tip of {Format(tip)} it was not asked for; check the terminal's journal.");
        ApprovedAmount = approvedAmount;
        ApprovedTip = tip;
        DeviceReference = deviceReference is { Length: > 0 } r ? r[..Math.Min(r.Length, MaxReferenceLength)] : null;
        CardScheme = card.Scheme;
        CardLastFour = card.LastFour;
        AuthorisationCode = card.AuthorisationCode;
        Move(TerminalPaymentState.Approved, null, now);
        return true;
    }

    public void Decline(string? reason, DateTimeOffset now) => Finish(TerminalPaymentState.Declined, reason ?? "Declined.", now);

    public void Abort(string? reason, DateTimeOffset now) => Finish(TerminalPaymentState.Aborted, reason ?? "Cancelled.", now);

    /// <summary>The device never got the request: nothing was charged, and a new attempt may be made.</summary>
    public void NotCharged(string reason, DateTimeOffset now) => Finish(TerminalPaymentState.NotCharged, reason, now);

    public void RequestCancel(DateTimeOffset now)
    {
        if (State == TerminalPaymentState.Approved)
            throw DomainException.Conflict(PaymentErrors.AlreadyApproved, "The payment is already approved; void the sale to reverse it.");
        if (!IsUnresolved)
            return;
        CancelRequested = true;
        UpdatedAt = now;
    }

    public void MarkReversed(DateTimeOffset now)
    {
        if (State == TerminalPaymentState.Reversed)
            return;
        if (State != TerminalPaymentState.Approved)
            throw DomainException.Conflict(PaymentErrors.NotApproved, "Only an approved payment can be reversed.");
        Move(TerminalPaymentState.Reversed, "Reversed when the sale was voided.", now);
    }

    private void Finish(TerminalPaymentState state, string reason, DateTimeOffset now)
    {
        if (State == state)
            return;
        EnsureUnresolved(state.ToString().ToLowerInvariant());
        Move(state, reason, now);
    }

    private void EnsureUnresolved(string what)
    {
        if (!IsUnresolved)
            throw DomainException.Conflict(PaymentErrors.Settled, $"The payment is already {State.ToString().ToLowerInvariant()}; it can't become {what}.");
    }

    private void Move(TerminalPaymentState state, string? reason, DateTimeOffset now)
    {
        State = state;
        Reason = reason is null ? null : reason[..Math.Min(reason.Length, MaxReasonLength)];
        UpdatedAt = now;
    }

    private static string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
