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

    /// <summary>What this scope (one command) has read: a completion's stock step and its summaries ask for the same products.</summary>
    private readonly Dictionary<Guid, ProductFacts> _read = [];

    public async Task<IReadOnlyDictionary<Guid, ProductFacts>> ForAsync(IReadOnlyCollection<Guid> productIds, CancellationToken ct)
    {
        var facts = new Dictionary<Guid, ProductFacts>(productIds.Count);
        var missing = new List<Guid>();
        foreach (var id in productIds.Distinct())
            if (_read.TryGetValue(id, out var known))
                facts[id] = known;
            else
                missing.Add(id);
        foreach (var chunk in missing.Chunk(Chunk))
        {
            var rows = await db.Products.AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new { p.Id, p.CategoryId, p.CostPrice }).ToListAsync(ct);
            foreach (var row in rows)
                facts[row.Id] = _read[row.Id] = new ProductFacts(row.CategoryId, row.CostPrice);
        }
        return facts;
    }
}
