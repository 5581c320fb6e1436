using System.Globalization;
using Kasse.Application.Csv;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Inventory;

public sealed record StockValueReport(Guid StoreId, decimal TotalValue, int ProductsWithoutCost, IReadOnlyList<LocationValue> Locations);

public sealed record LocationValue(Guid LocationId, string Name, decimal Value);

/// <summary>A product's sales over the period, its stock, and how long that stock lasts at that rate.</summary>
public sealed record StockTurnLine(Guid ProductId, string Sku, string Name, decimal OnHand, decimal Sold, decimal DailySales, decimal? DaysOfCover,
    DateTimeOffset? LastSold, decimal Value);

public sealed record StockImportResult(int Rows, int Changed);

/// <summary>Stock reports and the CSV import/export of stock levels.</summary>
public sealed class StockReports(KasseDbContext db, StockService stock, StockLedger ledger, LocationService locations, TimeProvider clock)
{
    public static readonly string[] CsvColumns = ["sku", "location", "on_hand", "reorder_point", "reorder_quantity"];

    public async Task<StockValueReport> ValueAsync(Guid storeId, CancellationToken ct)
    {
        var levels = await stock.LevelsAsync(storeId, null, null, ct);
        var byLocation = levels.GroupBy(l => (l.LocationId, l.LocationName))
            .Select(g => new LocationValue(g.Key.LocationId, g.Key.LocationName, g.Sum(l => l.Value))).OrderBy(l => l.Name, StringComparer.CurrentCulture).ToList();
        return new StockValueReport(storeId, byLocation.Sum(l => l.Value), levels.Where(l => l.OnHand > 0m && l.UnitCost is null).Select(l => l.ProductId).Distinct().Count(), byLocation);
    }

    /// <summary>Every product with stock or sales in the store, slowest sellers first (over the last <paramref name="days"/> days).</summary>
    public async Task<IReadOnlyList<StockTurnLine>> TurnoverAsync(Guid storeId, int days, CancellationToken ct)
    {
        if (days is < 1 or > 365)
            throw DomainException.Invalid(ReportErrors.Days, "The period must be 1 to 365 days.");
        var levels = await stock.LevelsAsync(storeId, null, null, ct);
        var since = clock.Now().AddDays(-days);
        var sales = await db.StockMovements.AsNoTracking()
            .Where(m => m.StoreId == storeId && (m.Kind == MovementKind.Sale || m.Kind == MovementKind.Return) && m.At >= since)
            .Select(m => new { m.ProductId, m.Quantity, m.At }).ToListAsync(ct);
        // Latest sale per product, read newest first and folded here: no aggregate over an instant column (SQLite keeps ticks).
        var lastSold = (await db.StockMovements.AsNoTracking().Where(m => m.StoreId == storeId && m.Kind == MovementKind.Sale)
                .OrderByDescending(m => m.At).Select(m => new { m.ProductId, m.At }).Take(100_000).ToListAsync(ct))
            .GroupBy(m => m.ProductId).Select(g => new { ProductId = g.Key, Last = g.First().At }).ToList();
        var soldBy = sales.GroupBy(s => s.ProductId).ToDictionary(g => g.Key, g => -g.Sum(s => s.Quantity));
        var lastBy = lastSold.ToDictionary(l => l.ProductId, l => l.Last);
        return levels.GroupBy(l => l.ProductId).Select(g =>
            {
                var onHand = g.Sum(l => l.OnHand);
                var sold = soldBy.GetValueOrDefault(g.Key);
                var daily = Math.Round(sold / days, 3, MidpointRounding.AwayFromZero);
                return new StockTurnLine(g.Key, g.First().Sku, g.First().Name, onHand, sold, daily, ReorderMath.DaysOfCover(onHand, sold / days),
                    lastBy.TryGetValue(g.Key, out var last) ? last : null, g.Sum(l => l.Value));
            })
            .OrderBy(t => t.Sold).ThenByDescending(t => t.Value).ThenBy(t => t.Name, StringComparer.CurrentCulture).ToList();
    }

    public async Task<string> ExportCsvAsync(Guid storeId, CancellationToken ct)
    {
        var levels = await stock.LevelsAsync(storeId, null, null, ct);
        return CsvFile.Write(';', CsvColumns, levels.Select(l => new CsvCell[]
        {
            l.Sku, l.LocationName, CsvCell.Number(l.OnHand, "0.###", CultureInfo.InvariantCulture),
            CsvCell.Number(l.ReorderPoint, "0.###", CultureInfo.InvariantCulture), CsvCell.Number(l.ReorderQuantity, "0.###", CultureInfo.InvariantCulture),
        }));
    }

