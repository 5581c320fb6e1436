using System.Globalization;
using Kasse.Application.Demo;
using Kasse.Application.Printing;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain.Devices;
using Kasse.Domain.Sales;
using Kasse.Devices.Printing;
using Kasse.Tests;
using Kasse.Tests.Printing;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Browser.Tests.Till;

/// <summary>
/// The till printing on the register's receipt printer: tools/Kasse.PrinterEmulator runs as its own process on a
/// loopback port, receives the ESC/POS over a real socket and writes what the paper would show.
/// </summary>
public abstract class PrintingTillTests(BrowserServer server)
{
    private const string Franskbrod = "5703390314485"; // Franskbrød, skiveskåret 750 g: 22,95

    /// <summary>
    /// Waits until the print queue is done with the sale (none of its jobs queued or being sent, then a whole round of
    /// the queue) and the printer has filed what it got: what has come out by then is all that will.
    /// </summary>
    private async Task PrintQueueDoneAsync(Guid saleId, PrinterEmulatorProcess printer)
    {
        await Eventually.HoldsAsync(() => server.UseAsync<KasseDbContext, int>(db => db.PrintJobs.CountAsync(j => j.SubjectId == saleId
            && (j.Status == PrintJobStatus.Queued || j.Status == PrintJobStatus.Sending))), open => open == 0, "the sale's print jobs to be done");
        await server.Services.RoundAsync<PrintQueueWorker>();
        await printer.WaitUntilIdleAsync();
    }

    private async Task<(TillPage Till, PrinterEmulatorProcess Printer, Guid RegisterId)> TillWithPrinterAsync(string name)
    {
        var printer = await PrinterEmulatorProcess.StartAsync();
        var register = await server.NewRegisterAsync($"Kasse {server.Provider} {name}");
        await server.UseAsync<PrinterService, PrinterView>(p => p.SaveAsync(DemoSeeder.StoreId,
            new SavePrinter(Guid.CreateVersion7(), $"Bonprinter {name}", PrinterRole.Receipt, PrinterConnection.Network, printer.Address, register.Id),
            CancellationToken.None));
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        return (till, printer, register.Id);
    }

