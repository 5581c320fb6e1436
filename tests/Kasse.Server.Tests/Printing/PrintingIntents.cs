using Kasse.Application.Printing;
using Kasse.Domain.Devices;
using Kasse.Devices.Printing;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests;
using Kasse.Tests.Printing;

namespace Kasse.Server.Tests.Printing;

internal static class PrintingIntents
{
    public static async Task<PrinterView> AddReceiptPrinterAsync(this KasseClient api, Shop shop, PrinterEmulatorProcess printer, int columns = PaperWidth.Mm80) =>
        await KasseClient.Read<PrinterView>(await api.PostAsync($"/api/v1/stores/{shop.Store.Id}/printers",
            new SavePrinter(Guid.CreateVersion7(), "Bonprinter", PrinterRole.Receipt, PrinterConnection.Network, printer.Address, shop.Register.Id, Columns: columns)));

    public static async Task<PrinterView> PrinterAsync(this KasseClient api, Guid printerId) =>
        await KasseClient.Read<PrinterView>(await api.Http.GetAsync($"/api/v1/printers/{printerId}"));

    public static async Task<IReadOnlyList<PrintJobView>> JobsOfAsync(this KasseClient api, Guid subjectId) =>
        await KasseClient.Read<List<PrintJobView>>(await api.Http.GetAsync($"/api/v1/print-jobs?subjectId={subjectId}"));

    /// <summary>Polls (bounded) until the condition holds, and fails with the last value seen otherwise.</summary>
    public static Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> until, string what, int seconds = 30) =>
        Eventually.HoldsAsync(read, until, what, TimeSpan.FromSeconds(seconds));

    /// <summary>
    /// Waits until the print queue is done with the printer: nothing of it queued, then a whole round of the queue
    /// after that, then the printer finished with every connection. What has come out by then is all that will:
    /// the test may assert that nothing more did, without waiting on the clock.
    /// </summary>
    public static async Task PrintQueueDoneAsync(this KasseClient api, IServiceProvider services, Guid printerId, PrinterEmulatorProcess printer)
    {
        await EventuallyAsync(() => api.PrinterAsync(printerId), p => p.QueuedJobs == 0, "nothing queued for the printer");
        await services.RoundAsync<PrintQueueWorker>();
        await printer.WaitUntilIdleAsync();
    }

    /// <summary>The paper lines of a printed job, without the markers for barcodes, cuts and drawer kicks.</summary>
    public static IEnumerable<string> TextLines(string job) =>
        job.Split('\n').Where(l => !l.StartsWith('['));
}
