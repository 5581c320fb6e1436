using Kasse.Application.Sales;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.BackOffice;

/// <summary>
/// The proof the issue asks for on both databases: a manager creates a product with a barcode in the back office,
/// and a cashier then scans that barcode at the till (a keyboard-wedge burst in the browser) and sells it.
/// </summary>
public abstract class BackOfficeProductTests(BrowserServer server)
{
    [Fact]
    public async Task A_product_created_in_the_back_office_with_a_barcode_is_scanned_onto_a_sale()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var barcode = Ean.Fresh();
        var category = "Saft " + suffix;
        var register = await server.NewRegisterAsync("Kasse Vare " + suffix);
        var page = await server.NewBackOfficePageAsync();

        await page.GotoInteractiveAsync("/backoffice/categories");
        await page.GetByTestId("new-category").FillAsync(category);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tilføj varegruppe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = category, Exact = true })).ToBeVisibleAsync();

        await page.GotoInteractiveAsync("/backoffice/products/new");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ny vare");
        await page.GetByLabel("Navn").FillAsync("Hyldeblomstsaft " + suffix);
        await page.GetByLabel("Varenr.").FillAsync("HYLD-" + suffix);
        await page.GetByLabel("Pris inkl. moms").FillAsync("34,95");
        await page.GetByLabel("Moms", new() { Exact = true }).SelectOptionAsync("25");
        await page.GetByLabel("Varegruppe").SelectOptionAsync(new SelectOptionValue { Label = category });
        await page.GetByLabel("Kostpris (valgfri)").FillAsync("19,50");
        await page.GetByLabel("Stregkoder", new() { Exact = false }).FillAsync(barcode);
        await page.GetByTestId("save-product").ClickAsync();

        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Gemt.");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/backoffice/products/[0-9a-f-]{36}"));
        await Assertions.Expect(page.GetByLabel("Pris inkl. moms")).ToHaveValueAsync("34,95");

        // The list finds it by its barcode, with its price in Danish format.
        await page.GotoInteractiveAsync("/backoffice/products");
        await page.GetByTestId("product-search").FillAsync(barcode);
        var row = page.Locator($"tr[data-sku='HYLD-{suffix}']");
        await Assertions.Expect(row).ToContainTextAsync("Hyldeblomstsaft " + suffix);
        await Assertions.Expect(row).ToContainTextAsync("34,95");
        await Assertions.Expect(row).ToContainTextAsync(category);
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Artifacts.ScreenshotAsync(page, $"backoffice-products-{server.Provider.ToString().ToLowerInvariant()}");

        // At the till: scanned as a keyboard-wedge burst, shown with its price, paid in cash.
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        await till.ScanAsync(barcode, 1);
        await Assertions.Expect(till.CartLines).ToContainTextAsync("Hyldeblomstsaft " + suffix);
        await Assertions.Expect(till.Total).ToHaveTextAsync("34,95 kr.");
        await till.PayAsync();
        await till.Quick("50,00").ClickAsync();
        await Assertions.Expect(till.Page.GetByTestId("change-due")).ToHaveTextAsync("15,00 kr.");
        await Assertions.Expect(till.Page.GetByTestId("receipt-text")).ToContainTextAsync("Hyldeblomstsaft " + suffix);
        await Artifacts.ScreenshotAsync(till.Page, $"backoffice-product-sold-{server.Provider.ToString().ToLowerInvariant()}");

        var sales = await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s => s.ListAsync(register.StoreId, SaleStatus.Completed, 500, default));
        var paid = Assert.Single(sales, s => s.RegisterId == register.Id);
        var line = Assert.Single(paid.Lines);
        Assert.Equal("Hyldeblomstsaft " + suffix, line.Name);
        Assert.Equal(34.95m, line.UnitPrice);
        Assert.Equal(25m, line.VatPercent);
        Assert.Equal(34.95m, paid.TotalAmount);
        Assert.Equal(15.00m, paid.ChangeGiven); // 34,95 in cash rounds to 35,00
        Assert.Equal(1L, paid.ReceiptNumber);
        Assert.Equal(0.05m, paid.CashRounding);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteBackOfficeProductTests(SqliteBrowserServer server) : BackOfficeProductTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresBackOfficeProductTests(PostgresBrowserServer server) : BackOfficeProductTests(server);
