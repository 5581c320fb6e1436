using System.Globalization;
using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Reporting;
using Kasse.Domain.Catalog;

namespace Kasse.Browser.Tests.BackOffice;

/// <summary>The back office opens on today's figures against the same weekday last week, and its navigation is grouped.</summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class OverviewTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task After_a_sale_the_overview_shows_todays_sales_and_receipts_and_the_navigation_is_grouped()
    {
        var register = await server.NewRegisterAsync("Overblik " + Guid.NewGuid().ToString("N")[..5]);
        var barcode = Ean.Fresh();
        await server.UseAsync<CatalogService, ProductView>(c => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("T-" + barcode, "Overbliksvare " + barcode[^4..], 123.45m, 25m, Unit.Piece, null, null, [barcode]), CancellationToken.None));
        var before = await server.UseAsync<SalesReportService, DayComparison>(s => s.TodayAsync(DemoSeeder.StoreId, CancellationToken.None));
        using var api = new SalesApi(server.BaseAddress, server.OwnerApiKey);
        var sale = await api.OpenAsync(register.Id, server.CashierId);
        await api.ScanAsync(sale.Id, barcode);
        await api.PayCashAndCompleteAsync(sale.Id, 200m);
        var after = await server.UseAsync<SalesReportService, DayComparison>(s => s.TodayAsync(DemoSeeder.StoreId, CancellationToken.None));

        var page = await server.NewBackOfficePageAsync();
        await page.GotoInteractiveAsync("/backoffice");
        var danish = CultureInfo.GetCultureInfo("da-DK");
        await Assertions.Expect(page.GetByTestId("overview-gross")).ToContainTextAsync(after.TodaySoFar.Gross.ToString("N2", danish));
        await Assertions.Expect(page.GetByTestId("overview-receipts")).ToContainTextAsync(after.TodaySoFar.Receipts.ToString(danish));
        await Assertions.Expect(page.GetByTestId("overview-gross")).ToContainTextAsync("sidste uge");
        await Assertions.Expect(page.Locator(".bo-group-name")).ToHaveTextAsync(["Overblik", "Salg", "Varer", "Lager", "Kunder", "Personale", "Indstillinger"]);
        await page.Locator(".bo-group[data-group=Stock] .bo-group-name").ClickAsync();
        await Assertions.Expect(page.GetByTestId("stock")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".bo-group.on .bo-group-links a")).ToHaveTextAsync(["Lager", "Indkøb", "Optælling", "Flytninger"]);
        await Artifacts.ScreenshotAsync(page, "backoffice-overview");

        Assert.Equal(123.45m, after.TodaySoFar.Gross - before.TodaySoFar.Gross);
        Assert.Equal(1, after.TodaySoFar.Receipts - before.TodaySoFar.Receipts);
    }
}
