using Kasse.Domain.Sales;

namespace Kasse.Application.Payments;

/// <summary>What a payment device can do, so the till offers only what works (STYLE.md §16).</summary>
[Flags]
public enum TerminalCapabilities
{
    None = 0,
    Purchase = 1,
    Refund = 2,
    /// <summary>Cancel the last transaction before the day is closed.</summary>
    Reversal = 4,
    /// <summary>Ask the terminal what became of a transaction whose answer was lost.</summary>
    StatusQuery = 8,
    Tip = 16,
}

/// <summary>
/// One charge or refund, identified by the payment's own id: a terminal that sees the same id twice must
/// answer with the first result instead of charging again (the "never charge twice" rule).
/// </summary>
public sealed record TerminalRequest(Guid PaymentId, Guid SaleId, Guid RegisterId, decimal Amount, string Currency);

public enum TerminalOutcome
{
    Approved,
    Declined,
    /// <summary>No answer arrived; the outcome must be asked for before anything is retried.</summary>
    Unknown,
}

/// <param name="Reference">The acquirer's or terminal's transaction reference, printed on the receipt. Never card data.</param>
/// <param name="CardBrand">E.g. "Dankort", "Visa" — for the SAF-T payment type, not the card number.</param>
public sealed record TerminalResult(TerminalOutcome Outcome, string? Reference, string? CardBrand, string? Message);

/// <summary>
/// A semi-integrated payment device (card terminal, MobilePay). The till never sees card data: it asks
/// for an amount and records the outcome. Implementations live in Kasse.Devices.
/// </summary>
public interface IPaymentTerminal
{
    /// <summary>The tender this device takes (Card or MobilePay).</summary>
    PaymentMethod Method { get; }

    TerminalCapabilities Capabilities { get; }

    Task<TerminalResult> PurchaseAsync(TerminalRequest request, CancellationToken ct);

    Task<TerminalResult> RefundAsync(TerminalRequest request, CancellationToken ct);

    /// <summary>The outcome of an earlier request, after a timeout or a lost connection.</summary>
    Task<TerminalResult> StatusAsync(Guid paymentId, CancellationToken ct);
}
