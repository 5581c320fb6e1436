using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Domain.Menu;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.Restaurant;

/// <summary>The demo café's menu at the till (issue 22): a latte with a size, oat milk and a note, on the line and the receipt.</summary>
public abstract class MenuTillTests(BrowserServer server)
{
    [Fact]
    public async Task A_cashier_adds_a_latte_with_oat_milk_and_a_note_and_sees_the_price_and_the_modifiers_on_the_line_and_the_receipt()
    {
        var register = await server.NewRegisterAsync("Kasse menukort");
        var page = await server.NewPageAsync();
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();
        await till.SignInAsync();

        await page.Locator("#till-search").FillAsync("latte");
        await page.Locator(".product[data-sku='CAF-005']").ClickAsync();
        var dialog = page.GetByTestId("modifier-dialog");
        await Assertions.Expect(dialog.GetByTestId("modifier-allergens")).ToContainTextAsync("Mælk");
        await Assertions.Expect(dialog.GetByTestId("modifier-add")).ToBeDisabledAsync(); // the size is required
        await dialog.Locator("[data-testid=modifier-option][data-option='Mellem']").ClickAsync();
        await dialog.Locator("[data-testid=modifier-option][data-option='Havremælk']").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("modifier-price")).ToHaveTextAsync("47,00");
        await dialog.GetByTestId("modifier-note").FillAsync("Ekstra varm");
        await Artifacts.ScreenshotAsync(page, $"menu-modifiers-{server.Provider}");
        await dialog.GetByTestId("modifier-add").ClickAsync();

        await Assertions.Expect(till.CartLines).ToHaveCountAsync(1);
        var line = till.CartLines.First;
        await Assertions.Expect(line.GetByTestId("line-total")).ToHaveTextAsync("47,00");
        await Assertions.Expect(line.GetByTestId("line-modifier")).ToHaveTextAsync(["Mellem", "Havremælk +5,00"]);
        await Assertions.Expect(line.GetByTestId("line-note")).ToContainTextAsync("Ekstra varm");
        // The demo's oat drink has gluten: the oat milk put in brings it to the line.
        await Assertions.Expect(line.GetByTestId("line-allergen")).ToHaveTextAsync(["Gluten", "Mælk"]);
        await Assertions.Expect(till.Total).ToHaveTextAsync("47,00 kr.");
        await Artifacts.ScreenshotAsync(page, $"menu-cart-{server.Provider}");

        await till.PayAsync();
        await till.Quick("Præcis").ClickAsync();
        var receipt = page.GetByTestId("receipt-text");
        await Assertions.Expect(receipt).ToContainTextAsync("Caffè latte");
        await Assertions.Expect(receipt).ToContainTextAsync("Havremælk");
        await Assertions.Expect(receipt).ToContainTextAsync("+5,00");
        await Assertions.Expect(receipt).ToContainTextAsync("Note: Ekstra varm");

        var sale = Assert.Single(await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(async s =>
            (await s.ListAsync(DemoSeeder.StoreId, SaleStatus.Completed, 500, default)).Where(x => x.RegisterId == register.Id).ToList()));
        var sold = Assert.Single(sale.Lines);
        Assert.Equal((47.00m, "Ekstra varm"), (sold.UnitPrice, sold.Note));
        Assert.Equal(["Mellem", "Havremælk"], sold.Modifiers.Select(m => m.Name));
        Assert.Equal([Allergens.Gluten, Allergens.Milk], sold.Allergens);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteMenuTillTests(SqliteBrowserServer server) : MenuTillTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresMenuTillTests(PostgresBrowserServer server) : MenuTillTests(server);
