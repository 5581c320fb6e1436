using Kasse.Data;
using Kasse.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Reporting;

/// <summary>
/// Where reports learn a product's category and cost when its sale is counted. The default reads the catalogue's
/// cost price; stock keeping can replace it with a moving average cost without touching reports.
/// </summary>
public interface IProductFactsSource
{
    Task<IReadOnlyDictionary<Guid, ProductFacts>> ForAsync(IReadOnlyCollection<Guid> productIds, CancellationToken ct);
}

public sealed class CatalogueProductFacts(KasseDbContext db) : IProductFactsSource
{
    /// <summary>Ids per IN (…) query, well under SQLite's limit of host parameters.</summary>
    private const int Chunk = 500;

    public async Task<IReadOnlyDictionary<Guid, ProductFacts>> ForAsync(IReadOnlyCollection<Guid> productIds, CancellationToken ct)
    {
        var facts = new Dictionary<Guid, ProductFacts>(productIds.Count);
        foreach (var chunk in productIds.Distinct().Chunk(Chunk))
        {
            var rows = await db.Products.AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.CategoryId, p.CostPrice }).ToListAsync(ct);
            foreach (var row in rows)
                facts[row.Id] = new ProductFacts(row.CategoryId, row.CostPrice);
        }
        return facts;
    }
}
