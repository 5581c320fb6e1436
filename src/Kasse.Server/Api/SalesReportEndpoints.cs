using System.Globalization;
using Kasse.Application.Reporting;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Server.Api;

/// <summary>Sales reports from the daily summaries: the dashboard's data, and every report as JSON, CSV and PDF.</summary>
public static class SalesReportEndpoints
{
    public const string CsvContentType = "text/csv";
    public const string PdfContentType = "application/pdf";

    /// <summary>The query every report takes: ?from=yyyy-MM-dd&amp;to=yyyy-MM-dd (business days, both included)&amp;storeId=.</summary>
    public readonly record struct ReportQuery([FromQuery] DateOnly? From, [FromQuery] DateOnly? To, [FromQuery] Guid? StoreId)
    {
        public SalesReportFilter Filter() => new(
            From ?? throw DomainException.Invalid(ReportErrors.From, "Give the first business day: ?from=yyyy-MM-dd."),
            To ?? throw DomainException.Invalid(ReportErrors.To, "Give the last business day: ?to=yyyy-MM-dd."),
            StoreId);
    }

    public sealed record ReportTableView(string Title, DateOnly From, DateOnly To, Guid? StoreId, string Currency,
        IReadOnlyList<ReportColumn> Columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows);

    public static RouteGroupBuilder MapSalesReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/sales-reports").WithTags("Sales reports");
        reports.MapGet("", Dashboard)
            .WithSummary("Every sales report of a period at once, as the back-office dashboard shows it (?from=&to=, business days; ?storeId= for one store)")
            .RequirePermission(Permission.SeeReports).ProducesProblem(StatusCodes.Status400BadRequest);
        reports.MapGet("/today", Today)
            .WithSummary("Today so far against the same weekday last week, up to the same hour and for the whole day (?storeId=)")
            .RequirePermission(Permission.SeeReports);
        reports.MapGet("/all.pdf", AllAsPdf).WithSummary("Every sales report of the period in one PDF, for printing")
            .RequirePermission(Permission.SeeReports).Produces(StatusCodes.Status200OK, contentType: PdfContentType);
        foreach (var kind in SalesReportTables.All)
        {
            var slug = kind.Slug();
            var title = kind.Title();
            reports.MapGet($"/{slug}", (ReportQueryBinding q, SalesReportService s, CancellationToken ct) => AsJson(kind, q, s, ct))
                .WithSummary($"{title} as a JSON table (columns and rows)").RequirePermission(Permission.SeeReports);
            reports.MapGet($"/{slug}.csv", (ReportQueryBinding q, bool? decimalComma, SalesReportService s, CancellationToken ct) => AsCsv(kind, q, decimalComma, s, ct))
                .WithSummary($"{title} as CSV (semicolon separated, UTF-8; ?decimalComma=true for Danish spreadsheets)")
                .RequirePermission(Permission.SeeReports).Produces(StatusCodes.Status200OK, contentType: CsvContentType);
            reports.MapGet($"/{slug}.pdf", (ReportQueryBinding q, SalesReportService s, KasseDbContext db, CancellationToken ct) => AsPdf(kind, q, s, db, ct))
                .WithSummary($"{title} as an A4 PDF").RequirePermission(Permission.SeeReports).Produces(StatusCodes.Status200OK, contentType: PdfContentType);
        }
        return api;
    }

    /// <summary>Binds <see cref="ReportQuery"/> from the query string (a lambda can't carry [AsParameters] on a captured type).</summary>
    public sealed class ReportQueryBinding
    {
        public required ReportQuery Query { get; init; }

        public static ValueTask<ReportQueryBinding?> BindAsync(HttpContext context)
        {
            var query = context.Request.Query;
            return ValueTask.FromResult<ReportQueryBinding?>(new ReportQueryBinding
            {
                Query = new ReportQuery(Date(query["from"], "from"), Date(query["to"], "to"), Store(query["storeId"])),
            });
        }

        private static DateOnly? Date(string? text, string name) =>
            string.IsNullOrEmpty(text) ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw DomainException.Invalid("report." + name, $"'{text}' is not a date; write {name} as yyyy-MM-dd.");

        private static Guid? Store(string? text) =>
            string.IsNullOrEmpty(text) ? null
            : Guid.TryParse(text, out var id) ? id
            : throw DomainException.Invalid(ReportErrors.Store, $"'{text}' is not a store id.");
    }

    private static async Task<Ok<SalesReport>> Dashboard(ReportQueryBinding q, SalesReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.ReportAsync(q.Query.Filter(), ct));

    private static async Task<Ok<DayComparison>> Today(Guid? storeId, SalesReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.TodayAsync(storeId, ct));

    private static async Task<Ok<ReportTableView>> AsJson(SalesReportKind kind, ReportQueryBinding q, SalesReportService reports, CancellationToken ct)
    {
        var report = await reports.ReportAsync(q.Query.Filter(), ct);
        var table = SalesReportTables.Table(report, kind);
        return TypedResults.Ok(new ReportTableView(table.Title, report.From, report.To, report.StoreId, report.Currency, table.Columns,
            [.. table.Rows.Select(r => (IReadOnlyDictionary<string, object?>)table.Columns.Select((c, i) => (c.Key, r[i])).ToDictionary(p => p.Key, p => p.Item2))]));
    }

    private static async Task<FileContentHttpResult> AsCsv(SalesReportKind kind, ReportQueryBinding q, bool? decimalComma, SalesReportService reports, CancellationToken ct)
    {
        var report = await reports.ReportAsync(q.Query.Filter(), ct);
        return TypedResults.File(ReportCsv.Render(SalesReportTables.Table(report, kind), decimalComma ?? false), CsvContentType + "; charset=utf-8",
            FileName(kind.Slug(), report, "csv"));
    }

    private static async Task<FileContentHttpResult> AsPdf(SalesReportKind kind, ReportQueryBinding q, SalesReportService reports, KasseDbContext db, CancellationToken ct)
    {
        var report = await reports.ReportAsync(q.Query.Filter(), ct);
        return TypedResults.File(SalesReportPdf.Render(await StoreNameAsync(db, report.StoreId, ct), [SalesReportTables.Table(report, kind)], CultureInfo.InvariantCulture),
            PdfContentType, FileName(kind.Slug(), report, "pdf"));
    }

    private static async Task<FileContentHttpResult> AllAsPdf(ReportQueryBinding q, SalesReportService reports, KasseDbContext db, CancellationToken ct)
    {
        var report = await reports.ReportAsync(q.Query.Filter(), ct);
        var tables = SalesReportTables.All.Select(k => SalesReportTables.Table(report, k)).ToList();
        return TypedResults.File(SalesReportPdf.Render(await StoreNameAsync(db, report.StoreId, ct), tables, CultureInfo.InvariantCulture),
            PdfContentType, FileName("all", report, "pdf"));
    }

    public static async Task<string> StoreNameAsync(KasseDbContext db, Guid? storeId, CancellationToken ct) =>
        storeId is { } id ? await db.Stores.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "?" : "All stores";

    public static string FileName(string slug, SalesReport report, string extension) =>
        $"sales-{slug}-{report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}-{report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{extension}";
}
