using System.Net.Http.Json;
using System.Text.Json;
using Kasse.Application.Demo;
using Kasse.Application.Payments;
using Kasse.Application.Sales;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests;

namespace Kasse.Server.Tests.Hosting;

/// <summary>
/// The README's one command (<c>kasse</c> on a fresh data folder, which seeds the demo store) also starts the demo's
/// card terminal, MobilePay and printer simulators and points the demo register at them: a card payment is approved,
/// MobilePay is approved by the simulated customer, the printer is online and the receipt comes out on its paper.
/// </summary>
public sealed class DemoDevicesTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("kasse-demo-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_demo_started_with_one_command_pays_by_card_and_MobilePay_and_prints_the_receipt()
    {
        var (process, address) = await KasseProcess.ServeAsync("--data", _data, "--Kasse:StartDemoDevices=true");
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            http.DefaultRequestHeaders.Add("X-Api-Key", DemoSeeder.DemoApiKey);
            var api = new KasseClient(http, null!);
            var sale = await KasseClient.Read<SaleView>(await api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), DemoSeeder.RegisterId, DemoSeeder.EmployeeId)));
            await api.ScanAsync(sale.Id, "5704312418755"); // Rugbrød
            await api.ScanAsync(sale.Id, "5704312418755");

            var card = await KasseClient.Read<TerminalPaymentView>(await api.PostAsync($"/api/v1/sales/{sale.Id}/terminal-payments",
                new StartDevicePayment(Guid.CreateVersion7(), PaymentMethod.Card, 20m)));
            var mobilePay = await KasseClient.Read<TerminalPaymentView>(await api.PostAsync($"/api/v1/sales/{sale.Id}/terminal-payments",
                new StartDevicePayment(Guid.CreateVersion7(), PaymentMethod.MobilePay)));
            var approved = await Eventually.HoldsAsync(
                async () => await KasseClient.Read<TerminalPaymentView>(await http.GetAsync($"/api/v1/terminal-payments/{mobilePay.Id}")),
                p => p.IsSettled, "the simulated customer to approve the MobilePay payment");
            var completed = await api.CompleteAsync(sale.Id);
            var paper = Path.Combine(_data, "demo-devices", "printer");
            var receipt = await Eventually.HoldsAsync(
                () => Directory.Exists(paper) ? Directory.GetFiles(paper, "job-*.txt").Select(File.ReadAllText).FirstOrDefault() : null,
                text => text is not null, "the receipt at the demo printer");
            // The receipt printer and the café's kitchen and bar printers, all on the one demo printer simulator.
            var printers = await Eventually.HoldsAsync(
                async () => await http.GetFromJsonAsync<JsonElement[]>($"/api/v1/stores/{DemoSeeder.StoreId}/printers", KasseClient.Json),
                p => p!.All(x => x.GetProperty("state").GetString() == "Online"), "every demo printer online at the simulator");

            Assert.Equal(TerminalPaymentState.Approved, card.State);
            Assert.Equal(TerminalPaymentState.Approved, approved.State);
            Assert.Equal(SaleStatus.Completed, completed.Status);
            Assert.Equal(["Barprinter", "Bonprinter", "Køkkenprinter"], printers!.Select(p => p.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
            Assert.Contains("Rugbrød", receipt, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }
}
