using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;

namespace Kasse.Browser.Tests.Till;

/// <summary>Merging repeated scans is the store's choice, made on the back office's store settings page.</summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class MergeScansSettingTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task With_merging_switched_off_in_the_back_office_a_second_scan_makes_a_second_line()
    {
        var settings = await server.NewOwnerPageAsync();
        await settings.GotoInteractiveAsync("/backoffice/store");
        var merge = settings.GetByTestId("merge-repeated-scans");
        await Assertions.Expect(merge).ToBeCheckedAsync();
        await merge.UncheckAsync();
        await Assertions.Expect(settings.GetByTestId("till-settings-saved")).ToBeVisibleAsync();
        try
        {
            // The page read back from the server says off too.
            await settings.ReloadAsync();
            await settings.Locator("[data-interactive=true]").First.WaitForAsync();
            await Assertions.Expect(settings.GetByTestId("merge-repeated-scans")).Not.ToBeCheckedAsync();

            var register = await server.NewRegisterAsync("Kasse ingen sammenlægning");
            var till = new TillPage(await server.NewPageAsync(), register.Id);
            await till.OpenAsync();
            await till.SignInAsync();
            await till.ScanAsync(CheckoutTests.Rugbrod, 1);
            await till.ScanAsync(CheckoutTests.Rugbrod, 2);
            await Assertions.Expect(till.Total).ToHaveTextAsync("57,90 kr.");

            var sale = Assert.Single(await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(async s =>
                (await s.ListAsync(DemoSeeder.StoreId, SaleStatus.Open, 500, default)).Where(x => x.RegisterId == register.Id).ToList()));
            Assert.Equal([1m, 1m], sale.Lines.Select(l => l.Quantity));
        }
        finally
        {
            // The store's default again, for the tests after this one.
            await settings.GetByTestId("merge-repeated-scans").CheckAsync();
            await Assertions.Expect(settings.GetByTestId("till-settings-saved")).ToBeVisibleAsync();
        }
    }
}
