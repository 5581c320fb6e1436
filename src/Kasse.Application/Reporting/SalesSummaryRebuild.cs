using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Reporting;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Reporting;

public sealed record RebuildResult(int Stores, long Sales, long SummaryRows);

/// <summary>
/// Recomputes the summaries from the completed sales themselves (<c>kasse reports rebuild</c>): after a restore, an
/// import of old sales, or to prove the running totals right. Runs in one transaction, so reports never show half.
/// </summary>
public sealed class SalesSummaryRebuild(KasseDbContext db, IProductFactsSource products, IBulkCopy bulkCopy)
{
    /// <summary>Sales read per query; the change tracker stays empty, so memory holds only the summaries.</summary>
    public const int PageSize = 2000;

    public Task<RebuildResult> RebuildAsync(Guid? storeId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var stores = await db.Stores.AsNoTracking().Where(s => storeId == null || s.Id == storeId).ToListAsync(ct);
        if (storeId is not null && stores.Count == 0)
            throw DomainException.NotFound(StoreErrors.NotFound, $"No store has id {storeId}.");
        await db.SalesSummaries.Where(s => storeId == null || s.StoreId == storeId).ExecuteDeleteAsync(ct);
        long sales = 0, rows = 0;
        foreach (var store in stores)
        {
            var summaries = new Dictionary<SummaryKey, SalesSummary>();
            sales += await SummariseStoreAsync(store, summaries, ct);
            await WriteAsync(summaries.Values, ct);
            rows += summaries.Count;
        }
        return new RebuildResult(stores.Count, sales, rows);
    }, ct);

    private async Task<long> SummariseStoreAsync(Store store, Dictionary<SummaryKey, SalesSummary> summaries, CancellationToken ct)
    {
        long count = 0;
        Guid? after = null;
        while (true)
        {
            var query = db.Sales.AsNoTracking().AsSplitQuery()
                .Where(s => s.StoreId == store.Id && s.Status == SaleStatus.Completed && !s.IsTraining);
            if (after is { } last)
                query = query.Where(s => s.Id.CompareTo(last) > 0);
            var page = await query.OrderBy(s => s.Id).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0)
                return count;
            var facts = await products.ForAsync(
                page.SelectMany(s => s.Lines).Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).ToHashSet(), ct);
            foreach (var sale in page)
                Merge(summaries, SaleSummariser.Summarise(sale, store.LocalTime(sale.ClosedAt!.Value).Hour, facts));
            count += page.Count;
            after = page[^1].Id;
        }
    }

    public static void Merge(Dictionary<SummaryKey, SalesSummary> summaries, IEnumerable<SalesSummary> rows)
    {
        foreach (var row in rows)
        {
            if (summaries.TryGetValue(row.Identity, out var existing))
                existing.Add(row);
            else
                summaries.Add(row.Identity, row);
        }
    }

    private Task WriteAsync(IEnumerable<SalesSummary> rows, CancellationToken ct) => bulkCopy.CopyAsync(db, rows, ct);
}
