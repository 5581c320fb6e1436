namespace Kasse.Server.Ui.Till;

/// <summary>
/// The tip the cashier set for the next payment: an amount (−1 while what was typed is not an amount), the cash change kept as
/// the tip, or the card terminal asked to prompt the customer.
/// </summary>
public sealed record TipChoice(decimal Amount, bool KeepChange, bool AskOnTerminal)
{
    public static readonly TipChoice None = new(0m, false, false);

    public bool IsValid => Amount >= 0m;

    /// <summary>The tip amount to send with the payment, or null for none.</summary>
    public decimal? Tip => Amount > 0m ? Amount : null;
}
