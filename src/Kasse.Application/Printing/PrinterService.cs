using System.Globalization;
using Kasse.Application.CashControl;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Devices;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Printing;

public sealed record SavePrinter(Guid Id, string Name, PrinterRole Role, PrinterConnection Connection, string Address,
    Guid? RegisterId = null, string? Station = null, int Columns = PaperWidth.Mm80);

public sealed record PrinterView(Guid Id, Guid StoreId, string Name, PrinterRole Role, Guid? RegisterId, string? Station,
    PrinterConnection Connection, string Address, int Columns, PrinterState State, string? Problem, DateTimeOffset? StateCheckedAt, int QueuedJobs)
{
    public static PrinterView From(Printer p, int queued) => new(p.Id, p.StoreId, p.Name, p.Role, p.RegisterId, p.Station, p.Connection,
        p.Address, p.Columns, p.State, p.Problem, p.StateCheckedAt, queued);
}

public sealed record PrintJobView(Guid Id, Guid PrinterId, PrintJobKind Kind, Guid? SubjectId, PrintJobStatus Status, int Attempts,
    DateTimeOffset QueuedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? PrintedAt, string? Problem, string Preview)
{
    public static PrintJobView From(PrintJob j) => new(j.Id, j.PrinterId, j.Kind, j.SubjectId, j.Status, j.Attempts, j.QueuedAt,
        j.NextAttemptAt, j.PrintedAt, j.Problem, PrintDocument.FromJson(j.Document).PlainText);
}

