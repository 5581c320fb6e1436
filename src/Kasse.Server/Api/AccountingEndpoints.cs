using System.Globalization;
using System.Text;
using Kasse.Application.Accounting;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Kasse.Server.Api;

public static class AccountingEndpoints
{
    public const string CsvContentType = "text/csv";

    public static RouteGroupBuilder MapAccounting(this RouteGroupBuilder api)
    {
        var accounting = api.MapGroup("/stores/{storeId:guid}/accounting").WithTags("Accounting");
        accounting.MapGet("/chart", GetChart).WithSummary("The store's chart of accounts (the Danish default until one is saved)")
            .RequirePermission(Permission.ExportAccounting, Permission.SeeReports, Permission.ManageSettings);
        accounting.MapPut("/chart", SetChart).WithSummary("Replace the chart of accounts: an account per role, optionally per qualifier (VAT code, card scheme); every role needs one without a qualifier (audited)")
            .RequirePermission(Permission.ManageSettings);
        accounting.MapGet("/days", Days).WithSummary("The day vouchers made from the Z reports of [from, to] (yyyy-MM-dd, at most 366 days), each with its push status")
            .RequirePermission(Permission.ExportAccounting, Permission.SeeReports);
        accounting.MapGet("/days/{day}", Day).WithSummary("One day's voucher (yyyy-MM-dd) with its push status")
            .RequirePermission(Permission.ExportAccounting, Permission.SeeReports);
        accounting.MapGet("/entries.csv", PlainCsv).WithSummary("The day vouchers of [from, to] as plain CSV (comma-separated, debit and credit columns; audited)")
            .RequirePermission(Permission.ExportAccounting).Produces(StatusCodes.Status200OK, contentType: CsvContentType);
        accounting.MapGet("/kassekladde.csv", Kassekladde).WithSummary("The day vouchers of [from, to] in the Danish kassekladde import layout (semicolon, decimal comma, signed amounts; audited)")
            .RequirePermission(Permission.ExportAccounting).Produces(StatusCodes.Status200OK, contentType: CsvContentType);
        accounting.MapGet("/connector", GetConnector).WithSummary("The accounting system the days are pushed to (the token is never shown)")
            .RequirePermission(Permission.ManageSettings, Permission.ExportAccounting);
        accounting.MapPut("/connector", SetConnector).WithSummary("Set the accounting system's API address, journal and bearer token (an empty token keeps the saved one; audited)")
            .RequirePermission(Permission.ManageSettings);
        accounting.MapPost("/days/{day}/push", PushDay).WithSummary("Push one day's voucher to the accounting system; a day pushed twice is one voucher there, a Z report closed later goes as a supplement")
            .RequirePermission(Permission.ExportAccounting);
        accounting.MapPost("/push", PushRange).WithSummary("Push every day of [from, to] that is not fully pushed yet")
            .RequirePermission(Permission.ExportAccounting);
        return api;
    }

    private static async Task<Ok<ChartView>> GetChart(Guid storeId, AccountingService accounting, CancellationToken ct) =>
        TypedResults.Ok(await accounting.GetChartAsync(storeId, ct));

    private static async Task<Ok<ChartView>> SetChart(Guid storeId, SetChart request, AccountingService accounting, CancellationToken ct) =>
        TypedResults.Ok(await accounting.SetChartAsync(storeId, request, ct));

    private static async Task<Ok<IReadOnlyList<DayView>>> Days(Guid storeId, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to,
        AccountingService accounting, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        return TypedResults.Ok(await accounting.DaysAsync(storeId, start, end, ct));
    }

    private static async Task<Ok<DayView>> Day(Guid storeId, DateOnly day, AccountingService accounting, CancellationToken ct)
    {
        var days = await accounting.DaysAsync(storeId, day, day, ct);
        return TypedResults.Ok(days.SingleOrDefault() ?? throw NoZReport(day));
    }

    private static async Task<FileContentHttpResult> PlainCsv(Guid storeId, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to,
        AccountingService accounting, CancellationToken ct) =>
        await CsvAsync(storeId, from, to, "entries", AccountingCsv.Plain, accounting, ct);

    private static async Task<FileContentHttpResult> Kassekladde(Guid storeId, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to,
        AccountingService accounting, CancellationToken ct) =>
        await CsvAsync(storeId, from, to, "kassekladde", AccountingCsv.Kassekladde, accounting, ct);

    private static async Task<FileContentHttpResult> CsvAsync(Guid storeId, DateOnly? from, DateOnly? to, string name,
        Func<IEnumerable<Kasse.Domain.Accounting.DayVoucher>, string> layout, AccountingService accounting, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        var vouchers = await accounting.VouchersAsync(storeId, start, end, ct);
        accounting.RecordExport(storeId, name, start, end, vouchers.Count);
        await accounting.SaveAsync(ct);
        // With a byte-order mark: spreadsheet programs on Danish Windows read æøå right only then.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(layout(vouchers))).ToArray();
        var file = string.Create(CultureInfo.InvariantCulture, $"{name}-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.csv");
        return TypedResults.File(bytes, CsvContentType + "; charset=utf-8", file);
    }

    private static async Task<Ok<ConnectorView>> GetConnector(Guid storeId, AccountingPushService pushes, CancellationToken ct) =>
        TypedResults.Ok(await pushes.GetConnectorAsync(storeId, ct));

    private static async Task<Ok<ConnectorView>> SetConnector(Guid storeId, SetConnector request, AccountingPushService pushes, CancellationToken ct) =>
        TypedResults.Ok(await pushes.SetConnectorAsync(storeId, request, ct));

    private static async Task<Ok<DayView>> PushDay(Guid storeId, DateOnly day, AccountingPushService pushes, CancellationToken ct) =>
        TypedResults.Ok(await pushes.PushDayAsync(storeId, day, ct));

    private static async Task<Ok<IReadOnlyList<DayView>>> PushRange(Guid storeId, [FromQuery] DateOnly? from, [FromQuery] DateOnly? to,
        AccountingPushService pushes, CancellationToken ct)
    {
        var (start, end) = Period(from, to);
        return TypedResults.Ok(await pushes.PushAsync(storeId, start, end, ct));
    }

    private static (DateOnly From, DateOnly To) Period(DateOnly? from, DateOnly? to) =>
        from is { } f && to is { } t ? (f, t) : throw DomainException.Invalid(AccountingErrors.Range, "Give the period as ?from=yyyy-MM-dd&to=yyyy-MM-dd.");

    private static DomainException NoZReport(DateOnly day) =>
        DomainException.NotFound(AccountingErrors.NoZReport, string.Create(CultureInfo.InvariantCulture, $"No Z report was closed on {day:yyyy-MM-dd}; there is nothing to book for that day."));
}
