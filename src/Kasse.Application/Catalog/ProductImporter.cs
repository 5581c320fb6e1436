using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Catalog;

/// <param name="Reason">The refusal behind <paramref name="Message"/> (its code and template), so a screen tells it in the reader's language.</param>
public sealed record ImportError(long Line, string? Column, string Message,
    [property: System.Text.Json.Serialization.JsonIgnore] DomainException? Reason = null)
{
    public static ImportError Of(long line, string? column, DomainException reason) => new(line, column, reason.Message, reason);

    public override string ToString() => Column is null ? $"line {Line}: {Message}" : $"line {Line}, {Column}: {Message}";
}

public sealed record ImportReport(int Created, int Updated, int Skipped, IReadOnlyList<ImportError> Errors, bool Imported);

/// <summary>
/// Imports products from CSV (semicolon or comma separated; decimal comma or point):
/// <c>sku;name;category;price;vat_rate;unit;barcodes;cost_price</c>. Products are matched by SKU and updated,
/// categories are created by name. A file with any bad row imports nothing unless told to skip bad rows.
/// </summary>
/// <remarks>
/// Built for catalogues of a million products: the file is read twice as a stream, never held in memory. The first
/// pass checks every row (and the catalogue's barcodes) and collects the errors; only then does the second pass write,
/// in batches of <see cref="BatchSize"/> rows inside one transaction, so a file is still imported all or nothing.
/// </remarks>
public sealed class ProductImporter(KasseDbContext db, IProductSearchIndex searchIndex, IBulkCopy bulkCopy)
{
    public static readonly string[] Columns = ["sku", "name", "category", "price", "vat_rate", "unit", "barcodes", "cost_price"];
    private static readonly string[] RequiredColumns = ["sku", "name", "price", "vat_rate"];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Rows written per SaveChanges; the change tracker is cleared after each batch so memory stays flat.</summary>
    public const int BatchSize = 5000;

    /// <summary>Values per IN (…) query: well under SQLite's limit of host parameters.</summary>
    private const int LookupChunk = 500;

    private sealed record Row(long Line, string Sku, string Name, string? Category, decimal Price, decimal VatPercent, Unit Unit,
        IReadOnlyList<string> Barcodes, decimal? CostPrice);

    public async Task<ImportReport> ImportAsync(Stream csv, bool skipBadRows, CancellationToken ct)
    {
        var seekable = csv.CanSeek ? csv : await CopyToTemporaryFileAsync(csv, ct);
        try
        {
            var start = seekable.Position;
            var errors = new List<ImportError>();
            try
            {
                await CheckAsync(seekable, errors, ct);
            }
            catch (DecoderFallbackException)
            {
                seekable.Position = start;
                var line = await FirstLineNotUtf8Async(seekable, ct);
                return new ImportReport(0, 0, 0, [ImportError.Of(line, null, DomainException.Invalid(ImportErrors.NotUtf8, "The file is not UTF-8 text from this line on (Excel's plain 'CSV' writes æ, ø and å in Windows-1252). Save it as 'CSV UTF-8' and try again."))], false);
            }
            var badLines = errors.Select(e => e.Line).ToHashSet();
            if (errors.Count > 0 && (!skipBadRows || errors.Any(e => e.Line == 0)))
                return new ImportReport(0, 0, 0, errors, false);

            seekable.Position = start;
            var (created, updated) = await db.InTransactionAsync(() => SaveAsync(Parse(seekable, [], badLines), ct), ct);
            return new ImportReport(created, updated, badLines.Count, errors, true);
        }
        finally
        {
            if (!ReferenceEquals(seekable, csv))
                await seekable.DisposeAsync();
        }
    }