/// <summary>The store's printers (configuration and state), their queues, and printouts asked for by hand.</summary>
public sealed class PrinterService(KasseDbContext db, PrintQueue queue, RegisterReportService reports, TimeProvider clock)
{
    public Task<PrinterView> SaveAsync(Guid storeId, SavePrinter command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        if (command.RegisterId is { } registerId)
        {
            var register = await StoreService.FindRegisterAsync(db, registerId, ct);
            if (register.StoreId != storeId)
                throw DomainException.Invalid(PrinterErrors.Register, $"Register {registerId} belongs to another store.");
        }
        var printer = await db.Printers.FirstOrDefaultAsync(p => p.Id == command.Id, ct);
        if (printer is null)
        {
            printer = Printer.Create(command.Id, storeId, command.Name, command.Role, command.RegisterId, command.Station,
                command.Connection, command.Address, command.Columns);
            db.Printers.Add(printer);
        }
        else if (printer.StoreId != storeId)
            throw DomainException.Conflict(PrinterErrors.IdUsed, $"Printer {command.Id} belongs to another store.");
        else
            printer.Change(command.Name, command.Role, command.RegisterId, command.Station, command.Connection, command.Address, command.Columns);
        if (printer.Role == PrinterRole.Receipt
            && await db.Printers.AnyAsync(p => p.Id != printer.Id && p.RegisterId == printer.RegisterId && p.Role == PrinterRole.Receipt, ct))
            throw DomainException.Conflict(PrinterErrors.RegisterTaken, "That register already has a receipt printer; change that one instead.");
        await db.SaveChangesAsync(ct);
        return PrinterView.From(printer, await QueuedAsync(printer.Id, ct));
    }, ct);

    public async Task<IReadOnlyList<PrinterView>> ListAsync(Guid storeId, CancellationToken ct)
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        var printers = await db.Printers.AsNoTracking().Where(p => p.StoreId == storeId).OrderBy(p => p.Name).ToListAsync(ct);
        var ids = printers.Select(p => p.Id).ToList();
        var queued = await db.PrintJobs.Where(j => ids.Contains(j.PrinterId) && j.Status == PrintJobStatus.Queued)
            .GroupBy(j => j.PrinterId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return printers.Select(p => PrinterView.From(p, queued.GetValueOrDefault(p.Id))).ToList();
    }

    public async Task<PrinterView> GetAsync(Guid printerId, CancellationToken ct) =>
        PrinterView.From(await FindAsync(printerId, ct), await QueuedAsync(printerId, ct));

    /// <summary>The register's receipt printer and its state, or null when the register prints through the browser.</summary>
    public async Task<PrinterView?> FindForRegisterAsync(Guid registerId, CancellationToken ct) =>
        await queue.ReceiptPrinterAsync(registerId, ct) is { } printer ? PrinterView.From(printer, await QueuedAsync(printer.Id, ct)) : null;

    public async Task<PrinterView> ForRegisterAsync(Guid registerId, CancellationToken ct)
    {
        await StoreService.FindRegisterAsync(db, registerId, ct);
        var printer = await queue.ReceiptPrinterAsync(registerId, ct) ?? throw NoReceiptPrinter(registerId);
        return PrinterView.From(printer, await QueuedAsync(printer.Id, ct));
    }

    public async Task<IReadOnlyList<PrintJobView>> ListJobsAsync(Guid? printerId, Guid? subjectId, PrintJobStatus? status, int take, CancellationToken ct)
    {
        if (take is < 1 or > 500)
            throw DomainException.Invalid(RequestErrors.Page, "take must be between 1 and 500.");
        if (printerId is null && subjectId is null)
            throw DomainException.Invalid(PrintJobsErrors.Filter, "Say whose jobs: ?printerId= or ?subjectId= (a sale or report id).");
        var jobs = db.PrintJobs.AsNoTracking();
        if (printerId is { } p) jobs = jobs.Where(j => j.PrinterId == p);
        if (subjectId is { } s) jobs = jobs.Where(j => j.SubjectId == s);
        if (status is { } st) jobs = jobs.Where(j => j.Status == st);
        var list = await jobs.OrderByDescending(j => j.QueuedAt).Take(take).ToListAsync(ct);
        return list.Select(PrintJobView.From).ToList();
    }

    public async Task<PrintJobView> GetJobAsync(Guid jobId, CancellationToken ct) =>
        PrintJobView.From(await db.PrintJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, ct)
            ?? throw DomainException.NotFound(PrintJobErrors.NotFound, $"No print job has id {jobId}."));

    /// <summary>Prints a stored X or Z report on its register's receipt printer.</summary>
    public Task<PrintJobView> PrintReportAsync(Guid reportId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var report = await reports.GetAsync(reportId, ct);
        var printer = await queue.ReceiptPrinterAsync(report.RegisterId, ct)
            ?? throw NoReceiptPrinter(report.RegisterId);
        var job = await queue.QueueAsync(printer, PrintJobKind.Report, reportId, ReportDocument.For(report, printer.Columns), ct);
        await db.SaveChangesAsync(ct);
        return PrintJobView.From(job);
    }, ct);

    /// <summary>
    /// Queues a test slip on the printer through the same queue and driver as a receipt, so "it printed" means a
    /// receipt will too: the printer's name and address, the time, and a ruler of its columns to check the paper width.
    /// </summary>
    public Task<PrintJobView> PrintTestAsync(Guid printerId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var printer = await db.Printers.FirstOrDefaultAsync(p => p.Id == printerId, ct)
            ?? throw DomainException.NotFound(PrinterErrors.NotFound, $"No printer has id {printerId}.");
        var store = await StoreService.FindStoreAsync(db, printer.StoreId, ct);
        var ruler = string.Concat(Enumerable.Range(1, printer.Columns).Select(i => (char)('0' + i % 10)));
        var document = new PrintDocument(
        [
            new TextBlock("TESTUDSKRIFT / TEST PRINT\n", Bold: true, Align: TextAlign.Centre),
            new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{printer.Name}\n{printer.Address}\n{store.LocalTime(clock.Now()):yyyy-MM-dd HH:mm}\n")),
            new TextBlock(ruler + "\n"),
            new FeedBlock(3),
            new CutBlock(),
        ]);
        var job = await queue.QueueAsync(printer, PrintJobKind.TestSlip, null, document, ct);
        await db.SaveChangesAsync(ct);
        return PrintJobView.From(job);
    }, ct);

    private async Task<Printer> FindAsync(Guid printerId, CancellationToken ct) =>
        await db.Printers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == printerId, ct)
            ?? throw DomainException.NotFound(PrinterErrors.NotFound, $"No printer has id {printerId}.");

    private Task<int> QueuedAsync(Guid printerId, CancellationToken ct) =>
        db.PrintJobs.CountAsync(j => j.PrinterId == printerId && j.Status == PrintJobStatus.Queued, ct);

    internal static DomainException NoReceiptPrinter(Guid registerId) =>
        DomainException.NotFound(PrinterErrors.NoneForRegister, $"Register {registerId} has no receipt printer; add one with role Receipt and its registerId.");
}
