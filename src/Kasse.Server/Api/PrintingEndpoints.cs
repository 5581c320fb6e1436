using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Kasse.Application.Printing;
using Kasse.Domain.Devices;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>Printers (where they are, what they print for, how they are), their print queues, and printouts by hand.</summary>
public static class PrintingEndpoints
{
    public static RouteGroupBuilder MapPrinting(this RouteGroupBuilder api)
    {
        var store = api.MapGroup("/stores/{storeId:guid}").WithTags("Printing");
        store.MapGet("/printers", ListPrinters).WithSummary("The store's printers with their state (Online, Offline, PaperOut) and how many jobs wait")
            .RequirePermission(Permission.Sell, Permission.ManageSettings);
        store.MapPost("/printers", SavePrinter)
            .WithSummary("Add or change a printer (by id): a register's receipt printer or a kitchen/bar station's, over the network (host:port) or a device file")
            .RequirePermission(Permission.ManageSettings);

        var printers = api.MapGroup("/printers").WithTags("Printing");
        printers.MapGet("/{printerId:guid}", GetPrinter).WithSummary("One printer and its state").RequirePermission(Permission.Sell, Permission.ManageSettings);
        printers.MapPost("/{printerId:guid}/test", PrintTest)
            .WithSummary("Print a test slip (name, address, time, a ruler of the paper's columns) through the print queue, as a receipt prints")
            .RequirePermission(Permission.ManageSettings);

        api.MapGet("/registers/{registerId:guid}/printer", GetRegisterPrinter).WithTags("Printing")
            .WithSummary("The register's receipt printer and its state, for the till to show (Offline, PaperOut …)")
            .RequirePermission(Permission.Sell, Permission.ManageSettings);

        var jobs = api.MapGroup("/print-jobs").WithTags("Printing");
        jobs.MapGet("/", ListJobs).WithSummary("Print jobs of a printer (?printerId=) or of a sale or report (?subjectId=), newest first; ?status=Queued for what waits")
            .RequirePermission(Permission.Sell, Permission.ManageSettings);
        jobs.MapGet("/{jobId:guid}", GetJob).WithSummary("One print job: queued, sent, interrupted or expired, and why")
            .RequirePermission(Permission.Sell, Permission.ManageSettings);

        api.MapPost("/reports/{reportId:guid}/print", PrintReport).WithTags("Printing")
            .WithSummary("Print a stored X or Z report on its register's receipt printer")
            .RequirePermission(Permission.XReport, Permission.ZReport, Permission.SeeReports);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PrinterView>>> ListPrinters(Guid storeId, PrinterService printers, CancellationToken ct) =>
        TypedResults.Ok(await printers.ListAsync(storeId, ct));

    private static async Task<Ok<PrinterView>> SavePrinter(Guid storeId, SavePrinter request, PrinterService printers, CancellationToken ct) =>
        TypedResults.Ok(await printers.SaveAsync(storeId, request, ct));

    private static async Task<Ok<PrinterView>> GetPrinter(Guid printerId, PrinterService printers, CancellationToken ct) =>
        TypedResults.Ok(await printers.GetAsync(printerId, ct));

    private static async Task<Ok<PrintJobView>> PrintTest(Guid printerId, PrinterService printers, CancellationToken ct) =>
        TypedResults.Ok(await printers.PrintTestAsync(printerId, ct));

    private static async Task<Ok<PrinterView>> GetRegisterPrinter(Guid registerId, PrinterService printers, CancellationToken ct) =>
        TypedResults.Ok(await printers.ForRegisterAsync(registerId, ct));

    private static async Task<Ok<IReadOnlyList<PrintJobView>>> ListJobs(PrinterService printers, CancellationToken ct,
        Guid? printerId = null, Guid? subjectId = null, PrintJobStatus? status = null, int take = 50) =>
        TypedResults.Ok(await printers.ListJobsAsync(printerId, subjectId, status, take, ct));

    private static async Task<Ok<PrintJobView>> GetJob(Guid jobId, PrinterService printers, CancellationToken ct) =>
        TypedResults.Ok(await printers.GetJobAsync(jobId, ct));

    private static async Task<Accepted<PrintJobView>> PrintReport(Guid reportId, PrinterService printers, CancellationToken ct)
    {
        var job = await printers.PrintReportAsync(reportId, ct);
        return TypedResults.Accepted($"/api/v1/print-jobs/{job.Id}", job);
    }
}