    /// <summary>The 1-based line holding the first byte sequence that is not UTF-8 (0 if the whole stream is valid).</summary>
    internal static async Task<long> FirstLineNotUtf8Async(Stream csv, CancellationToken ct)
    {
        var buffer = new byte[1 << 16];
        var pending = new List<byte>();
        long line = 1;
        int read;
        while ((read = await csv.ReadAsync(buffer, ct)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    pending.Add(buffer[i]);
                    continue;
                }
                if (!System.Text.Unicode.Utf8.IsValid(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pending)))
                    return line;
                pending.Clear();
                line++;
            }
        }
        return System.Text.Unicode.Utf8.IsValid(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pending)) ? 0 : line;
    }

    private static async Task<Stream> CopyToTemporaryFileAsync(Stream csv, CancellationToken ct)
    {
        var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        await csv.CopyToAsync(copy, ct);
        copy.Position = 0;
        return copy;
    }

    /// <summary>
    /// The first pass: every row checked as the domain would, SKUs and barcodes unique in the file, and no barcode
    /// owned by another product already. Errors come in the same order as ever: rows, duplicates, then the catalogue.
    /// </summary>
    private async Task CheckAsync(Stream csv, List<ImportError> errors, CancellationToken ct)
    {
        var skus = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var duplicateSkus = new List<ImportError>();
        var duplicateCodes = new List<ImportError>();
        var catalogueErrors = new List<ImportError>();
        var catalogueHasBarcodes = await db.ProductBarcodes.AnyAsync(ct);
        var pending = new List<Row>(LookupChunk);
        var pendingCodes = 0;
        foreach (var row in Parse(csv, errors, badLines: null))
        {
            if (!skus.Add(row.Sku))
                duplicateSkus.Add(ImportError.Of(row.Line, "sku", DomainException.Invalid(ImportErrors.DuplicateSku, $"SKU '{row.Sku}' appears more than once in the file.")));
            foreach (var code in row.Barcodes)
                if (!codes.Add(code))
                    duplicateCodes.Add(ImportError.Of(row.Line, "barcodes", DomainException.Invalid(ImportErrors.DuplicateBarcode, $"Barcode {code} appears more than once in the file.")));
            if (!catalogueHasBarcodes || row.Barcodes.Count == 0)
                continue;
            pending.Add(row);
            pendingCodes += row.Barcodes.Count;
            if (pendingCodes < LookupChunk)
                continue;
            await CheckAgainstCatalogueAsync(pending, catalogueErrors, ct);
            pendingCodes = 0;
        }
        await CheckAgainstCatalogueAsync(pending, catalogueErrors, ct);
        errors.AddRange(duplicateSkus);
        errors.AddRange(duplicateCodes);
        errors.AddRange(catalogueErrors);
    }

    private async Task CheckAgainstCatalogueAsync(List<Row> rows, List<ImportError> errors, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        var codes = rows.SelectMany(r => r.Barcodes).ToList();
        var owners = await db.ProductBarcodes.AsNoTracking().Where(b => codes.Contains(b.Code))
            .Join(db.Products, b => b.ProductId, p => p.Id, (b, p) => new { b.Code, p.Sku })
            .ToListAsync(ct);
        foreach (var row in rows)
            foreach (var owner in owners.Where(o => row.Barcodes.Contains(o.Code) && o.Sku != row.Sku))
                errors.Add(ImportError.Of(row.Line, "barcodes", DomainException.Invalid(ImportErrors.BarcodeTaken, $"Barcode {owner.Code} already belongs to product {owner.Sku}.")));
        rows.Clear();
    }

    /// <summary>Reads the rows that pass the row checks, one at a time; with <paramref name="badLines"/>, skips those lines too.</summary>
    private static IEnumerable<Row> Parse(Stream csv, List<ImportError> errors, HashSet<long>? badLines)
    {
        using var text = new StreamReader(csv, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
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
        if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is null)
        {
            errors.Add(ImportError.Of(1, null, DomainException.Invalid(ImportErrors.NoHeader, $"The file is empty; the first line must name the columns: {string.Join(";", Columns)}.")));
            yield break;
        }
        var header = reader.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = RequiredColumns.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(ImportError.Of(1, null, DomainException.Invalid(ImportErrors.MissingColumns, $"Missing column(s) {string.Join(", ", missing)}. Expected: {string.Join(";", Columns)}.")));
            yield break;
        }
        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        if (unknown.Count > 0)
            errors.Add(ImportError.Of(1, null, DomainException.Invalid(ImportErrors.UnknownColumns, $"Unknown column(s) {string.Join(", ", unknown)}. Expected: {string.Join(";", Columns)}.")));
        var index = Columns.ToDictionary(c => c, c => header.IndexOf(c), StringComparer.Ordinal);

        while (reader.Read())
        {
            var line = reader.Parser.RawRow;
            if (badLines?.Contains(line) == true)
                continue;
            var row = ReadRow(reader, line, header.Count, index, errors);
            if (row is not null)
                yield return row;
        }
    }

    private static Row? ReadRow(CsvReader reader, long line, int columns, Dictionary<string, int> index, List<ImportError> errors)
    {
        var before = errors.Count;
        string Field(string name) => index[name] >= 0 ? (reader.GetField(index[name]) ?? "").Trim() : "";
        void Error(string column, DomainException reason) => errors.Add(ImportError.Of(line, column, reason));
        if (reader.Parser.Count != columns)
        {
            errors.Add(ImportError.Of(line, null, DomainException.Invalid(ImportErrors.FieldCount, $"Has {reader.Parser.Count} fields; the header has {columns}.")));
            return null;
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
            Error("price", DomainException.Invalid(ImportErrors.Price, $"'{Field("price")}' is not a price (e.g. 24,95)."));
        if (vat is null)
            Error("vat_rate", DomainException.Invalid(ImportErrors.Vat, $"'{Field("vat_rate")}' is not a VAT percent (e.g. 25)."));
        if (unit is null)
            Error("unit", DomainException.Invalid(ImportErrors.Unit, $"'{unitText}' is not a unit; use piece, kg or litre."));
        if (costText.Length > 0 && cost is null)
            Error("cost_price", DomainException.Invalid(ImportErrors.CostPrice, $"'{costText}' is not a cost price."));
        var barcodes = Field("barcodes").Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (errors.Count > before)
            return null;
        try
        {
            // The domain's own rules decide what a valid product is; the import only reports them by line.
            var probe = new Product(Guid.Empty, sku, name, price!.Value, vat!.Value, unit!.Value, null, cost);
            var normalised = barcodes.Select(code => probe.AddBarcode(code).Code).ToList();
            var category = Field("category");
            return new Row(line, probe.Sku, probe.Name, category.Length == 0 ? null : category, probe.Price, probe.VatPercent,
                probe.Unit, normalised, probe.CostPrice);
        }
        catch (DomainException e)
        {
            errors.Add(ImportError.Of(line, null, e));
            return null;
        }
    }

    /// <summary>The second pass: batches of rows, each saved and then forgotten by the change tracker.</summary>
    private async Task<(int Created, int Updated)> SaveAsync(IEnumerable<Row> rows, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Name, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var catalogueIsEmpty = !await db.Products.AnyAsync(ct);
        var added = new List<Product>(BatchSize);
        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var searchIndexFrom = await searchIndex.DeferAsync(db, ct);
        try
        {
            int created = 0, updated = 0;
            foreach (var batch in rows.Chunk(BatchSize))
            {
                var existing = catalogueIsEmpty ? [] : await ExistingAsync(batch, ct);
                foreach (var row in batch)
                {
                    Guid? categoryId = null;
                    if (row.Category is not null)
                    {
                        if (!categories.TryGetValue(row.Category, out var id))
                        {
                            var category = new Category(Guid.CreateVersion7(), row.Category, categories.Count);
                            categories[category.Name] = id = category.Id;
                            db.Categories.Add(category);
                        }
                        categoryId = id;
                    }
                    if (existing.TryGetValue(row.Sku, out var product))
                    {
                        product.Update(row.Sku, row.Name, row.Price, row.VatPercent, row.Unit, categoryId, row.CostPrice, product.IsActive);
                        updated++;
                    }
                    else
                    {
                        product = new Product(Guid.CreateVersion7(), row.Sku, row.Name, row.Price, row.VatPercent, row.Unit, categoryId, row.CostPrice);
                        added.Add(product);
                        created++;
                    }
                    foreach (var code in row.Barcodes)
                        product.AddBarcode(code);
                }
                // Updates and new categories through the change tracker; new products, the bulk of a big import, as plain inserts.
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                await bulkCopy.CopyAsync(db, added, ct);
                await bulkCopy.CopyAsync(db, added.SelectMany(p => p.Barcodes), ct);
                added.Clear();
            }
            await searchIndex.CatchUpAsync(db, searchIndexFrom, ct);
            return (created, updated);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }
    }

    private async Task<Dictionary<string, Product>> ExistingAsync(Row[] batch, CancellationToken ct)
    {
        var existing = new Dictionary<string, Product>(StringComparer.Ordinal);
        foreach (var chunk in batch.Select(r => r.Sku).Chunk(LookupChunk))
            foreach (var product in await db.Products.Where(p => chunk.Contains(p.Sku)).ToListAsync(ct))
                existing[product.Sku] = product;
        return existing;
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
