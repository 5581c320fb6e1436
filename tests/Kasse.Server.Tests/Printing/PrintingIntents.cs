using Kasse.Application.Printing;
using Kasse.Domain.Devices;
using Kasse.Server.Tests.Infrastructure;
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
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> until, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        T value;
        do
        {
            value = await read();
            if (until(value))
                return value;
            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Waited {seconds} s for {what}; last seen: {System.Text.Json.JsonSerializer.Serialize(value)}");
    }

    /// <summary>The paper lines of a printed job, without the markers for barcodes, cuts and drawer kicks.</summary>
    public static IEnumerable<string> TextLines(string job) =>
        job.Split('\n').Where(l => !l.StartsWith('['));
}
