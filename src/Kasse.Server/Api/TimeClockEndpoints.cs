using Kasse.Application.Staff;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class TimeClockEndpoints
{
    public sealed record PunchRequest(Guid EmployeeId, PunchKind Kind, Guid? RegisterId = null);

    public sealed record MissingPunchRequest(Guid EmployeeId, PunchKind Kind, DateTimeOffset At, string Reason);

    public sealed record CorrectionRequest(DateTimeOffset At, string Reason);

    public sealed record DeletionRequest(string Reason);

    public static RouteGroupBuilder MapTimeClock(this RouteGroupBuilder api)
    {
        var clock = api.MapGroup("/time-clock").WithTags("Time clock");
        clock.MapPost("/punches", Punch).RequirePermission(Permission.ClockInOut).WithSummary("Clock in, start or end a break, or clock out (in that order)");
        clock.MapGet("/punches", Punches).RequirePermission(Permission.ViewTimesheets, Permission.ManageTimesheets)
            .WithSummary("The punches of ?from=&to= (instants), optionally ?employeeId=, oldest first: the ids a correction names");
        clock.MapPost("/corrections", AddMissing).RequirePermission(Permission.ManageTimesheets).WithSummary("A manager adds a forgotten punch, with a reason (audited)");
        clock.MapPut("/punches/{punchId:guid}", Correct).RequirePermission(Permission.ManageTimesheets).WithSummary("A manager moves a punch, with a reason (audited)");
        clock.MapPost("/punches/{punchId:guid}/deletion", Delete).RequirePermission(Permission.ManageTimesheets).WithSummary("A manager deletes a wrong punch, with a reason (audited)");
        api.MapGet("/timesheets", Timesheets).WithTags("Time clock").RequirePermission(Permission.ViewTimesheets, Permission.ManageTimesheets)
            .WithSummary("Shifts, breaks and worked hours per employee for ?from=&to= (instants), optionally ?employeeId=");
        api.MapGet("/timesheets/payroll.csv", Payroll).WithTags("Time clock").RequirePermission(Permission.ViewTimesheets, Permission.ManageTimesheets)
            .WithSummary("The payroll export for ?from=&to=: one row per shift (employee, clock in/out, break minutes, worked hours), semicolon separated");
        api.MapGet("/stores/{storeId:guid}/performance", Performance).WithTags("Time clock").RequirePermission(Permission.SeeReports)
            .WithSummary("Per employee for ?from=&to=: sales, count, average basket, items per hour worked, voids, refunds, discounts, no-sale opens");
        return api;
    }

    private static async Task<Ok<PunchView>> Punch(PunchRequest request, TimeClockService timeClock, CancellationToken ct) =>
        TypedResults.Ok(await timeClock.PunchAsync(request.EmployeeId, request.Kind, request.RegisterId, ct));

    private static async Task<Ok<IReadOnlyList<PunchView>>> Punches(DateTimeOffset? from, DateTimeOffset? to, Guid? employeeId, TimeClockService timeClock,
        CancellationToken ct) => TypedResults.Ok(await timeClock.PunchesAsync(Required(from, "from"), Required(to, "to"), employeeId, ct));

    private static async Task<Ok<PunchView>> AddMissing(MissingPunchRequest request, TimeClockService timeClock, CancellationToken ct) =>
        TypedResults.Ok(await timeClock.AddMissingAsync(request.EmployeeId, request.Kind, request.At, request.Reason, ct));

    private static async Task<Ok<PunchView>> Correct(Guid punchId, CorrectionRequest request, TimeClockService timeClock, CancellationToken ct) =>
        TypedResults.Ok(await timeClock.CorrectAsync(punchId, request.At, request.Reason, ct));

    private static async Task<Ok<PunchView>> Delete(Guid punchId, DeletionRequest request, TimeClockService timeClock, CancellationToken ct) =>
        TypedResults.Ok(await timeClock.CorrectAsync(punchId, null, request.Reason, ct));

    private static async Task<Ok<IReadOnlyList<TimesheetView>>> Timesheets(DateTimeOffset? from, DateTimeOffset? to, Guid? employeeId, TimeClockService timeClock,
        CancellationToken ct) => TypedResults.Ok(await timeClock.TimesheetsAsync(Required(from, "from"), Required(to, "to"), employeeId, ct));

    private static async Task<FileContentHttpResult> Payroll(DateTimeOffset? from, DateTimeOffset? to, TimeClockService timeClock, CancellationToken ct)
    {
        var sheets = await timeClock.TimesheetsAsync(Required(from, "from"), Required(to, "to"), null, ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(TimeClockService.PayrollCsv(sheets)), "text/csv; charset=utf-8", "payroll.csv");
    }

    private static async Task<Ok<IReadOnlyList<EmployeePerformance>>> Performance(Guid storeId, DateTimeOffset? from, DateTimeOffset? to,
        PerformanceService performance, Kasse.Data.KasseDbContext db, CancellationToken ct)
    {
        await Kasse.Application.Stores.StoreService.FindStoreAsync(db, storeId, ct);
        return TypedResults.Ok(await performance.ForStoreAsync(storeId, Required(from, "from"), Required(to, "to"), ct));
    }

    private static DateTimeOffset Required(DateTimeOffset? value, string name) =>
        value ?? throw DomainException.Invalid(RequestErrors.Period, $"Give ?{name}= as an instant, e.g. 2026-11-27T00:00:00Z.");
}
