using Kasse.Domain.Payments;
using Kasse.Domain.Sales;

namespace Kasse.Application.Payments;

/// <summary>What a payment device can do, so the till offers only what works (STYLE.md §16).</summary>
[Flags]
public enum TerminalCapabilities
{
    None = 0,
    Purchase = 1,
    Refund = 2,
    /// <summary>Take back an approved payment of the open sale (nexo ReversalRequest, MobilePay refund).</summary>
    Reversal = 4,
    /// <summary>Ask the device what became of a request whose answer was lost.</summary>
    StatusQuery = 8,
    /// <summary>Cancel a payment while the device waits for the customer.</summary>
    Abort = 16,
    /// <summary>The device may approve less than was asked (the rest is due by another tender).</summary>
    PartialApproval = 32,
}

/// <summary>Where a device is and who we are to it.</summary>
/// <param name="DeviceId">The terminal's POIID, or the MobilePay merchant serial number.</param>
/// <param name="SaleSystemId">Our name towards the device (nexo SaleID): the register.</param>
public sealed record DeviceConnection(Uri Url, string DeviceId, string SaleSystemId, TimeSpan Timeout);

/// <summary>One request to a device, as saved before it was sent.</summary>
/// <param name="ServiceId">Unique per request (nexo ServiceID); a status query names it.</param>
/// <param name="SaleReference">The sale, the same for every attempt (nexo SaleTransactionID).</param>
/// <param name="AttemptReference">Unique per attempt; MobilePay's payment reference.</param>
/// <param name="Amount">What the sale is paid; a <paramref name="Tip"/> typed at the till is charged on top.</param>
/// <param name="AskForTip">The terminal asks the customer for a tip (on top of <paramref name="Amount"/>).</param>
public sealed record DeviceRequest(Guid PaymentId, string ServiceId, string SaleReference, string AttemptReference, decimal Amount,
    string Currency, DateTimeOffset CreatedAt, decimal Tip = 0m, bool AskForTip = false)
{
    public static DeviceRequest For(TerminalPayment p) =>
        new(p.Id, p.ServiceId, p.SaleReference, p.AttemptReference, p.RequestedAmount, p.Currency, p.CreatedAt, p.RequestedTip, p.AskForTip);
}

/// <summary>What a device said (or that it said nothing).</summary>
public abstract record DeviceAnswer
{
    private DeviceAnswer() { }

    /// <param name="Amount">What was approved for the sale; less than asked for a partial approval.</param>
    /// <param name="Tip">The tip charged on top (typed at the till, or chosen by the customer on the terminal).</param>
    public sealed record Approved(decimal Amount, string? DeviceReference, CardDetails Card, decimal Tip = 0m) : DeviceAnswer;

    public sealed record Declined(string Reason) : DeviceAnswer;

    public sealed record Aborted(string Reason) : DeviceAnswer;

    /// <summary>The device has the request and is still busy with it (waiting for the card or the app).</summary>
    public sealed record InProgress : DeviceAnswer;

    /// <summary>The device has no record of the request: it was never received, so nothing was charged.</summary>
    public sealed record NotFound : DeviceAnswer;

    /// <summary>No connection could be made: the request never left Kasse.</summary>
    public sealed record Unreachable(string Reason) : DeviceAnswer;

    /// <summary>The request may have arrived but no answer came back (timeout, dropped connection).</summary>
    public sealed record NoAnswer(string Reason) : DeviceAnswer;
}

/// <summary>
/// A semi-integrated payment device (card terminal, MobilePay). The till never sees card data: it asks for an
/// amount and records the outcome. Implementations live in Kasse.Devices; none of them retries a charge.
/// </summary>
public interface IPaymentTerminal
{
    /// <summary>The tender this device takes (Card or MobilePay).</summary>
    PaymentMethod Method { get; }

    TerminalCapabilities Capabilities { get; }

    /// <summary>Sends the payment once. A card terminal answers when the customer is done; MobilePay when the payment is created.</summary>
    Task<DeviceAnswer> StartAsync(DeviceConnection device, DeviceRequest request, CancellationToken ct);

    /// <summary>The outcome of an earlier request, named by its ids; completes it if the device needs that (MobilePay capture).</summary>
    Task<DeviceAnswer> StatusAsync(DeviceConnection device, DeviceRequest request, CancellationToken ct);

    /// <summary>Asks the device to stop a payment in progress (nexo AbortRequest, MobilePay cancel).</summary>
    Task CancelAsync(DeviceConnection device, DeviceRequest request, CancellationToken ct);

    /// <summary>Takes back an approved payment; safe to repeat for the same payment.</summary>
    Task<DeviceAnswer> ReverseAsync(DeviceConnection device, DeviceRequest request, string deviceReference, decimal amount, CancellationToken ct);
}
