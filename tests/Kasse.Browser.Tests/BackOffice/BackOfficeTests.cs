using System.Globalization;
using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Server.Ui.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Browser.Tests.BackOffice;

[Collection(SqliteBrowserCollection.Name)]
public sealed class BackOfficeTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task The_receipt_header_and_footer_set_in_the_store_settings_print_on_the_next_receipt()
    {
        var original = await server.UseAsync<StoreService, StoreView>(s => s.GetAsync(DemoSeeder.StoreId, CancellationToken.None));
        try
        {
            var page = await server.NewBackOfficePageAsync();
            await page.GotoInteractiveAsync("/backoffice/store");
            await Assertions.Expect(page.GetByLabel("Navn", new() { Exact = true }).First).ToHaveValueAsync(original.Name);

            // A VAT rate the catalogue sells at can't be taken away; the page says why.
            await page.GetByTestId("vat-rates").Locator("tbody tr").First.GetByRole(AriaRole.Button, new() { Name = "Fjern" }).ClickAsync();
            await page.GetByTestId("save-store").ClickAsync();
            await Assertions.Expect(page.GetByTestId("error")).ToContainTextAsync("ikke længere ville have");

            await page.GotoInteractiveAsync("/backoffice/store");
            await page.GetByLabel("Bonhoved").FillAsync("Åbent alle dage 8–21\nwww.koebmand-hansen.dk");
            await page.GetByLabel("Bonfod").FillAsync("Bytteret 30 dage mod bon");
            await page.GetByTestId("save-store").ClickAsync();
            await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Gemt.");
            await Artifacts.ScreenshotAsync(page, "backoffice-store-settings");

            var (sale, register) = await SellOneAsync(42.10m, "Kasse Bonhoved");
            await page.GotoInteractiveAsync("/backoffice/sales");
            var text = await ShowReceiptAsync(page, sale, register);
            Assert.Contains("Åbent alle dage 8–21", text);
            Assert.Contains("www.koebmand-hansen.dk", text);
            Assert.Contains("Bytteret 30 dage mod bon", text);
            Assert.True(text.IndexOf("Åbent alle dage", StringComparison.Ordinal) < text.IndexOf("Bon nr. ", StringComparison.Ordinal), text);
            Assert.True(text.IndexOf("Bytteret", StringComparison.Ordinal) > text.IndexOf("Tak for handlen!", StringComparison.Ordinal), text);
        }
        finally
        {
            await RestoreAsync(original);
        }
    }

    [Fact]
    public async Task A_csv_file_with_a_bad_line_is_refused_naming_the_line_and_its_good_lines_import_when_asked()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var csv = Path.Combine(Path.GetTempPath(), $"kasse-import-{suffix}.csv");
        await File.WriteAllTextAsync(csv, string.Join('\n',
            "sku;name;category;price;vat_rate;unit;barcodes;cost_price",
            $"IMP-{suffix}-1;Rugbrød {suffix};Brød;28,50;25;stk;;14,00",
            $"IMP-{suffix}-2;Kringle {suffix};Brød;tre kroner;25;stk;;",
            $"IMP-{suffix}-3;Æblekage {suffix};Brød;45,00;25;stk;;") + "\n", TestContext.Current.CancellationToken);
        try
        {
            var page = await server.NewBackOfficePageAsync();
            await page.GotoInteractiveAsync("/backoffice/import");
            await page.GetByTestId("import-file").SetInputFilesAsync(csv);
            await page.GetByTestId("import-go").ClickAsync();

            var report = page.GetByTestId("import-report");
            await Assertions.Expect(report).ToHaveAttributeAsync("data-imported", "false");
            await Assertions.Expect(report).ToContainTextAsync("Intet blev importeret: 1 fejl");
            var error = page.GetByTestId("import-errors").Locator("li");
            await Assertions.Expect(error).ToHaveCountAsync(1);
            await Assertions.Expect(error).ToHaveAttributeAsync("data-line", "3");
            await Assertions.Expect(error).ToContainTextAsync("Linje 3 (price)");
            await Artifacts.ScreenshotAsync(page, "backoffice-import-errors");
            Assert.Equal(0, (await Search($"IMP-{suffix}")).Total);

            await page.GetByTestId("skip-bad").CheckAsync();
            await page.GetByTestId("import-go").ClickAsync();
            await Assertions.Expect(report).ToHaveAttributeAsync("data-imported", "true");
            await Assertions.Expect(report).ToContainTextAsync("Importeret: 2 oprettet, 0 opdateret, 1 linjer sprunget over.");
            var imported = await Search($"IMP-{suffix}");
            Assert.Equal(["Rugbrød " + suffix, "Æblekage " + suffix], imported.Items.Select(p => p.Name).Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public async Task A_receipt_is_found_by_number_date_and_amount_and_only_one_copy_is_ever_printed()
    {
        var price = 100m + Random.Shared.Next(1, 9999) / 100m;
        var (sale, register) = await SellOneAsync(price, "Kasse Kopi");
        var page = await server.NewBackOfficePageAsync();
        await page.GotoInteractiveAsync("/backoffice/sales");

        // By number alone: every register has a receipt 1, so the list names the register.
        await page.GetByTestId("find-number").FillAsync(sale.ReceiptNumber!.Value.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("find").ClickAsync();
        await Assertions.Expect(page.GetByTestId("receipt-matches").Locator("tr", new() { HasText = register.Name })).ToHaveCountAsync(1);

        var text = await ShowReceiptAsync(page, sale, register);
        Assert.Contains("Bon nr. 1", text);
        Assert.Contains(price.ToString("#,##0.00", CultureInfo.GetCultureInfo("da-DK")), text);
        Assert.DoesNotContain("KOPI", text);

        await page.GetByTestId("print-copy").ClickAsync();
        await Assertions.Expect(page.GetByTestId("copy-text")).ToContainTextAsync("*** KOPI ***");
        await Assertions.Expect(page.GetByTestId("copy-text")).ToContainTextAsync("Bon nr. 1");
        await Artifacts.ScreenshotAsync(page, "backoffice-receipt-copy");

        // Another look later: the page says a copy exists, and a second one is refused.
        var again = await server.NewBackOfficePageAsync();
        await again.GotoInteractiveAsync("/backoffice/sales");
        await FindByDayAndAmountAsync(again, sale);
        await Assertions.Expect(again.GetByTestId("copy-already")).ToBeVisibleAsync();
        await again.GetByTestId("print-copy").ClickAsync();
        await Assertions.Expect(again.GetByTestId("copy-refused")).ToHaveTextAsync(
            "Afvist: der er allerede udskrevet en kopi af denne bon, og der må kun udskrives én kopi pr. salg.");
        var copies = await server.UseAsync<KasseDbContext, int>(db =>
            db.JournalEntries.CountAsync(e => e.SaleId == sale.Id && e.Kind == "CopyReceipt", CancellationToken.None));
        Assert.Equal(1, copies);
    }

    [Fact]
    public async Task A_manager_adds_a_user_with_a_PIN_role_and_language_and_can_take_their_access_away()
    {
        var name = "Freja " + Guid.NewGuid().ToString("N")[..5];
        var page = await server.NewBackOfficePageAsync();
        await page.GotoInteractiveAsync("/backoffice/users");
        await page.GetByTestId("new-user").ClickAsync();
        var form = page.GetByTestId("user-form");
        await form.GetByLabel("Navn").FillAsync(name);
        await form.GetByLabel("Rolle").SelectOptionAsync(new SelectOptionValue { Label = "Leder" });
        await form.GetByLabel("Sprog").SelectOptionAsync("en");
        await form.GetByLabel("PIN-kode").FillAsync("12");
        await page.GetByTestId("save-user").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error")).ToHaveTextAsync("En PIN-kode er 4 til 6 cifre.");

        await form.GetByLabel("PIN-kode").FillAsync("8642");
        await page.GetByTestId("save-user").ClickAsync();
        var row = page.Locator($"tr[data-user='{name}']");
        await Assertions.Expect(row).ToContainTextAsync("Leder");
        await Assertions.Expect(row.Locator("[data-language]")).ToHaveAttributeAsync("data-language", "en");
        await Artifacts.ScreenshotAsync(page, "backoffice-users");

        var freja = (await server.UseAsync<EmployeeService, IReadOnlyList<EmployeeView>>(s => s.ListAsync(CancellationToken.None))).Single(e => e.Name == name);
        Assert.Equal(("en", nameof(Kasse.Domain.Staff.Role.Supervisor)), (freja.Language, freja.Role));
        var signedIn = await server.UseAsync<EmployeeService, SignedIn>(s => s.SignInAsync(DemoSeeder.RegisterId, freja.Id, "8642", CancellationToken.None));
        Assert.Equal("en", signedIn.Employee.Language);

        await row.GetByRole(AriaRole.Button, new() { Name = "Redigér" }).ClickAsync();
        await form.GetByLabel("Må logge ind").UncheckAsync();
        await page.GetByTestId("save-user").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Inaktiv");
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            server.UseAsync<EmployeeService, SignedIn>(s => s.SignInAsync(DemoSeeder.RegisterId, freja.Id, "8642", CancellationToken.None)));
        Assert.Equal("employee.sign-in-failed", refused.Code);
    }

    [Fact]
    public async Task The_back_office_speaks_English_with_English_numbers_on_request_and_by_the_store_setting()
    {
        var page = await server.NewBackOfficePageAsync();
        await page.GotoInteractiveAsync("/backoffice/products");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Varer");
        var price = page.Locator("[data-testid=product-table] tbody tr").First.Locator("td.num").First;
        await Assertions.Expect(price).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,3}(\.\d{3})*,\d\d"));

        await page.Locator("[data-lang=en]").ClickAsync();
        await page.Locator("[data-interactive=true]").First.WaitForAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Products");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator(".bo-nav")).ToContainTextAsync("Users");
        await Assertions.Expect(price).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{1,3}(,\d{3})*\.\d\d"));
        await page.GotoInteractiveAsync("/backoffice");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Back office");
        await Artifacts.ScreenshotAsync(page, "backoffice-english");

        // With no choice of their own, people get the store's language.
        var original = await server.UseAsync<StoreService, StoreView>(s => s.GetAsync(DemoSeeder.StoreId, CancellationToken.None));
        try
        {
            var manager = await server.NewBackOfficePageAsync();
            await manager.GotoInteractiveAsync("/backoffice/store");
            await manager.GetByTestId("store-settings").GetByLabel("Sprog").SelectOptionAsync("en");
            await manager.GetByTestId("save-store").ClickAsync();
            await Assertions.Expect(manager.GetByTestId("saved")).ToHaveTextAsync("Gemt.");

            var newcomer = await server.NewBackOfficePageAsync();
            await newcomer.GotoInteractiveAsync("/backoffice");
            await Assertions.Expect(newcomer.Locator("h1")).ToHaveTextAsync("Back office");
        }
        finally
        {
            await RestoreAsync(original);
        }
        var dane = await server.NewBackOfficePageAsync();
        await dane.GotoInteractiveAsync("/backoffice");
        await Assertions.Expect(dane.Locator("h1")).ToHaveTextAsync("Administration");
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /// <summary>A product with a fresh barcode at the price given, sold in cash on a new register of the demo store.</summary>
    private async Task<(SaleView Sale, RegisterView Register)> SellOneAsync(decimal price, string registerName)
    {
        var register = await server.NewRegisterAsync(registerName + " " + Guid.NewGuid().ToString("N")[..5]);
        var barcode = Ean.Fresh();
        await server.UseAsync<CatalogService, ProductView>(c => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("T-" + barcode, "Testvare " + barcode[^4..], price, 25m, Unit.Piece, null, null, [barcode]), CancellationToken.None));
        using var api = new SalesApi(server.BaseAddress, server.OwnerApiKey);
        var sale = await api.SellAsync(register.Id, server.CashierId, 500m, barcode);
        return (sale, register);
    }

    /// <summary>Finds the sale on the look-up page by its day and amount, opens it, and returns the receipt as shown.</summary>
    private static async Task<string> ShowReceiptAsync(IPage page, SaleView sale, RegisterView register)
    {
        await FindByDayAndAmountAsync(page, sale);
        var view = page.GetByTestId("receipt-view");
        await Assertions.Expect(view).ToContainTextAsync(register.Name);
        return await page.GetByTestId("receipt-text").InnerTextAsync();
    }

    private static async Task FindByDayAndAmountAsync(IPage page, SaleView sale)
    {
        await page.GetByTestId("find-number").FillAsync(sale.ReceiptNumber!.Value.ToString(CultureInfo.InvariantCulture));
        await page.GetByTestId("find-date").FillAsync(sale.BusinessDay!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByTestId("find-amount").FillAsync(sale.TotalAmount.ToString("0.00", CultureInfo.GetCultureInfo("da-DK")));
        await page.GetByTestId("find").ClickAsync();
        // One match opens by itself.
        await Assertions.Expect(page.GetByTestId("receipt-matches").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("receipt-view")).ToBeVisibleAsync();
    }

    private Task<ProductPage> Search(string text) =>
        server.UseAsync<CatalogService, ProductPage>(c => c.SearchAsync(text, null, includeInactive: true, 0, 50, CancellationToken.None));

    private async Task RestoreAsync(StoreView original)
    {
        await server.UseAsync<StoreSettingsService, StoreView>(s => s.SaveAsync(original.Id, new SaveStoreSettings(original.Name, original.Address,
            original.CompanyId, original.ReceiptHeader, original.ReceiptFooter, original.VatRates, original.Currency, original.CashRoundingIncrement,
            original.TimeZone, original.Language), CancellationToken.None));
        server.Services.GetRequiredService<StoreLanguage>().Forget();
    }
}
