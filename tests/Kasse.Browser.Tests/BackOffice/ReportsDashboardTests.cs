using System.Globalization;
using Kasse.Application.Catalog;
using Kasse.Application.Stores;
using Kasse.Domain.Catalog;

namespace Kasse.Browser.Tests.BackOffice;

/// <summary>
/// The owner's dashboard on a tablet (768 px wide): a store's sales of today show in the figures and charts, the
/// filters narrow them, nothing scrolls sideways, and a report downloads as a CSV a Danish spreadsheet reads.
/// </summary>
public abstract class ReportsDashboardTests(BrowserServer server)
{
    [Fact]
    public async Task A_stores_sales_show_on_the_dashboard_and_the_filters_and_downloads_work_on_a_tablet()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var store = await server.UseAsync<StoreService, StoreView>(s => s.CreateAsync(
            new CreateStore(Guid.CreateVersion7(), "Rapportbutik " + suffix, "Torvet 1, 8000 Aarhus", "30301234", "DK"),
            CancellationToken.None));
        var register = await server.UseAsync<StoreService, RegisterView>(s => s.CreateRegisterAsync(store.Id, Guid.CreateVersion7(), "Kasse R", CancellationToken.None));
        var (coffee, coffeeCode) = await ProductAsync("Kaffe " + suffix, 100.00m);
        var (tea, teaCode) = await ProductAsync("Te " + suffix, 49.50m);
        // A cashier of that store: an integration names only someone who works where it sells.
        var cashier = await server.UseAsync<Kasse.Application.Staff.EmployeeService, Kasse.Application.Staff.EmployeeView>(e => e.CreateAsync(
            Guid.CreateVersion7(), "Rapportkasse " + suffix, "Cashier", "1357", Kasse.Domain.Languages.Danish, [store.Id], false, CancellationToken.None));
        using (var api = new SalesApi(server.BaseAddress, server.OwnerApiKey))
        {
            // The coffee's guest leaves a tip: beside the sales on the dashboard, never in them.
            await api.SellAsync(register.Id, cashier.Id, 200m, 10.00m, coffeeCode);
            await api.SellAsync(register.Id, cashier.Id, 100m, teaCode);
        }
        var page = await server.NewOwnerPageAsync(width: 768, height: 1024);

        await page.GotoInteractiveAsync("/backoffice/reports");
        await page.GetByTestId("report-store").SelectOptionAsync(new SelectOptionValue { Label = store.Name });
        await page.GetByTestId("report-show").ClickAsync();

        await Assertions.Expect(page.GetByTestId("kpi-gross")).ToContainTextAsync("149,50 kr.");
        await Assertions.Expect(page.GetByTestId("kpi-receipts")).ToContainTextAsync("2");
        await Assertions.Expect(page.GetByTestId("kpi-basket")).ToContainTextAsync("74,75 kr.");
        await Assertions.Expect(page.GetByTestId("today-gross")).ToContainTextAsync("149,50 kr.");
        await Assertions.Expect(page.GetByTestId("kpi-tips")).ToContainTextAsync("10,00 kr.");
        await Assertions.Expect(page.GetByTestId("tips-by-employee")).ToContainTextAsync(cashier.Name);
        await Assertions.Expect(page.GetByTestId("tips-by-employee")).ToContainTextAsync("10,00 kr.");
        await Assertions.Expect(page.GetByTestId("tips-by-day")).ToContainTextAsync("10,00 kr.");
        await Assertions.Expect(page.GetByTestId("chart-top-products")).ToHaveAttributeAsync("data-bars", "2");
        await Assertions.Expect(page.GetByTestId("chart-top-products")).ToContainTextAsync(coffee.Name);
        await Assertions.Expect(page.GetByTestId("chart-by-payment-method")).ToContainTextAsync("Kontant");
        await Assertions.Expect(page.GetByTestId("heatmap").Locator("rect.heat")).ToHaveCountAsync(1);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
            "The dashboard scrolls sideways on a 768 px tablet.");
        await Artifacts.ScreenshotAsync(page, $"reports-dashboard-{server.Provider.ToString().ToLowerInvariant()}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-by-product-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        Assert.StartsWith("Vare;Bonner;", csv.TrimStart('\uFEFF'));
        Assert.Contains($"{coffee.Name};1;0;1;0;100,00;80,00;20,00;", csv);
        Assert.Contains($"{tea.Name};1;0;1;0;49,50;39,60;9,90;", csv);

        // A period before today: the same store sold nothing then.
        var copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        var yesterday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, copenhagen).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByTestId("report-from").FillAsync(yesterday);
        await page.GetByTestId("report-to").FillAsync(yesterday);
        await page.GetByTestId("report-show").ClickAsync();
        await Assertions.Expect(page.GetByTestId("kpi-gross")).ToContainTextAsync("0,00 kr.");
        await Assertions.Expect(page.GetByTestId("kpi-receipts")).ToContainTextAsync("0");
        await Assertions.Expect(page.GetByText("Intet solgt i perioden.").First).ToBeVisibleAsync();
    }

    private async Task<(ProductView Product, string Barcode)> ProductAsync(string name, decimal price)
    {
        var barcode = Ean.Fresh();
        var product = await server.UseAsync<CatalogService, ProductView>(c => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("R-" + barcode, name, price, 25m, Unit.Piece, null, null, [barcode]), CancellationToken.None));
        return (product, barcode);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteReportsDashboardTests(SqliteBrowserServer server) : ReportsDashboardTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresReportsDashboardTests(PostgresBrowserServer server) : ReportsDashboardTests(server);
