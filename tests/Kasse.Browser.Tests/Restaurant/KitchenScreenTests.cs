using Kasse.Application.Demo;

namespace Kasse.Browser.Tests.Restaurant;

/// <summary>
/// The waiter's till and the kitchen's screen side by side (issue 22): a table's order is sent with its mains held, the
/// kitchen screen shows the starters without a reload, the cook bumps them, the waiter fires the mains and they appear.
/// </summary>
public abstract class KitchenScreenTests(BrowserServer server)
{
    private const string Rugbrod = Till.CheckoutTests.Rugbrod; // Rugbrød, groft 1 kg
    private const string Solsikke = "5708066750475"; // Rugbrød, solsikke 750 g

    [Fact]
    public async Task The_kitchen_screen_shows_the_starters_at_once_the_cook_bumps_them_and_the_fired_mains_appear()
    {
        var kitchen = await server.NewBackOfficePageAsync();
        await kitchen.GotoInteractiveAsync($"/kitchen/{DemoSeeder.KitchenStationId}");
        await Assertions.Expect(kitchen.GetByTestId("kds-title")).ToHaveTextAsync("Køkken");

        var register = await server.NewRegisterAsync("Kasse tjener");
        var page = await server.NewPageAsync();
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        await page.GetByTestId("open-floor").ClickAsync();
        await page.Locator("[data-testid=floor-table][data-table='7']").ClickAsync();
        await page.Locator("[data-testid=covers][data-covers='2']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("till")).ToHaveAttributeAsync("data-scanner", "ready");
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Solsikke, 2);
        await page.GetByTestId("open-kitchen").ClickAsync();
        var mainsLine = page.GetByTestId("kitchen-line").Nth(1);
        await mainsLine.Locator("[data-testid=line-course][data-course='2']").ClickAsync();
        await Assertions.Expect(mainsLine).ToHaveAttributeAsync("data-course", "2");
        await page.GetByTestId("kitchen-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("kitchen-done")).ToHaveTextAsync("Sendt til køkkenet.");
        await Artifacts.ScreenshotAsync(page, $"kitchen-till-sent-{server.Provider}");

        var starters = kitchen.Locator("[data-testid=kds-ticket][data-table='7'][data-course='1']");
        var mains = kitchen.Locator("[data-testid=kds-ticket][data-table='7'][data-course='2']");
        await Assertions.Expect(starters).ToHaveAttributeAsync("data-status", "Open");
        await Assertions.Expect(starters).ToContainTextAsync("Rugbrød, groft 1 kg");
        await Assertions.Expect(mains).ToHaveAttributeAsync("data-status", "Held");
        await Artifacts.ScreenshotAsync(kitchen, $"kitchen-screen-{server.Provider}");
        await starters.GetByTestId("kds-bump").ClickAsync();
        await Assertions.Expect(starters).ToHaveCountAsync(0);

        await page.GetByTestId("kitchen-fire").And(page.Locator("[data-course='2']")).ClickAsync();
        await Assertions.Expect(page.GetByTestId("kitchen-done")).ToHaveTextAsync("Ret 2 er sendt i gang.");
        await Assertions.Expect(mains).ToHaveAttributeAsync("data-status", "Open");
        await Assertions.Expect(mains).ToContainTextAsync("Rugbrød, solsikke 750 g");
        await Artifacts.ScreenshotAsync(kitchen, $"kitchen-screen-fired-{server.Provider}");
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteKitchenScreenTests(SqliteBrowserServer server) : KitchenScreenTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresKitchenScreenTests(PostgresBrowserServer server) : KitchenScreenTests(server);