    /// <summary>
    /// Sets on-hand figures (booked as adjustments of the difference, reason "CSV import") and reorder settings from a CSV
    /// like the export. A file with any bad row changes nothing; every bad row is reported with its line number.
    /// </summary>
    public Task<StockImportResult> ImportCsvAsync(Guid storeId, string text, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        await locations.EnsureFloorAsync(storeId, ct);
        var locationIds = await db.StockLocations.AsNoTracking().Where(l => l.StoreId == storeId).ToDictionaryAsync(l => l.Name, l => l.Id, StringComparer.OrdinalIgnoreCase, ct);
        var (headings, records) = CsvFile.Read(text);
        if (headings.All(string.IsNullOrWhiteSpace))
            throw DomainException.Invalid(ImportErrors.Empty, $"The file is empty; the first line must name the columns: {string.Join(';', CsvColumns)}.");
        var header = headings.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (header.IndexOf("sku") < 0 || header.IndexOf("on_hand") < 0)
            throw DomainException.Invalid(ImportErrors.Columns, "line 1: the header must have at least the columns sku and on_hand (optional: location, reorder_point, reorder_quantity).");
        var errors = new List<string>();
        var rows = new List<(Guid ProductId, Guid LocationId, decimal OnHand, decimal? Point, decimal? Quantity, bool HasSettings)>();
        var skus = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var (lineNumber, cells) in records)
        {
            // A SKU or location that looked like a formula was written with a leading apostrophe: read it back as it was.
            string Cell(string name) => header.IndexOf(name) is var at and >= 0 && at < cells.Length ? CsvFile.Restore(cells[at].Trim()) : "";
            var sku = Cell("sku");
            var product = skus.TryGetValue(sku, out var known) ? known
                : await db.Products.AsNoTracking().Where(p => p.Sku == sku).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct) ?? Guid.Empty;
            skus[sku] = product;
            if (product == Guid.Empty)
                errors.Add($"line {lineNumber}: no product has SKU '{sku}'");
            var locationName = Cell("location");
            var location = locationName.Length == 0 ? StockLocation.FloorIdOf(storeId) : locationIds.GetValueOrDefault(locationName);
            if (location == Guid.Empty)
                errors.Add($"line {lineNumber}: the store has no location called '{locationName}'");
            var onHand = Number(Cell("on_hand"), lineNumber, "on_hand", errors, required: true);
            var point = Number(Cell("reorder_point"), lineNumber, "reorder_point", errors, required: false);
            var quantity = Number(Cell("reorder_quantity"), lineNumber, "reorder_quantity", errors, required: false);
            if (product != Guid.Empty && location != Guid.Empty && onHand is not null)
                rows.Add((product, location, onHand.Value, point, quantity, header.Contains("reorder_point") || header.Contains("reorder_quantity")));
        }
        if (errors.Count > 0)
            throw DomainException.Invalid(ImportErrors.Rows, $"Nothing was imported; fix {errors.Count} row(s): {string.Join("; ", errors.Take(50))}{(errors.Count > 50 ? "; …" : ".")}");
        var current = await db.StockLevels.Where(l => l.StoreId == storeId).ToListAsync(ct);
        var moves = new List<StockMove>();
        foreach (var row in rows)
        {
            var level = current.FirstOrDefault(l => l.LocationId == row.LocationId && l.ProductId == row.ProductId);
            if (row.HasSettings)
            {
                if (level is null)
                {
                    level = new StockLevel(row.LocationId, row.ProductId, storeId);
                    db.StockLevels.Add(level);
                    current.Add(level);
                }
                level.Configure(row.Point, row.Quantity, level.BelowZero);
            }
            var difference = row.OnHand - (level?.OnHand ?? 0m);
            if (difference != 0m)
                moves.Add(new StockMove(row.LocationId, row.ProductId, MovementKind.Adjustment, difference, "CSV import"));
        }
        await db.SaveChangesAsync(ct);
        await ledger.BookAsync(moves, ct);
        return new StockImportResult(rows.Count, moves.Count);
    }, ct);

    private static decimal? Number(string text, int line, string column, List<string> errors, bool required)
    {
        if (text.Length == 0)
        {
            if (required)
                errors.Add($"line {line}, {column}: a number is required");
            return null;
        }
        if (!decimal.TryParse(text.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || Quantities.Round(value) != value)
        {
            errors.Add($"line {line}, {column}: '{text}' is not a quantity with at most three decimals");
            return null;
        }
        return value;
    }
}
