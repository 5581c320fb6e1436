using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Kasse.Application.CashControl;
using Kasse.Application.Staff;
using Kasse.Domain;
using Kasse.Domain.CashControl;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class CashControlEndpoints
{
    public static RouteGroupBuilder MapCashControl(this RouteGroupBuilder api)
    {
        var register = api.MapGroup("/registers/{registerId:guid}").WithTags("Cash control");
        register.MapPost("/sessions", OpenSession).WithSummary("Open the register's cash session with the counted opening float (one open session per register; journaled)").RequirePermission(Permission.CashControl);
        register.MapGet("/sessions/current", CurrentSession).WithSummary("The register's open session; the expected cash is never shown before the count").RequirePermission(Permission.CashControl, Permission.SeeReports);
        register.MapGet("/sessions/{sessionId:guid}", GetSession).WithSummary("A session; expected cash and over/short appear once it is counted").RequirePermission(Permission.CashControl, Permission.SeeReports);
        register.MapPost("/sessions/{sessionId:guid}/count", Count)
            .WithSummary("Close the session with a blind count: the counted cash is recorded first, then expected and over/short are answered (journaled)").RequirePermission(Permission.CashControl);
        register.MapGet("/sessions/{sessionId:guid}/cash-movements", ListMovements).WithSummary("The cash dropped and paid in during a session").RequirePermission(Permission.CashControl, Permission.SeeReports);
        register.MapPost("/cash-movements", RecordMovement).WithSummary("Drop cash to the safe (Drop, SAF-T 13019) or pay cash in (PayIn), with a reason, during the open session (journaled)").RequirePermission(Permission.CashControl);
        register.MapPost("/drawer/open", OpenDrawer).WithSummary("Open the drawer without a sale (\"no sale\", SAF-T 13005; journaled and counted on X and Z)").RequirePermission(Permission.Sell, Permission.CashControl);
        register.MapPost("/drawer/close", CloseDrawer).WithSummary("The drawer was shut again, as its sensor or the till reports it (SAF-T 13006; journaled)").RequirePermission(Permission.Sell, Permission.CashControl);
        register.MapPost("/x-reports", XReport).WithSummary("Make an X report: the register's period so far, closing nothing (journaled, SAF-T 13008)").RequirePermission(Permission.XReport);
        register.MapPost("/z-reports", ZReport)
            .WithSummary("Make the Z report that closes the register's period; refused while a session is open or when nothing happened since the last Z (journaled with its full content, SAF-T 13009)").RequirePermission(Permission.ZReport);
        register.MapGet("/z-reports", ListZReports).WithSummary("The register's Z reports, newest first (?take=, at most 100)").RequirePermission(Permission.ZReport, Permission.SeeReports);

        var reports = api.MapGroup("/reports").WithTags("Cash control");
        reports.MapGet("/{reportId:guid}", GetReport).WithSummary("An X or Z report as JSON, shaped after the SAF-T eventReport").RequirePermission(Permission.XReport, Permission.ZReport, Permission.SeeReports);
        reports.MapGet("/{reportId:guid}/report.txt", ReportAsText).WithSummary("An X or Z report laid out for the receipt printer (plain text, 42 columns; ?width=32 or 48)").RequirePermission(Permission.XReport, Permission.ZReport, Permission.SeeReports);
        reports.MapGet("/{reportId:guid}/report.pdf", ReportAsPdf).WithSummary("An X or Z report as an A4 PDF").RequirePermission(Permission.XReport, Permission.ZReport, Permission.SeeReports);
        return api;
    }

    private static async Task<Created<SessionView>> OpenSession(Guid registerId, OpenSession request, CashControlUseCases cash, CancellationToken ct)
    {
        var session = await cash.OpenSessionAsync(registerId, request, ct);
        return TypedResults.Created($"/api/v1/registers/{registerId}/sessions/{session.Id}", session);
    }

    private static async Task<Ok<SessionView>> CurrentSession(Guid registerId, CashControlService cash, CancellationToken ct) =>
        TypedResults.Ok(await cash.CurrentSessionAsync(registerId, ct));

    private static async Task<Ok<SessionView>> GetSession(Guid registerId, Guid sessionId, CashControlService cash, CancellationToken ct) =>
        TypedResults.Ok(await cash.GetSessionAsync(registerId, sessionId, ct));

    private static async Task<Ok<SessionView>> Count(Guid registerId, Guid sessionId, CountCash request, CashControlUseCases cash, CancellationToken ct) =>
        TypedResults.Ok(await cash.CountAsync(registerId, sessionId, request, ct));

    private static async Task<Ok<IReadOnlyList<CashMovementView>>> ListMovements(Guid registerId, Guid sessionId, CashControlService cash, CancellationToken ct) =>
        TypedResults.Ok(await cash.ListMovementsAsync(registerId, sessionId, ct));

    private static async Task<Created<CashMovementView>> RecordMovement(Guid registerId, RecordCashMovement request, CashControlUseCases cash, CancellationToken ct)
    {
        var movement = await cash.RecordMovementAsync(registerId, request, ct);
        return TypedResults.Created($"/api/v1/registers/{registerId}/sessions/{movement.SessionId}/cash-movements", movement);
    }

    private static async Task<Ok<DrawerOpenedView>> OpenDrawer(Guid registerId, OpenDrawer request, CashControlUseCases cash, CancellationToken ct) =>
        TypedResults.Ok(await cash.OpenDrawerAsync(registerId, request, ct));

    private static async Task<Ok<DrawerClosedView>> CloseDrawer(Guid registerId, CloseDrawer request, CashControlUseCases cash, CancellationToken ct) =>
        TypedResults.Ok(await cash.CloseDrawerAsync(registerId, request, ct));

    private static async Task<Created<RegisterReport>> XReport(Guid registerId, MakeReport request, CashControlUseCases reports, CancellationToken ct)
    {
        var report = await reports.XReportAsync(registerId, request, ct);
        return TypedResults.Created($"/api/v1/reports/{report.Id}", report);
    }

    private static async Task<Created<RegisterReport>> ZReport(Guid registerId, MakeReport request, CashControlUseCases reports, CancellationToken ct)
    {
        var report = await reports.ZReportAsync(registerId, request, ct);
        return TypedResults.Created($"/api/v1/reports/{report.Id}", report);
    }

    private static async Task<Ok<IReadOnlyList<RegisterReport>>> ListZReports(Guid registerId, int? take, RegisterReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.ListZReportsAsync(registerId, take ?? 20, ct));

    private static async Task<Ok<RegisterReport>> GetReport(Guid reportId, RegisterReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.GetAsync(reportId, ct));

    private static async Task<ContentHttpResult> ReportAsText(Guid reportId, int? width, RegisterReportService reports, CancellationToken ct)
    {
        var columns = width switch
        {
            null => 42,
            32 or 42 or 48 => width.Value,
            _ => throw DomainException.Invalid(ReportErrors.Width, "Report width is 32 (58 mm), 42 or 48 (80 mm) columns."),
        };
        return TypedResults.Text(ReportText.Render(await reports.GetAsync(reportId, ct), columns), "text/plain; charset=utf-8");
    }

    private static async Task<FileContentHttpResult> ReportAsPdf(Guid reportId, RegisterReportService reports, CancellationToken ct)
    {
        var report = await reports.GetAsync(reportId, ct);
        var name = $"{(report.Type == ReportType.Z ? "z" : "x")}-report-{report.Number}-{report.Id}.pdf";
        return TypedResults.File(ReportPdf.Render(report), "application/pdf", name);
    }
}
