using Kasse.Application.Staff;
using System.Net;
using Kasse.Application.CashControl;
using Kasse.Application.Payments;
using Kasse.Application.Printing;
using Kasse.Application.Sales;
using Kasse.Domain.CashControl;
using Kasse.Domain.Devices;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Api;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests.Printing;

namespace Kasse.Server.Tests.Printing;

/// <summary>
/// The till prints on a real network printer: tools/Kasse.PrinterEmulator as its own process, reached over
/// a real socket, its paper read back from what it decoded.
/// </summary>
public abstract class PrintingTests(KasseServer server) : IAsyncLifetime
{
    private readonly KasseClient _api = server.Client();
    private PrinterEmulatorProcess _printer = null!;

    public async ValueTask InitializeAsync() => _printer = await PrinterEmulatorProcess.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _printer.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_cash_sale_opens_the_drawer_and_prints_its_receipt_whose_barcode_finds_the_sale_again()
    {
        var shop = await _api.NewShopAsync();
        await _api.AddReceiptPrinterAsync(shop, _printer);
        var porridge = await _api.NewProductAsync(24.95m, name: "Rødgrød med fløde");

        var sale = await _api.SellAsync(shop, PaymentMethod.Cash, (porridge, 2m));

        var jobs = await _printer.WaitForJobsAsync(2);
        Assert.Equal("[DRAWER KICK pin 2]\n", jobs[0]);
        var receipt = jobs[1];
        var code = ReceiptCode.For(sale.Id);
        Assert.Contains("Rødgrød med fløde", receipt);
        Assert.Contains("Købmand Ærø", receipt);
        Assert.Contains("Bon nr. 1", receipt);
        Assert.Contains("I ALT DKK", receipt);
        Assert.Contains($"[CODE128 {code}]\n", receipt);
        Assert.EndsWith("[CUT]\n", receipt);
        Assert.All(PrintingIntents.TextLines(receipt), line => Assert.True(line.Length <= 42, $"'{line}' is wider than 42 columns"));
        var found = await KasseClient.Read<SaleView>(await _api.Http.GetAsync($"/api/v1/receipts/{code}"));
        Assert.Equal(sale.Id, found.Id);
        var states = await PrintingIntents.EventuallyAsync(() => _api.JobsOfAsync(sale.Id), j => j.All(x => x.Status == PrintJobStatus.Printed), "both jobs printed");
        Assert.Equal([PrintJobKind.DrawerKick, PrintJobKind.Receipt], states.Select(j => j.Kind).Order());
    }

    [Fact]
    public async Task The_test_button_prints_a_test_slip_through_the_queue_and_the_terminal_check_charges_nothing()
    {
        var shop = await _api.NewShopAsync();
        var printer = await _api.AddReceiptPrinterAsync(shop, _printer);
        await using var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        var unreachable = new Uri($"http://127.0.0.1:{SimulatorProcess.FreePort()}/");

        var job = await KasseClient.Read<PrintJobView>(await _api.PostAsync($"/api/v1/printers/{printer.Id}/test", null));
        var slip = (await _printer.WaitForJobsAsync(1))[0];
        await KasseClient.Read<PaymentDevicesView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/registers/{shop.Register.Id}/payment-devices", new { cardTerminalUrl = unreachable, cardTerminalPoiId = "SIM-0001" }));
        var down = await KasseClient.Read<PaymentDeviceCheck>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/payment-devices/test?method=Card", null));
        await KasseClient.Read<PaymentDevicesView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/registers/{shop.Register.Id}/payment-devices", new { cardTerminalUrl = terminal.Url, cardTerminalPoiId = "SIM-0001" }));
        var up = await KasseClient.Read<PaymentDeviceCheck>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/payment-devices/test?method=Card", null));

        Assert.Equal(PrintJobKind.TestSlip, job.Kind);
        Assert.Contains("TESTUDSKRIFT / TEST PRINT", slip);
        Assert.Contains(_printer.Address, slip);
        Assert.Contains(string.Concat(Enumerable.Range(1, 42).Select(i => (char)('0' + i % 10))), slip);
        Assert.False(down.Answered, down.Answer);
        Assert.True(up.Answered, up.Answer);
        Assert.Empty(await terminal.ListAsync("/control/transactions"));
    }