    private async Task<SaleView> LastSaleAsync(Guid registerId)
    {
        var sales = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s => s.ListAsync(DemoSeeder.StoreId, SaleStatus.Completed, 500, default));
        return sales.Where(s => s.RegisterId == registerId).OrderByDescending(s => s.ReceiptNumber).First();
    }

    [Fact]
    public async Task A_scanned_cash_sale_kicks_the_drawer_and_prints_a_receipt_with_Danish_letters_and_its_barcode_and_a_reprint_is_the_copy()
    {
        var (till, printer, registerId) = await TillWithPrinterAsync("bon");
        await using var _ = printer;
        var page = till.Page;
        await Assertions.Expect(page.GetByTestId("printer-state")).ToHaveAttributeAsync("data-state", "Online");

        await till.ScanAsync(CheckoutTests.Rugbrod, 1);
        await till.ScanAsync(Franskbrod, 2);
        await till.PayAsync();
        await Assertions.Expect(page.GetByTestId("receipt-choice")).ToHaveTextAsync("Kvittering: ja");
        await till.Quick("Præcis").ClickAsync();
        await Assertions.Expect(page.GetByTestId("receipt-text")).ToContainTextAsync("Franskbrød, skiveskåret 750 g");

        var jobs = await printer.WaitForJobsAsync(2);
        var sale = await LastSaleAsync(registerId);
        Assert.Equal("[DRAWER KICK pin 2]\n", jobs[0]);
        var receipt = jobs[1];
        Assert.Contains("Købmand Hansen", receipt);
        Assert.Contains("Rugbrød, groft 1 kg", receipt);
        Assert.Contains("Franskbrød, skiveskåret 750 g", receipt);
        Assert.Contains("Bon nr. " + sale.ReceiptNumber!.Value.ToString(CultureInfo.InvariantCulture), receipt);
        Assert.Contains($"[CODE128 {ReceiptCode.For(sale.Id)}]\n", receipt);
        Assert.DoesNotContain("KOPI", receipt);

        // The receipt went out at completion: "Print" says so instead of printing a second original, and offers the copy.
        await page.GetByTestId("print-receipt").ClickAsync();
        await Assertions.Expect(page.GetByTestId("print-note")).ToContainTextAsync("allerede sendt");
        await page.GetByTestId("print-copy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("print-note")).ToContainTextAsync("Sendt til printeren");
        var copy = (await printer.WaitForJobsAsync(3))[2];
        Assert.Contains("*** KOPI ***", copy);
        Assert.Contains($"[CODE128 {ReceiptCode.For(sale.Id)}]\n", copy);
        await Artifacts.ScreenshotAsync(page, $"till-printed-{server.Provider}");
    }

    [Fact]
    public async Task No_receipt_completes_without_paper_journals_it_and_Print_afterwards_sends_the_receipt_to_the_printer()
    {
        var (till, printer, registerId) = await TillWithPrinterAsync("ingen bon");
        await using var _ = printer;
        var page = till.Page;

        await till.ScanAsync(CheckoutTests.Rugbrod, 1);
        await till.PayAsync();
        await page.GetByTestId("receipt-choice").ClickAsync();
        await Assertions.Expect(page.GetByTestId("receipt-choice")).ToHaveTextAsync("Kvittering: nej");
        await till.Quick("Præcis").ClickAsync();
        await Assertions.Expect(page.GetByTestId("receipt-text")).ToContainTextAsync("Rugbrød");

        var sale = await LastSaleAsync(registerId);
        Assert.Equal(["[DRAWER KICK pin 2]\n"], await printer.WaitForJobsAsync(1));
        var withoutReceipt = await server.UseAsync<KasseDbContext, int>(db =>
            db.JournalEntries.CountAsync(e => e.SaleId == sale.Id && e.Kind == nameof(Kasse.Domain.Fiscal.JournalEventKind.SaleConcludedWithoutReceipt)));
        Assert.Equal(1, withoutReceipt);
        await PrintQueueDoneAsync(sale.Id, printer);
        Assert.Single(printer.Jobs()); // nothing else came out

        // The customer changes their mind: Print sends the receipt to the printer.
        await page.GetByTestId("print-receipt").ClickAsync();
        await Assertions.Expect(page.GetByTestId("print-note")).ToContainTextAsync("Sendt til printeren");
        var receipt = (await printer.WaitForJobsAsync(2))[1];
        Assert.Contains("Rugbrød, groft 1 kg", receipt);
        Assert.Contains($"[CODE128 {ReceiptCode.For(sale.Id)}]\n", receipt);
    }

    [Fact]
    public async Task A_reprint_from_the_back_office_receipt_look_up_goes_to_the_registers_printer_as_the_one_KOPI()
    {
        var (till, printer, registerId) = await TillWithPrinterAsync("genoptryk");
        await using var _ = printer;
        await till.ScanAsync(Franskbrod, 1);
        await till.PayAsync();
        await till.Tender("Card").ClickAsync();
        await Assertions.Expect(till.Page.GetByTestId("receipt-text")).ToContainTextAsync("Franskbrød");
        Assert.Single(await printer.WaitForJobsAsync(1)); // the original; a card sale opens no drawer
        var sale = await LastSaleAsync(registerId);

        var office = await server.NewBackOfficePageAsync();
        await office.GotoInteractiveAsync("/backoffice/sales");
        await office.GetByTestId("find-number").FillAsync(sale.ReceiptNumber!.Value.ToString(CultureInfo.InvariantCulture));
        await office.GetByTestId("find-date").FillAsync(sale.BusinessDay!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await office.GetByTestId("find-amount").FillAsync(sale.TotalAmount.ToString("0.00", CultureInfo.GetCultureInfo("da-DK")));
        await office.GetByTestId("find").ClickAsync();
        await Assertions.Expect(office.GetByTestId("receipt-view")).ToBeVisibleAsync();
        await office.GetByTestId("print-copy").ClickAsync();

        await Assertions.Expect(office.GetByTestId("copy-sent")).ToContainTextAsync("Sendt til printeren Bonprinter genoptryk");
        var copy = (await printer.WaitForJobsAsync(2))[1];
        Assert.Contains("*** KOPI ***", copy);
        Assert.Contains("Franskbrød, skiveskåret 750 g", copy);
        Assert.Contains($"[CODE128 {ReceiptCode.For(sale.Id)}]\n", copy);
    }

    [Fact]
    public async Task A_printer_out_of_paper_shows_on_the_till_with_the_waiting_receipt_which_prints_once_paper_is_back()
    {
        var (till, printer, _) = await TillWithPrinterAsync("papir");
        await using var _p = printer;
        var page = till.Page;
        await printer.SetStateAsync("paper-out");

        await till.ScanAsync(CheckoutTests.Rugbrod, 1);
        await till.PayAsync();
        await till.Tender("Card").ClickAsync(); // no terminal on this register: recorded, no drawer kick
        await Assertions.Expect(page.GetByTestId("receipt-text")).ToContainTextAsync("Rugbrød");
        await page.GetByTestId("new-sale").ClickAsync();

        await Assertions.Expect(page.GetByTestId("printer-state")).ToHaveAttributeAsync("data-state", "PaperOut", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("printer-warning")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("printer-state")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"^1 udskrift venter"));
        await Artifacts.ScreenshotAsync(page, $"till-printer-paper-out-{server.Provider}");
        Assert.Empty(printer.Jobs());

        await printer.SetStateAsync("online");
        var receipt = Assert.Single(await printer.WaitForJobsAsync(1, TimeSpan.FromSeconds(60)));
        Assert.Contains("Rugbrød, groft 1 kg", receipt);
        await Assertions.Expect(page.GetByTestId("printer-warning")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("printer-state")).ToHaveAttributeAsync("data-state", "Online");
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqlitePrintingTillTests(SqliteBrowserServer server) : PrintingTillTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresPrintingTillTests(PostgresBrowserServer server) : PrintingTillTests(server);
