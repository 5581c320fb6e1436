using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Catalog;

public sealed record ImportError(long Line, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"line {Line}: {Message}" : $"line {Line}, {Column}: {Message}";
}

public sealed record ImportReport(int Created, int Updated, int Skipped, IReadOnlyList<ImportError> Errors, bool Imported);

/// <summary>
/// Imports products from CSV (semicolon or comma separated; decimal comma or point):
/// <c>sku;name;category;price;vat_rate;unit;barcodes;cost_price</c>. Products are matched by SKU and updated,
/// categories are created by name. A file with any bad row imports nothing unless told to skip bad rows.
/// </summary>
public sealed class ProductImporter(KasseDbContext db)
{
    public static readonly string[] Columns = ["sku", "name", "category", "price", "vat_rate", "unit", "barcodes", "cost_price"];
    private static readonly string[] RequiredColumns = ["sku", "name", "price", "vat_rate"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private sealed record Row(long Line, string Sku, string Name, string? Category, decimal Price, decimal VatPercent, Unit Unit,
        IReadOnlyList<string> Barcodes, decimal? CostPrice);

    public async Task<ImportReport> ImportAsync(Stream csv, bool skipBadRows, CancellationToken ct)
    {
        var errors = new List<ImportError>();
        List<Row> rows;
        try
        {
            rows = Parse(csv, errors);
        }
        catch (DecoderFallbackException)
        {
            return new ImportReport(0, 0, 0, [new ImportError(0, null, "The file is not UTF-8 text. Save it as 'CSV UTF-8' and try again.")], false);
        }
        await CheckAgainstCatalogueAsync(rows, errors, ct);
        var badLines = errors.Select(e => e.Line).ToHashSet();
        var good = rows.Where(r => !badLines.Contains(r.Line)).ToList();
        if (errors.Count > 0 && (!skipBadRows || errors.Any(e => e.Line == 0)))
            return new ImportReport(0, 0, 0, errors, false);

        var (created, updated) = await db.InTransactionAsync(() => SaveAsync(good, ct), ct);
        return new ImportReport(created, updated, badLines.Count, errors, true);
    }

    private static List<Row> Parse(Stream csv, List<ImportError> errors)
    {
        using var text = new StreamReader(csv, StrictUtf8, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            DetectDelimiterValues = [";", ",", "\t"],
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = null,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        };
        using var reader = new CsvReader(text, config);
        var rows = new List<Row>();
        if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is null)
        {
            errors.Add(new ImportError(1, null, "The file is empty; the first line must name the columns: " + string.Join(";", Columns) + "."));
            return rows;
        }
        var header = reader.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new ImportError(1, null, $"Missing column(s) {string.Join(", ", missing)}. Expected: {string.Join(";", Columns)}."));
            return rows;
        }
        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        if (unknown.Count > 0)
            errors.Add(new ImportError(1, null, $"Unknown column(s) {string.Join(", ", unknown)}. Expected: {string.Join(";", Columns)}."));

        while (reader.Read())
        {
            var line = reader.Parser.RawRow;
            var before = errors.Count;
            string Field(string name) => header.Contains(name) ? (reader.GetField(name) ?? "").Trim() : "";
            void Error(string column, string message) => errors.Add(new ImportError(line, column, message));
            if (reader.Parser.Count != header.Count)
            {
                errors.Add(new ImportError(line, null, $"Has {reader.Parser.Count} fields; the header has {header.Count}."));
                continue;
            }
            var sku = Field("sku");
            var name = Field("name");
            var price = ParseDecimal(Field("price"));
            var vat = ParseDecimal(Field("vat_rate"));
            var unitText = Field("unit");
            var unit = unitText.Length == 0 ? Unit.Piece : UnitNames.TryParse(unitText);
            var costText = Field("cost_price");
            var cost = costText.Length == 0 ? null : ParseDecimal(costText);
            if (price is null)
                Error("price", $"'{Field("price")}' is not a price (e.g. 24,95).");
            if (vat is null)
                Error("vat_rate", $"'{Field("vat_rate")}' is not a VAT percent (e.g. 25).");
            if (unit is null)
                Error("unit", $"'{unitText}' is not a unit; use piece, kg or litre.");
            if (costText.Length > 0 && cost is null)
                Error("cost_price", $"'{costText}' is not a cost price.");
            var barcodes = Field("barcodes").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (errors.Count > before)
                continue;
            try
            {
                // The domain's own rules decide what a valid product is; the import only reports them by line.
                var probe = new Product(Guid.Empty, sku, name, price!.Value, vat!.Value, unit!.Value, null, cost);
                var normalised = barcodes.Select(code => probe.AddBarcode(code).Code).ToList();
                var category = Field("category");
                rows.Add(new Row(line, probe.Sku, probe.Name, category.Length == 0 ? null : category, probe.Price, probe.VatPercent,
                    probe.Unit, normalised, probe.CostPrice));
            }
            catch (DomainException e)
            {
                errors.Add(new ImportError(line, null, e.Message));
            }
        }
        foreach (var duplicate in rows.GroupBy(r => r.Sku).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            errors.Add(new ImportError(duplicate.Line, "sku", $"SKU '{duplicate.Sku}' appears more than once in the file."));
        foreach (var duplicate in rows.SelectMany(r => r.Barcodes.Select(b => (Row: r, Code: b))).GroupBy(x => x.Code).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
            errors.Add(new ImportError(duplicate.Row.Line, "barcodes", $"Barcode {duplicate.Code} appears more than once in the file."));
        return rows;
    }

    private async Task CheckAgainstCatalogueAsync(List<Row> rows, List<ImportError> errors, CancellationToken ct)
    {
        var codes = rows.SelectMany(r => r.Barcodes).ToList();
        var owners = await db.ProductBarcodes.Where(b => codes.Contains(b.Code))
            .Join(db.Products, b => b.ProductId, p => p.Id, (b, p) => new { b.Code, p.Sku })
            .ToListAsync(ct);
        foreach (var row in rows)
            foreach (var owner in owners.Where(o => row.Barcodes.Contains(o.Code) && o.Sku != row.Sku))
                errors.Add(new ImportError(row.Line, "barcodes", $"Barcode {owner.Code} already belongs to product {owner.Sku}."));
    }

    private async Task<(int Created, int Updated)> SaveAsync(List<Row> rows, CancellationToken ct)
    {
        var categories = await db.Categories.ToDictionaryAsync(c => c.Name, StringComparer.OrdinalIgnoreCase, ct);
        var skus = rows.Select(r => r.Sku).ToList();
        var existing = await db.Products.Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, ct);
        int created = 0, updated = 0;
        foreach (var row in rows)
        {
            Guid? categoryId = null;
            if (row.Category is not null)
            {
                if (!categories.TryGetValue(row.Category, out var category))
                {
                    category = new Category(Guid.CreateVersion7(), row.Category, categories.Count);
                    categories[category.Name] = category;
                    db.Categories.Add(category);
                }
                categoryId = category.Id;
            }
            if (existing.TryGetValue(row.Sku, out var product))
            {
                product.Update(row.Sku, row.Name, row.Price, row.VatPercent, row.Unit, categoryId, row.CostPrice, product.IsActive);
                updated++;
            }
            else
            {
                product = new Product(Guid.CreateVersion7(), row.Sku, row.Name, row.Price, row.VatPercent, row.Unit, categoryId, row.CostPrice);
                db.Products.Add(product);
                created++;
            }
            foreach (var code in row.Barcodes)
                product.AddBarcode(code);
        }
        await db.SaveChangesAsync(ct);
        return (created, updated);
    }

    /// <summary>Accepts 24,95 and 24.95 (and 1.234,50 / 1,234.50 with a thousands separator).</summary>
    private static decimal? ParseDecimal(string text)
    {
        var t = text.Replace(" ", "", StringComparison.Ordinal);
        if (t.Length == 0)
            return null;
        var lastComma = t.LastIndexOf(',');
        var lastDot = t.LastIndexOf('.');
        var normalised = lastComma > lastDot
            ? t.Replace(".", "", StringComparison.Ordinal).Replace(',', '.')
            : t.Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }
}