    [Fact]
    public async Task A_cash_refund_opens_the_drawer_and_prints_the_return_receipt()
    {
        var shop = await _api.NewShopAsync();
        var kettle = await _api.NewProductAsync(299.95m, name: "Elkedel");
        var sold = await _api.SellAsync(shop, PaymentMethod.Cash, (kettle, 1m)); // before the printer was set up: nothing printed
        await _api.AddReceiptPrinterAsync(shop, _printer);

        var ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
            [new ReturnLineRequest(sold.Lines[0].Id, 1m)], Reason: "Defekt låg"));

        // The emulator files each connection as it ends, so the two jobs may be filed in either order.
        var jobs = await _printer.WaitForJobsAsync(2);
        Assert.Single(jobs, j => j == "[DRAWER KICK pin 2]\n");
        var receipt = Assert.Single(jobs, j => j != "[DRAWER KICK pin 2]\n");
        Assert.Contains("RETUR / KREDITNOTA", receipt);
        Assert.Contains("Retur af bon nr. 1", receipt);
        Assert.Contains("Årsag: Defekt låg", receipt);
        Assert.Contains($"[CODE128 {ReceiptCode.For(ret.Id)}]", receipt);
    }

    [Fact]
    public async Task A_card_sale_opens_no_drawer_and_a_customer_who_wants_no_receipt_gets_no_paper()
    {
        var shop = await _api.NewShopAsync();
        await _api.AddReceiptPrinterAsync(shop, _printer);
        var milk = await _api.NewProductAsync(12.50m, name: "Letmælk");
        var paperless = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(paperless.Id, milk.Id);
        await _api.PayCashAsync(paperless.Id, 20m);
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{paperless.Id}/complete?printReceipt=false", null));

        var card = await _api.SellAsync(shop, PaymentMethod.Card, (milk, 1m));

        var jobs = await _printer.WaitForJobsAsync(2);
        Assert.Equal("[DRAWER KICK pin 2]\n", jobs[0]); // cash still opens the drawer without paper
        Assert.Contains("Betalingskort", jobs[1]);
        Assert.Contains("Bon nr. 2", jobs[1]);
        Assert.Equal([PrintJobKind.DrawerKick], (await _api.JobsOfAsync(paperless.Id)).Select(j => j.Kind));
        Assert.Equal([PrintJobKind.Receipt], (await _api.JobsOfAsync(card.Id)).Select(j => j.Kind));
    }

    [Fact]
    public async Task Receipts_wait_while_the_printer_is_off_are_shown_as_offline_and_print_once_in_order_when_it_is_back()
    {
        var shop = await _api.NewShopAsync();
        var printer = await _api.AddReceiptPrinterAsync(shop, _printer);
        var bread = await _api.NewProductAsync(25m, name: "Rugbrød");
        await _printer.SetStateAsync("offline");

        var first = await _api.SellAsync(shop, PaymentMethod.Card, (bread, 1m));
        var second = await _api.SellAsync(shop, PaymentMethod.Card, (bread, 2m));
        var offline = await PrintingIntents.EventuallyAsync(() => _api.PrinterAsync(printer.Id),
            p => p.State == PrinterState.Offline && p.QueuedJobs == 2, "the printer shown offline with two jobs waiting");
        var waiting = await PrintingIntents.EventuallyAsync(() => _api.JobsOfAsync(first.Id), j => j.Single() is { Attempts: >= 2, Status: PrintJobStatus.Queued }, "a second try, then waiting again");
        var tillSees = await KasseClient.Read<PrinterView>(await _api.Http.GetAsync($"/api/v1/registers/{shop.Register.Id}/printer"));
        Assert.Equal(PrinterState.Offline, tillSees.State);
        await _printer.SetStateAsync("online");

        var jobs = await _printer.WaitForJobsAsync(2);
        Assert.Contains("switched on", offline.Problem);
        var printed = string.Join("\n---\n", jobs);
        Assert.True(jobs[0].Contains("Bon nr. 1", StringComparison.Ordinal), $"The first job should be receipt 1; the printer got:\n{printed}");
        Assert.True(jobs[1].Contains("Bon nr. 2", StringComparison.Ordinal), $"The second job should be receipt 2; the printer got:\n{printed}");
        await PrintingIntents.EventuallyAsync(() => _api.PrinterAsync(printer.Id), p => p.State == PrinterState.Online && p.QueuedJobs == 0, "the printer back online");
        await _api.PrintQueueDoneAsync(server.Services, printer.Id, _printer);
        Assert.Equal(2, _printer.Jobs().Count); // each printed once
        Assert.Equal(PrintJobStatus.Printed, (await _api.JobsOfAsync(second.Id)).Single().Status);
    }

    [Fact]
    public async Task A_printer_out_of_paper_says_so_and_the_receipt_prints_after_a_new_roll()
    {
        var shop = await _api.NewShopAsync();
        var printer = await _api.AddReceiptPrinterAsync(shop, _printer);
        var bread = await _api.NewProductAsync(25m, name: "Franskbrød");
        await _printer.SetStateAsync("paper-out");

        var sale = await _api.SellAsync(shop, PaymentMethod.Card, (bread, 1m));
        var state = await PrintingIntents.EventuallyAsync(() => _api.PrinterAsync(printer.Id), p => p.State == PrinterState.PaperOut, "paper out shown");
        Assert.Empty(_printer.Jobs());
        await PrintingIntents.EventuallyAsync(() => _api.JobsOfAsync(sale.Id), j => j.Single() is { Attempts: >= 1, Status: PrintJobStatus.Queued }, "the receipt waiting");
        Assert.Empty(_printer.Jobs());
        await _printer.SetStateAsync("online");

        var job = Assert.Single(await _printer.WaitForJobsAsync(1));
        Assert.Contains("paper", state.Problem);
        Assert.Contains("Franskbrød", job);
    }

    [Fact]
    public async Task A_reprint_is_the_one_copy_marked_KOPI_and_a_retried_completion_prints_nothing_more()
    {
        var shop = await _api.NewShopAsync();
        var printer = await _api.AddReceiptPrinterAsync(shop, _printer);
        var cheese = await _api.NewProductAsync(49.95m, name: "Høost 45+");
        var sale = await _api.SellAsync(shop, PaymentMethod.Card, (cheese, 1m));
        await _printer.WaitForJobsAsync(1);

        await _api.CompleteAsync(sale.Id); // a retried tap on "complete"
        var copy = await _api.PostAsync($"/api/v1/sales/{sale.Id}/receipt/copy", null);
        var secondCopy = await _api.PostAsync($"/api/v1/sales/{sale.Id}/receipt/copy", null);

        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        await Refusal.Expect(secondCopy, HttpStatusCode.Conflict, "receipt.copy-printed");
        var jobs = await _printer.WaitForJobsAsync(2);
        Assert.DoesNotContain("KOPI", jobs[0]);
        Assert.Contains("*** KOPI ***", jobs[1]);
        Assert.Contains("Høost 45+", jobs[1]);
        await _api.PrintQueueDoneAsync(server.Services, printer.Id, _printer);
        Assert.Equal(2, _printer.Jobs().Count);
    }

    [Fact]
    public async Task No_sale_kicks_the_drawer_is_counted_on_the_X_report_and_the_report_prints()
    {
        var shop = await _api.NewShopAsync();
        await _api.AddReceiptPrinterAsync(shop, _printer);

        await KasseClient.Read<DrawerOpenedView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/drawer/open",
            new OpenDrawer(shop.CashierId, "Byttepenge til nabobutikken", new Approval(shop.SupervisorId, Shop.SupervisorPin))));
        var kick = Assert.Single(await _printer.WaitForJobsAsync(1));
        var report = await _api.XReportAsync(shop);
        var job = await KasseClient.Read<PrintJobView>(await _api.PostAsync($"/api/v1/reports/{report.Id}/print", null));

        Assert.Equal("[DRAWER KICK pin 2]\n", kick);
        Assert.Equal(1, report.DrawerOpens);
        Assert.Equal(PrintJobKind.Report, job.Kind);
        var printed = (await _printer.WaitForJobsAsync(2))[1];
        Assert.Contains("*** X-RAPPORT ***", printed);
        Assert.Contains("Skuffeåbninger uden salg", printed);
        Assert.EndsWith("[CUT]\n", printed);
    }

    [Fact]
    public async Task A_training_receipt_on_58_mm_paper_says_ØVELSE_and_fits_32_columns()
    {
        var shop = await _api.NewShopAsync();
        await _api.AddReceiptPrinterAsync(shop, _printer, columns: PaperWidth.Mm58);
        await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/training", new { on = true }));
        var juice = await _api.NewProductAsync(18m, name: "Æblejuice fra Fyn, økologisk 1 liter");

        await _api.SellAsync(shop, PaymentMethod.Cash, (juice, 1m));

        var receipt = Assert.Single(await _printer.WaitForJobsAsync(1)); // training moves no money: no drawer kick
        Assert.Contains("*** ØVELSE - IKKE GYLDIG ***", receipt);
        Assert.Contains("Æblejuice", receipt);
        Assert.All(PrintingIntents.TextLines(receipt), line => Assert.True(line.Length <= 32, $"'{line}' is wider than 32 columns"));
    }

    [Fact]
    public async Task Printer_settings_that_cannot_work_are_refused_with_a_reason()
    {
        var shop = await _api.NewShopAsync();
        var stores = $"/api/v1/stores/{shop.Store.Id}/printers";
        SavePrinter Receipt(string address = "192.168.1.50:9100", int columns = 42, Guid? register = null) =>
            new(Guid.CreateVersion7(), "Bon", PrinterRole.Receipt, PrinterConnection.Network, address, register ?? shop.Register.Id, Columns: columns);

        await Refusal.Expect(await _api.PostAsync(stores, Receipt(columns: 40)), HttpStatusCode.BadRequest, "printer.columns");
        await Refusal.Expect(await _api.PostAsync(stores, Receipt(address: "printer 1")), HttpStatusCode.BadRequest, "printer.address");
        await Refusal.Expect(await _api.PostAsync(stores, Receipt(address: "10.0.0.9:99999")), HttpStatusCode.BadRequest, "printer.address");
        await Refusal.Expect(await _api.PostAsync(stores, new SavePrinter(Guid.CreateVersion7(), "USB", PrinterRole.Receipt, PrinterConnection.DeviceFile,
            "lp0", shop.Register.Id)), HttpStatusCode.BadRequest, "printer.address");
        await Refusal.Expect(await _api.PostAsync(stores, Receipt() with { RegisterId = null }), HttpStatusCode.BadRequest, "printer.register");
        await Refusal.Expect(await _api.PostAsync(stores, Receipt(register: Guid.CreateVersion7())), HttpStatusCode.NotFound, "register.not-found");
        await KasseClient.Read<PrinterView>(await _api.PostAsync(stores, Receipt()));
        await Refusal.Expect(await _api.PostAsync(stores, Receipt()), HttpStatusCode.Conflict, "printer.register-taken");
        await Refusal.Expect(await _api.Http.GetAsync("/api/v1/print-jobs"), HttpStatusCode.BadRequest, "print-jobs.filter");
        var other = await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/registers/{other.Id}/printer"), HttpStatusCode.NotFound, "printer.none-for-register");
        await Refusal.Expect(await _api.PostAsync($"/api/v1/reports/{Guid.CreateVersion7()}/print", null), HttpStatusCode.NotFound);
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/receipts/12345"), HttpStatusCode.BadRequest, "receipt.code");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/receipts/{ReceiptCode.For(Guid.CreateVersion7())}"), HttpStatusCode.NotFound, "sale.receipt-not-found");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PrintingOnSqlite(SqliteServer server) : PrintingTests(server);

[Collection(PostgresCollection.Name)]
public sealed class PrintingOnPostgres(PostgresServer server) : PrintingTests(server);
