using Kasse.Application;
using Kasse.Application.Hosting;
using Kasse.Application.Printing;
using Kasse.Devices.Printing.Transports;
using Kasse.Domain.Devices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kasse.Devices.Printing;

/// <summary>
/// Sends the queued print jobs, in order per printer, and keeps each printer's state current. A job that
/// finds its printer off or out of paper waits and is tried again, longer apart each time, for as long as
/// it takes — across restarts of Kasse, since the queue is in the database.
/// </summary>
public sealed partial class PrintQueueWorker(IServiceScopeFactory scopes, PrintQueueSignal signal, PrinterTransports transports,
    TimeProvider clock, ILogger<PrintQueueWorker> log) : BackgroundLoop(Poll, clock, log, signal)
{
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(10);
    private const int Batch = 100;

    private bool _recovered;

    protected override async Task<TimeSpan> RunOnceAsync(CancellationToken ct)
    {
        if (!_recovered)
            await RecoverAsync(ct);
        _recovered = true;
        await SendDueJobsAsync(ct);
        await ProbeAsync(ct);
        return Poll;
    }

    /// <summary>Jobs left "sending" by a stop mid-send may have printed: they are not sent again unmarked.</summary>
    private async Task RecoverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<IPrintQueueStore>();
        var stuck = await queue.SendingAsync(ct);
        foreach (var job in stuck)
        {
            if (job.Kind == PrintJobKind.DrawerKick)
                job.Expire("Kasse stopped while opening the drawer; it is not opened again later.");
            else
                job.Interrupt("Kasse stopped while sending this, so it may have printed. If nothing came out, print a copy.");
        }
        await queue.SaveAsync(ct);
    }

    private async Task SendDueJobsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<IPrintQueueStore>();
        var now = Clock.Now();
        var printerIds = await queue.PrintersWithDueJobsAsync(now, Batch, ct);
        foreach (var printerId in printerIds)
        {
            var printer = await queue.PrinterAsync(printerId, ct);
            var transport = transports.For(printer);
            var queued = await queue.QueuedAsync(printerId, Batch, ct);
            foreach (var job in queued.OrderBy(j => j.QueuedAt).ThenBy(j => j.Kind))
            {
                // In order per printer: a later receipt never overtakes one still waiting for its next try.
                if (job.NextAttemptAt > now && !job.HasExpired(now))
                    break;
                if (!await SendAsync(queue, printer, transport, job, ct))
                    break;
            }
        }
    }

    /// <returns>Whether the next job for this printer may go.</returns>
    private async Task<bool> SendAsync(IPrintQueueStore queue, Printer printer, IPrinterTransport transport, PrintJob job, CancellationToken ct)
    {
        if (job.HasExpired(Clock.Now()))
        {
            job.Expire(job.Problem ?? "The printer could not be reached in time.");
            await queue.SaveAsync(ct);
            return true;
        }
        // Claimed in the database before a byte goes out, so a second node or a restart never sends it again unmarked.
        if (!await queue.ClaimAsync(job.Id, ct))
            return true;
        job.StartSending(Clock.Now());
        await queue.SaveAsync(ct);

        var bytes = EscPosEncoder.Encode(PrintDocument.FromJson(job.Document), printer.Columns);
        var result = await transport.SendAsync(bytes, CancellationToken.None);
        var now = Clock.Now();
        if (result.Printed)
            job.Printed(now);
        else if (result.MayHavePrinted)
            job.Interrupt(result.Problem + " It may have printed in part; if it did not print, print a copy.");
        else if (job.Kind == PrintJobKind.DrawerKick)
            job.Expire(result.Problem ?? "The printer did not take the drawer kick.");
        else
            job.TryLater(result.Problem ?? "The printer did not take the job.", now);
        printer.RecordState(result.State, result.Problem, now);
        await queue.SaveAsync(ct);
        if (!result.Printed)
            LogNotPrinted(Logger, job.Id, printer.Name, result.Problem);
        return result.Printed;
    }

    /// <summary>Asks each printer now and then how it is, so the till shows "offline" before anyone presses Print.</summary>
    private async Task ProbeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var queue = scope.ServiceProvider.GetRequiredService<IPrintQueueStore>();
        var before = Clock.Now() - ProbeEvery;
        var printers = await queue.PrintersToProbeAsync(before, Batch, ct);
        foreach (var printer in printers)
        {
            var result = await transports.For(printer).CheckAsync(ct);
            var now = Clock.Now();
            if (result.State == PrinterState.Online && printer.State != PrinterState.Online)
            {
                // Back on: what waits for it need not sit out its retry delay.
                var waiting = await queue.QueuedAsync(printer.Id, null, ct);
                foreach (var job in waiting)
                    job.TrySoon(now);
                if (waiting.Count > 0)
                    Wake();
            }
            printer.RecordState(result.State, result.Problem, now);
            await queue.SaveAsync(ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Print job {JobId} not printed on {Printer}: {Problem}")]
    private static partial void LogNotPrinted(ILogger logger, Guid jobId, string printer, string? problem);
}
