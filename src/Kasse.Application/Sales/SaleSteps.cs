using Kasse.Domain.Sales;
using Kasse.Domain.Stores;

namespace Kasse.Application.Sales;

/// <summary>
/// Work that must happen in the same transaction as a sale or return completing (stock moving, loyalty points,
/// gift-card balances, daily report summaries). A step that throws rolls the completion back, so a completed sale
/// never exists without its consequences. Steps run after the sale is completed and given its receipt number, in
/// registration order (those that add to shared rows after the others, see <see cref="Shares"/>), and before
/// it is signed and journaled (those take the company-wide and store-wide locks, so they come last to be held
/// briefly): don't rely on the signature or the journal entry here.
/// </summary>
public interface ISaleCompletionStep
{
    Task OnCompletedAsync(Sale sale, Store store, CancellationToken ct);

    /// <summary>
    /// Which rows beyond the sale's own the step adds to. Steps that add to rows other tills share (a popular product's
    /// stock level, the day's summaries) run after the sale's own rows are saved, the most shared last, just before the
    /// signature: on PostgreSQL a row stays locked from its update to the commit, so the shared ones are locked only for
    /// the last few statements of the completion instead of all of them.
    /// </summary>
    SharedRows Shares => SharedRows.None;
}

public enum SharedRows
{
    /// <summary>The sale's own rows, its customer's or its gift card's.</summary>
    None,
    /// <summary>Rows some other sales touch at the same time (a product's stock level).</summary>
    SomeTills,
    /// <summary>Rows every sale of the store touches (the day's summaries).</summary>
    EveryTill,
}

public static class SaleCompletionSteps
{
    /// <summary>The steps that touch only the sale's own rows (and its customer's or gift card's), in registration order.</summary>
    public static async Task RunOwnAsync(this IEnumerable<ISaleCompletionStep> steps, Sale sale, Store store, CancellationToken ct)
    {
        foreach (var step in steps.Where(s => s.Shares == SharedRows.None))
            await step.OnCompletedAsync(sale, store, ct);
    }

    /// <summary>The steps that add to rows other tills share: run them last, after the sale's own rows are saved, the most shared last.</summary>
    public static async Task RunSharedAsync(this IEnumerable<ISaleCompletionStep> steps, Sale sale, Store store, CancellationToken ct)
    {
        foreach (var step in steps.Where(s => s.Shares != SharedRows.None).OrderBy(s => s.Shares))
            await step.OnCompletedAsync(sale, store, ct);
    }
}

/// <summary>
/// Runs after every change to an open sale, inside its write turn and before it is saved: the place where automatic
/// prices (promotions, customer prices) are recomputed as the basket changes.
/// </summary>
public interface IOpenSaleStep
{
    /// <param name="quantitiesBefore">Each line's quantity before the change (a line not in it is new).</param>
    Task OnChangedAsync(Sale sale, Store store, IReadOnlyDictionary<Guid, decimal> quantitiesBefore, CancellationToken ct);
}

/// <summary>
/// Runs when a payment is added to or removed from an open sale, inside the sale's transaction: the place where a
/// tender backed by a balance (gift card, loyalty points) moves that balance, so the money and the payment commit together.
/// A step that throws refuses the payment.
/// </summary>
public interface IPaymentStep
{
    Task OnPaymentAddedAsync(Sale sale, Payment payment, Store store, CancellationToken ct);

    Task OnPaymentRemovedAsync(Sale sale, Payment payment, CancellationToken ct);
}
