using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Promotions;
using Kasse.Browser.Tests.BackOffice;
using Kasse.Domain.Catalog;

namespace Kasse.Browser.Tests.Promotions;

/// <summary>A price list made on its back-office page, as the manager makes it and as the till then charges it.</summary>
public abstract class PriceListPageTests(BrowserServer server)
{
    [Fact]
    public async Task A_price_list_made_in_the_back_office_sells_its_product_at_the_lower_price_at_the_till_and_can_be_switched_off()
    {
        var ean = Ean.Fresh();
        var juice = await server.UseAsync<CatalogService, ProductView>(c => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("PL-" + ean[^8..], "Juice 1 l", 30.00m, 25m, Unit.Piece, null, null, [ean]), CancellationToken.None));
        var name = "Juiceuge " + juice.Sku;

        var office = await server.NewBackOfficePageAsync();
        await office.GotoInteractiveAsync("/backoffice/price-lists/new");
        await office.Locator("#pl-name").FillAsync(name);
        await office.Locator("#pl-store").SelectOptionAsync(DemoSeeder.StoreId.ToString());
        // By barcode, as a manager with the product in hand would type it.
        await office.Locator("#pl-lines").FillAsync($"{ean} 22,50");
        await office.GetByTestId("save-price-list").ClickAsync();

        await Assertions.Expect(office.GetByTestId("saved")).ToBeVisibleAsync();
        var saved = (await server.UseAsync<PromotionService, IReadOnlyList<PriceListView>>(p => p.ListPriceListsAsync(CancellationToken.None)))
            .Single(p => p.Name == name);
        Assert.Equal((DemoSeeder.StoreId, true), (saved.StoreId, saved.IsActive));
        Assert.Equal([new PriceListPrice(juice.Id, 22.50m)], saved.Prices);
        await office.GotoInteractiveAsync("/backoffice/price-lists");
        await Assertions.Expect(office.GetByTestId("price-list-row").Filter(new() { HasText = name })).ToHaveCountAsync(1);

        var register = await server.NewRegisterAsync($"Kasse {server.Provider} prisliste");
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        await PromotionTillTests.ScanAsync(till, ean, 1);

        await Assertions.Expect(till.Total).ToHaveTextAsync("22,50 kr.");
        var offer = till.Page.GetByTestId("promotion-line");
        await Assertions.Expect(offer).ToHaveCountAsync(1);
        await Assertions.Expect(offer).ToContainTextAsync("Tilbud: " + name);
        await Assertions.Expect(offer.GetByTestId("promotion-amount")).ToHaveTextAsync("−7,50");

        // Switched off from the list, the price list keeps its prices but no longer runs.
        await office.GetByTestId("price-list-row").Filter(new() { HasText = name }).GetByTestId("deactivate-price-list").ClickAsync();
        await Assertions.Expect(office.GetByTestId("price-list-row").Filter(new() { HasText = name }).GetByTestId("deactivate-price-list")).ToHaveCountAsync(0);
        var deactivated = await server.UseAsync<PromotionService, PriceListView>(p => p.GetPriceListAsync(saved.Id, CancellationToken.None));
        Assert.Equal((false, 1), (deactivated.IsActive, deactivated.Prices.Count));
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqlitePriceListPageTests(SqliteBrowserServer server) : PriceListPageTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresPriceListPageTests(PostgresBrowserServer server) : PriceListPageTests(server);
