using Kasse.Application.Sales;
using Kasse.Domain.Sales;
using Kasse.Server.Ui.Display;

namespace Kasse.Browser.Tests.Till;

/// <summary>Selling at the till in a real browser, on both databases.</summary>
public abstract class CheckoutTests(BrowserServer server)
{
    public const string Rugbrod = "5704312418755";       // Rugbrød, groft 1 kg: 28,95
    public const string Hamburgerryg412g = "2300101004128"; // 412 g at 199,00/kg: 81,99

    [Fact]
    public async Task A_scanned_sale_paid_in_cash_shows_the_rounding_the_change_and_the_receipt()
    {
        var register = await server.NewRegisterAsync($"Kasse {server.Provider} kontant");
        var page = await server.NewPageAsync();
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();
        await till.SignInAsync();

        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Hamburgerryg412g, 2);
        await Assertions.Expect(till.Total).ToHaveTextAsync("110,94 kr.");
        await Assertions.Expect(page.GetByTestId("totals")).ToContainTextAsync("Heraf moms 25 %");
        await Assertions.Expect(page.GetByTestId("totals")).ToContainTextAsync("22,19");
        await Artifacts.ScreenshotAsync(page, $"till-{server.Provider}");

        await till.PayAsync();
        await Assertions.Expect(page.GetByTestId("cash-due")).ToHaveTextAsync("111,00 kr.");
        await Assertions.Expect(page.GetByTestId("cash-rounding")).ToContainTextAsync("+0,06");
        await Assertions.Expect(till.Quick("Præcis")).ToBeVisibleAsync();
        await Assertions.Expect(till.Quick("150,00")).ToBeVisibleAsync();
        await Assertions.Expect(till.Quick("200,00")).ToBeVisibleAsync();
        await Assertions.Expect(till.Quick("500,00")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, $"payment-{server.Provider}");
        await till.Quick("200,00").ClickAsync();

        await Assertions.Expect(page.GetByTestId("change-due")).ToHaveTextAsync("89,00 kr.");
        await Assertions.Expect(page.GetByTestId("receipt-rounding")).ToContainTextAsync("+0,06");
        var receipt = page.GetByTestId("receipt-text");
        await Assertions.Expect(receipt).ToContainTextAsync("Købmand Hansen");
        await Assertions.Expect(receipt).ToContainTextAsync("Rugbrød, groft 1 kg");
        await Assertions.Expect(receipt).ToContainTextAsync("110,94");
        await Assertions.Expect(page.GetByTestId("receipt-qr").Locator("svg")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, $"receipt-{server.Provider}");

        // What the browser showed is what was booked.
        var sales = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s => s.ListAsync(register.StoreId, SaleStatus.Completed, 500, default));
        var sale = Assert.Single(sales, s => s.RegisterId == register.Id);
        Assert.Equal(110.94m, sale.TotalAmount);
        Assert.Equal(0.06m, sale.CashRounding);
        Assert.Equal(89.00m, sale.ChangeGiven);
        Assert.Equal(1, sale.ReceiptNumber);

        // The receipt's QR link opens the same receipt for the customer.
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        Assert.Contains("Rugbrød, groft 1 kg", await http.GetStringAsync($"/receipt/{sale.Id}", TestContext.Current.CancellationToken));

        // E-mailed through the configured sender: a message in the folder.
        await page.Locator("#receipt-mail").FillAsync("kunde@example.dk");
        await page.GetByTestId("send-receipt").ClickAsync();
        await Assertions.Expect(page.GetByTestId("mail-note")).ToContainTextAsync("kunde@example.dk");
        var mail = Assert.Single(Directory.GetFiles(server.MailFolder, "*-receipt-1-*.eml"));
        Assert.Contains("To: kunde@example.dk", await File.ReadAllTextAsync(mail, TestContext.Current.CancellationToken));

        await page.GetByTestId("new-sale").ClickAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(0);
        await Assertions.Expect(till.Total).ToHaveTextAsync("0,00 kr.");
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteCheckoutTests(SqliteBrowserServer server) : CheckoutTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresCheckoutTests(PostgresBrowserServer server) : CheckoutTests(server);
