namespace Kasse.TerminalSimulator;

/// <summary>What the terminal does with the next payment request (POST /control/next; a queue, first in first out).</summary>
public enum Outcome
{
    Approve,
    Decline,
    /// <summary>Approve only <see cref="Behaviour.ApprovedAmount"/>.</summary>
    Partial,
    /// <summary>Charge at once, answer after <see cref="Behaviour.DelayMs"/> (a slow network, or Kasse's timeout).</summary>
    SlowApprove,
    /// <summary>Charge, then drop the connection without an answer.</summary>
    LoseResponse,
    /// <summary>Drop the connection and keep no record: the request never arrived.</summary>
    LoseRequest,
    /// <summary>Wait for the card (up to <see cref="Behaviour.DelayMs"/>, then approve) unless aborted first.</summary>
    WaitForCard,
}

/// <param name="TipAmount">When the request asks for a tip: the tip the customer picks on the terminal.</param>
/// <param name="TipPercent">When the request asks for a tip: the customer picks this percentage of the amount (rounded to the øre).
/// Without either, the terminal's --tip-percent (default 10).</param>
public sealed record Behaviour(Outcome Outcome, decimal? ApprovedAmount = null, int? DelayMs = null, decimal? TipAmount = null, decimal? TipPercent = null);
