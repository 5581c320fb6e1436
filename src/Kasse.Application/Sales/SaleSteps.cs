using Kasse.Domain.Sales;
using Kasse.Domain.Stores;

namespace Kasse.Application.Sales;

/// <summary>
/// Work that must happen in the same transaction as a sale or return completing (stock moving, loyalty points,
/// gift-card balances, daily report summaries). A step that throws rolls the completion back, so a completed sale
/// never exists without its consequences. Steps run after the sale is completed and given its receipt number, in
/// registration order, and before it is signed and journaled (those take the company-wide and store-wide locks, so
/// they come last to be held briefly): don't rely on the signature or the journal entry here.
/// </summary>
public interface ISaleCompletionStep
{
    Task OnCompletedAsync(Sale sale, Store store, CancellationToken ct);
}

/// <summary>
/// Runs after every change to an open sale, inside its write turn and before it is saved: the place where automatic
/// prices (promotions, customer prices) are recomputed as the basket changes.
/// </summary>
public interface IOpenSaleStep
{
    Task OnChangedAsync(Sale sale, Store store, CancellationToken ct);
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
