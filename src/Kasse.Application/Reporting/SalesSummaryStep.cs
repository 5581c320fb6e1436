using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain.Reporting;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;

namespace Kasse.Application.Reporting;

/// <summary>Counts every completed sale and return in the day's summaries, in the transaction that completes it.</summary>
public sealed class SalesSummaryStep(KasseDbContext db, IProductFactsSource products) : ISaleCompletionStep
{
    /// <summary>Every sale of the store adds to the same day, hour and payment-method rows.</summary>
    public SharedRows Shares => SharedRows.EveryTill;

    public async Task OnCompletedAsync(Sale sale, Store store, CancellationToken ct)
    {
        // Training receipts stay outside every total.
        if (sale.IsTraining)
            return;
        var productIds = sale.Lines.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).ToHashSet();
        var facts = await products.ForAsync(productIds, ct);
        var hour = store.LocalTime(sale.ClosedAt!.Value).Hour;
        await SalesSummaryWriter.AddAsync(db, SaleSummariser.Summarise(sale, hour, facts), ct);
    }
}
