using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Inventory;

/// <summary>Stock counts: started (full or by category), counted by scanning, submitted, reviewed as a variance report, approved.</summary>
public sealed class StockCountService(KasseDbContext db, StockLedger ledger, TimeProvider clock)
{
    public Task<StockCountView> StartAsync(StartCount command, CancellationToken ct) => db.CreateOnceAsync(() => db.InTransactionAsync(async () =>
    {
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid(CountErrors.Id, "Give the count an id (a new UUID).");
        if (await db.StockCounts.FirstOrDefaultAsync(c => c.Id == command.Id, ct) is { } existing)
            return await ViewAsync(existing, showExpected: false, ct);
        var location = await LocationService.FindAsync(db, command.LocationId, ct);
        if (command.CategoryId is { } categoryId && !await db.Categories.AnyAsync(c => c.Id == categoryId, ct))
            throw DomainException.NotFound(CategoryErrors.NotFound, $"No category has id {categoryId}.");
        var count = new StockCount(command.Id, location.StoreId, location.Id, command.CategoryId, command.Blind, clock.Now());
        var levels = await (from l in db.StockLevels
                            where l.LocationId == location.Id
                            join p in db.Products on l.ProductId equals p.Id
                            where command.CategoryId == null || p.CategoryId == command.CategoryId
                            select new { l.ProductId, l.OnHand }).ToListAsync(ct);
        foreach (var level in levels)
            count.Expect(level.ProductId, level.OnHand);
        db.StockCounts.Add(count);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(count, showExpected: !count.Blind, ct);
    }, ct));

    public async Task<IReadOnlyList<StockCountView>> ListAsync(Guid storeId, CancellationToken ct)
    {
        var counts = await db.StockCounts.AsNoTracking().Where(c => c.StoreId == storeId).OrderByDescending(c => c.StartedAt).Take(100).ToListAsync(ct);
        var views = new List<StockCountView>();
        foreach (var count in counts)
            views.Add(await ViewAsync(count, showExpected: !count.Blind, ct));
        return views;
    }

    public async Task<StockCountView> GetAsync(Guid id, CancellationToken ct)
    {
        var count = await FindAsync(id, ct);
        return await ViewAsync(count, showExpected: !count.Blind, ct);
    }

    /// <summary>A scan adds to what is counted (one per beep); setting a line replaces it (a typed total).</summary>
    public Task<StockCountView> CountAsync(Guid id, CountScan scan, bool add, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var count = await FindAsync(id, ct);
        var productId = await ProductOfAsync(scan, ct);
        var product = await StockService.FindProductAsync(db, productId, ct);
        if (count.CategoryId is { } category && product.CategoryId != category)
            throw DomainException.Invalid(CountErrors.OtherCategory, $"{product.Name} is not in the category being counted; count it in its own count.");
        var expected = await db.StockLevels.AsNoTracking().Where(l => l.LocationId == count.LocationId && l.ProductId == productId)
            .Select(l => (decimal?)l.OnHand).FirstOrDefaultAsync(ct) ?? 0m;
        var line = count.Count(productId, scan.Quantity, add, () => expected);
        if (db.Entry(line).State == EntityState.Detached)
            db.StockCountLines.Add(line);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(count, showExpected: !count.Blind, ct);
    }, ct);

    public Task<StockCountView> SubmitAsync(Guid id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var count = await FindAsync(id, ct);
        count.Submit();
        await db.SaveChangesAsync(ct);
        return await ViewAsync(count, showExpected: !count.Blind, ct);
    }, ct);

    public async Task<VarianceReport> VarianceAsync(Guid id, CancellationToken ct)
    {
        var count = await FindAsync(id, ct);
        var ids = count.Lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var lines = count.Lines.Select(l =>
        {
            var p = products[l.ProductId];
            return new VarianceLine(l.ProductId, p.Sku, p.Name, l.Expected, l.Counted, l.Variance,
                l.Variance is { } v ? Domain.Money.Money.RoundToMinor(v * (p.CostPrice ?? 0m)) : null);
        }).OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();
        return new VarianceReport(count.Id, count.Status, lines, lines.Sum(l => l.VarianceValue ?? 0m), lines.Count(l => l.Counted is null));
    }

    /// <summary>Books counted − expected for every counted line as a Count movement; uncounted lines are left as they are.</summary>
    public Task<VarianceReport> ApproveAsync(Guid id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var count = await FindAsync(id, ct);
        count.Approve(clock.Now());
        await db.SaveChangesAsync(ct);
        var ids = count.Lines.Select(l => l.ProductId).ToList();
        var costs = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.CostPrice }).ToDictionaryAsync(p => p.Id, p => p.CostPrice, ct);
        await ledger.BookAsync(count.Lines.Where(l => l.Variance is { } v && v != 0m)
            .Select(l => new StockMove(count.LocationId, l.ProductId, MovementKind.Count, l.Variance!.Value, "Stock count", count.Id, costs[l.ProductId])), ct);
        return await VarianceAsync(id, ct);
    }, ct);

    public Task<StockCountView> CancelAsync(Guid id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var count = await FindAsync(id, ct);
        count.Cancel();
        await db.SaveChangesAsync(ct);
        return await ViewAsync(count, showExpected: !count.Blind, ct);
    }, ct);

    private async Task<Guid> ProductOfAsync(CountScan scan, CancellationToken ct)
    {
        if (scan.ProductId is { } productId)
            return productId;
        var code = scan.Barcode?.Trim();
        if (string.IsNullOrEmpty(code))
            throw DomainException.Invalid(CountErrors.Item, "Scan a barcode or give a productId.");
        return await db.ProductBarcodes.AsNoTracking().Where(b => b.Code == code).Select(b => (Guid?)b.ProductId).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(BarcodeErrors.Unknown, $"No product has barcode {code}. Look it up by name and enter the count by hand.");
    }

    private async Task<StockCount> FindAsync(Guid id, CancellationToken ct) =>
        await db.StockCounts.FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw DomainException.NotFound(CountErrors.NotFound, $"No stock count has id {id}.");

    private async Task<StockCountView> ViewAsync(StockCount count, bool showExpected, CancellationToken ct)
    {
        var ids = count.Lines.Select(l => l.ProductId).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Sku, p.Name }).ToDictionaryAsync(p => p.Id, p => new { p.Sku, p.Name }, ct);
        return new StockCountView(count.Id, count.StoreId, count.LocationId, count.CategoryId, count.Blind, count.Status, count.StartedAt, count.ApprovedAt,
            count.Lines.Select(l => new StockCountLineView(l.ProductId, products[l.ProductId].Sku, products[l.ProductId].Name,
                showExpected ? l.Expected : null, l.Counted)).OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList());
    }
}
