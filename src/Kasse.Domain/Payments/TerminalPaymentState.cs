namespace Kasse.Domain.Payments;

/// <summary>
/// Where a payment through a device stands. Only <see cref="NotCharged"/> and <see cref="Declined"/>/<see cref="Aborted"/>
/// are known to have taken no money; <see cref="Sending"/> and <see cref="Unknown"/> must be asked about, never re-sent.
/// </summary>
public enum TerminalPaymentState
{
    /// <summary>Saved before the request went out; it may or may not have reached the device.</summary>
    Sending,
    /// <summary>The device has it and waits for the customer (card not yet presented, MobilePay not yet approved).</summary>
    AwaitingCustomer,
    /// <summary>Sent, but the answer was lost (timeout, dropped connection, Kasse restarted): ask the device.</summary>
    Unknown,
    Approved,
    Declined,
    /// <summary>Cancelled at the till or on the terminal before money was taken.</summary>
    Aborted,
    /// <summary>The device never got the request (not reachable, or it says it has no such transaction).</summary>
    NotCharged,
    /// <summary>Approved, then reversed or refunded (the sale was voided).</summary>
    Reversed,
}

public static class TerminalPaymentStates
{
    public static bool IsUnresolved(this TerminalPaymentState state) => state switch
    {
        TerminalPaymentState.Sending or TerminalPaymentState.AwaitingCustomer or TerminalPaymentState.Unknown => true,
        TerminalPaymentState.Approved or TerminalPaymentState.Declined or TerminalPaymentState.Aborted
            or TerminalPaymentState.NotCharged or TerminalPaymentState.Reversed => false,
    };
}
