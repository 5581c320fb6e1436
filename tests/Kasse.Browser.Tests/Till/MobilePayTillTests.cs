using Kasse.Application.Payments;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Browser.Tests.Till;

/// <summary>The till paying by MobilePay through the MobilePay simulator from tools/, its own process on loopback.</summary>
public abstract class MobilePayTillTests(BrowserServer server)
{
    /// <summary>A register of its own paying through its own MobilePay simulator, a bread scanned and the pay dialog open.</summary>
    private async Task<(TillPage Till, SimulatorProcess MobilePay, RegisterView Register)> TillAtPaymentAsync(string name)
    {
        var mobilePay = await SimulatorProcess.StartAsync(SimulatorProcess.MobilePay);
        var register = await server.NewRegisterAsync($"Kasse {server.Provider} {name}");
        await server.UseAsync<PaymentDevices, PaymentDevicesView>(d =>
            d.ChangeAsync(register.Id, new ChangePaymentDevices(MobilePayUrl: mobilePay.Url, MobilePayMerchantSerialNumber: "123456", TimeoutSeconds: 30),
                CancellationToken.None));
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        await till.ScanAsync(CheckoutTests.Rugbrod, 1);
        await till.PayAsync();
        return (till, mobilePay, register);
    }

    [Fact]
    public async Task MobilePay_waits_for_the_customers_phone_and_completes_when_they_approve_in_the_app()
    {
        var (till, mobilePay, register) = await TillAtPaymentAsync("MobilePay");
        await using var _ = mobilePay;
        await Assertions.Expect(till.Page.GetByTestId("device-setup")).ToContainTextAsync("MobilePay betales i kundens app");

        await till.Tender("MobilePay").ClickAsync();

        await Assertions.Expect(till.Page.GetByTestId("device-waiting")).ToContainTextAsync("Venter på kundens telefon");
        var created = await mobilePay.WaitForAsync("control/payments", list => list.Length == 1, "the MobilePay payment");
        await Artifacts.ScreenshotAsync(till.Page, $"mobilepay-waiting-{server.Provider}");
        await mobilePay.ControlAsync($"control/payments/{created[0].GetProperty("reference").GetString()}/approve");

        await Assertions.Expect(till.Page.GetByTestId("receipt-text")).ToContainTextAsync("MobilePay");
        var sales = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s => s.ListAsync(register.StoreId, SaleStatus.Completed, 500, default));
        var sale = Assert.Single(sales, s => s.RegisterId == register.Id);
        Assert.Equal((PaymentMethod.MobilePay, 28.95m), (Assert.Single(sale.Payments).Method, sale.Payments[0].Amount));
        var captured = Assert.Single(await mobilePay.ListAsync("control/payments"));
        Assert.Equal(2895L, captured.GetProperty("captured").GetInt64());
    }

    [Fact]
    public async Task A_typed_tip_is_asked_for_in_the_app_on_top_of_the_sale_and_printed_apart()
    {
        var (till, mobilePay, register) = await TillAtPaymentAsync("MobilePay drikkepenge");
        await using var _ = mobilePay;

        await till.Page.GetByTestId("tip-amount").FillAsync("5");
        await Assertions.Expect(till.Page.GetByTestId("tip-summary")).ToContainTextAsync("33,95");
        await till.Tender("MobilePay").ClickAsync();
        var created = await mobilePay.WaitForAsync("control/payments", list => list.Length == 1, "the MobilePay payment with the tip");
        await mobilePay.ControlAsync($"control/payments/{created[0].GetProperty("reference").GetString()}/approve");

        await Assertions.Expect(till.Page.GetByTestId("receipt-text")).ToContainTextAsync("Drikkepenge");
        await Assertions.Expect(till.Page.GetByTestId("receipt-text")).ToContainTextAsync("5,00");
        var sales = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s => s.ListAsync(register.StoreId, SaleStatus.Completed, 500, default));
        var payment = Assert.Single(Assert.Single(sales, s => s.RegisterId == register.Id).Payments);
        Assert.Equal((PaymentMethod.MobilePay, 28.95m, 5.00m), (payment.Method, payment.Amount, payment.Tip));
        // The guest approved the sale and the tip in one in the app, and Kasse captured both.
        var captured = Assert.Single(await mobilePay.ListAsync("control/payments"));
        Assert.Equal((3395L, 3395L), (created[0].GetProperty("value").GetInt64(), captured.GetProperty("captured").GetInt64()));
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteMobilePayTillTests(SqliteBrowserServer server) : MobilePayTillTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresMobilePayTillTests(PostgresBrowserServer server) : MobilePayTillTests(server);
