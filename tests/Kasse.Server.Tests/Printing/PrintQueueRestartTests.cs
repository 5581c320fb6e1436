using System.Net.Http.Json;
using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Printing;
using Kasse.Application.Sales;
using Kasse.Domain.Devices;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests.Printing;

namespace Kasse.Server.Tests.Printing;

/// <summary>A Kasse node with the demo store over a SQLite data folder, stopped and started again, with the printer emulator as the demo till's printer.</summary>
public sealed class PrintQueueRestartTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("kasse-print-").FullName;
    private PrinterEmulatorProcess _printer = null!;

    public async ValueTask InitializeAsync() => _printer = await PrinterEmulatorProcess.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _printer.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task The_demo_till_has_a_receipt_printer_and_a_receipt_queued_while_it_was_off_prints_once_after_Kasse_restarts()
    {
        await _printer.SetStateAsync("offline");
        Guid saleId;
        var first = await StartAsync();
        try
        {
            using var http = first.CreateClient(DemoSeeder.DemoApiKey);
            var api = new KasseClient(http, null!);
            var demoPrinters = await KasseClient.Read<List<PrinterView>>(await http.GetAsync($"/api/v1/stores/{DemoSeeder.StoreId}/printers"));
            var demo = Assert.Single(demoPrinters, p => p.Role == PrinterRole.Receipt); // beside it, the café's kitchen and bar printers
            Assert.Equal((DemoSeeder.PrinterId, DemoSeeder.RegisterId, "127.0.0.1:9100"), (demo.Id, demo.RegisterId, demo.Address));
            // Point the demo printer at this test's emulator (port 9100 may be someone else's).
            await KasseClient.Read<PrinterView>(await api.PostAsync($"/api/v1/stores/{DemoSeeder.StoreId}/printers",
                new SavePrinter(DemoSeeder.PrinterId, demo.Name, PrinterRole.Receipt, PrinterConnection.Network, _printer.Address, DemoSeeder.RegisterId)));

            var sale = await KasseClient.Read<SaleView>(await api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), DemoSeeder.RegisterId, DemoSeeder.EmployeeId)));
            var page = await http.GetFromJsonAsync<ProductPage>("/api/v1/products?q=rugbrød", KasseClient.Json);
            await api.ScanAsync(sale.Id, page!.Items[0].Barcodes[0]);
            await api.PayAsync(sale.Id, PaymentMethod.Card);
            saleId = (await api.CompleteAsync(sale.Id)).Id;

            var waiting = await PrintingIntents.EventuallyAsync(() => api.JobsOfAsync(saleId),
                jobs => jobs.Single() is { Status: PrintJobStatus.Queued, Attempts: >= 1 }, "the receipt tried and waiting");
            await PrintingIntents.EventuallyAsync(() => api.PrinterAsync(DemoSeeder.PrinterId),
                p => p is { State: PrinterState.Offline, QueuedJobs: 1 }, "the printer shown offline with the receipt waiting");
            Assert.NotNull(waiting.Single().Problem);
        }
        finally
        {
            await first.DisposeAsync();
        }
        Assert.Empty(_printer.Jobs());

        await _printer.SetStateAsync("online");
        var second = await StartAsync();
        try
        {
            var receipt = Assert.Single(await _printer.WaitForJobsAsync(1));
            Assert.Contains("Købmand Hansen", receipt);
            Assert.Contains("Rugbrød", receipt, StringComparison.OrdinalIgnoreCase);
            Assert.Contains($"[CODE128 {ReceiptCode.For(saleId)}]", receipt);
            using var http = second.CreateClient(DemoSeeder.DemoApiKey);
            await new KasseClient(http, null!).PrintQueueDoneAsync(second.Services, DemoSeeder.PrinterId, _printer);
            Assert.Single(_printer.Jobs());
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_receipt_that_was_being_sent_when_Kasse_stopped_is_not_sent_again_and_the_copy_prints_as_KOPI()
    {
        await _printer.SetStateAsync("offline");
        Guid saleId;
        var first = await StartAsync();
        try
        {
            using var http = first.CreateClient(DemoSeeder.DemoApiKey);
            var api = new KasseClient(http, null!);
            await KasseClient.Read<PrinterView>(await api.PostAsync($"/api/v1/stores/{DemoSeeder.StoreId}/printers",
                new SavePrinter(DemoSeeder.PrinterId, "Bonprinter", PrinterRole.Receipt, PrinterConnection.Network, _printer.Address, DemoSeeder.RegisterId)));
            var sale = await KasseClient.Read<SaleView>(await api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), DemoSeeder.RegisterId, DemoSeeder.EmployeeId)));
            await api.ScanAsync(sale.Id, "5704312418755");
            await api.PayAsync(sale.Id, PaymentMethod.Card);
            saleId = (await api.CompleteAsync(sale.Id)).Id;
            await PrintingIntents.EventuallyAsync(() => api.JobsOfAsync(saleId), jobs => jobs.Single() is { Status: PrintJobStatus.Queued, Attempts: >= 1 }, "the receipt waiting");
        }
        finally
        {
            await first.DisposeAsync();
        }
        // As if Kasse had died between claiming the job and hearing how the send went.
        await using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_data, "kasse.db")};Pooling=false"))
        {
            await db.OpenAsync(TestContext.Current.CancellationToken);
            await using var update = db.CreateCommand();
            update.CommandText = "UPDATE \"PrintJobs\" SET \"Status\" = 'Sending'";
            Assert.Equal(1, await update.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }

        await _printer.SetStateAsync("online");
        var second = await StartAsync();
        try
        {
            using var http = second.CreateClient(DemoSeeder.DemoApiKey);
            var api = new KasseClient(http, null!);
            var interrupted = await PrintingIntents.EventuallyAsync(() => api.JobsOfAsync(saleId),
                jobs => jobs.Single().Status == PrintJobStatus.Interrupted, "the job marked interrupted");
            await api.PrintQueueDoneAsync(second.Services, DemoSeeder.PrinterId, _printer);
            Assert.Empty(_printer.Jobs());
            Assert.Contains("print a copy", interrupted.Single().Problem);

            await KasseClient.Read<PrintedReceipt>(await api.PostAsync($"/api/v1/sales/{saleId}/receipt/copy", null));
            var copy = Assert.Single(await _printer.WaitForJobsAsync(1));
            Assert.Contains("*** KOPI ***", copy);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    private Task<KasseHost> StartAsync() => KasseHost.StartAsync(Kasse.Server.Hosting.DatabaseProvider.Sqlite, null, new Dictionary<string, string?>
    {
        [Kasse.Server.Hosting.DatabaseSettings.DataDirectoryKey] = _data,
        [Kasse.Server.Hosting.KasseWebApp.SeedDemoKey] = "true",
    });
}
