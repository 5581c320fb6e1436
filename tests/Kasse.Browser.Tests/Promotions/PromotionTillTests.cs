using Kasse.Application.Catalog;
using Kasse.Application.Customers;
using Kasse.Application.Demo;
using Kasse.Application.Promotions;
using Kasse.Browser.Tests.BackOffice;
using Kasse.Domain.Catalog;
using Kasse.Domain.Promotions;

namespace Kasse.Browser.Tests.Promotions;

/// <summary>Promotions as the cashier and the manager see them: the offer line at the till, and the back-office pages.</summary>
public abstract class PromotionTillTests(BrowserServer server)
{
    private async Task<(ProductView Product, string Ean)> NewProductAsync(string name, decimal price)
    {
        var ean = Ean.Fresh();
        var product = await server.UseAsync<CatalogService, ProductView>(c => c.CreateProductAsync(Guid.CreateVersion7(),
            new SaveProduct("PR-" + ean[^8..], name, price, 25m, Unit.Piece, null, null, [ean]), CancellationToken.None));
        return (product, ean);
    }

    /// <summary>A scan as the till's scanner sees it (see <see cref="TillPage.ScanAsync"/>).</summary>
    internal static Task ScanAsync(TillPage till, string ean, int expectedLines) => till.ScanAsync(ean, expectedLines);

    [Fact]
    public async Task Scanning_three_of_a_three_for_two_shows_the_offer_as_a_line_and_the_total_for_two()
    {
        var (cola, ean) = await NewProductAsync("Cola 1,5 l", 20.00m);
        await server.UseAsync<PromotionService, PromotionView>(p => p.CreateAsync(Guid.CreateVersion7(),
            new PromotionTerms("3 for 2 cola", PromotionKind.BuyXGetY, new ItemSelector([cola.Id], []), BuyQuantity: 2, GetQuantity: 1,
                StoreId: DemoSeeder.StoreId), CancellationToken.None));
        var register = await server.NewRegisterAsync($"Kasse {server.Provider} tilbud");
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        await till.OpenAsync();
        await till.SignInAsync();

        // Repeated scans of one product merge into one line's quantity (the store's default).
        await ScanAsync(till, ean, 1);
        await till.ScanMergedAsync(ean, 1, 2);
        await Assertions.Expect(till.Page.GetByTestId("promotion-line")).ToHaveCountAsync(0);
        await Assertions.Expect(till.Total).ToHaveTextAsync("40,00 kr.");
        await till.ScanMergedAsync(ean, 1, 3);

        var offer = till.Page.GetByTestId("promotion-line");
        await Assertions.Expect(offer).ToHaveCountAsync(1);
        await Assertions.Expect(offer).ToContainTextAsync("Tilbud: 3 for 2 cola");
        await Assertions.Expect(offer.GetByTestId("promotion-amount")).ToHaveTextAsync("−20,00");
        await Assertions.Expect(till.Total).ToHaveTextAsync("40,00 kr.");
        await Artifacts.ScreenshotAsync(till.Page, $"till-promotion-{server.Provider}");
    }

    [Fact]
    public async Task A_coupon_code_typed_at_the_till_unlocks_its_offer()
    {
        var (coffee, ean) = await NewProductAsync("Kaffe 500 g", 40.00m);
        var promotion = await server.UseAsync<PromotionService, PromotionView>(p => p.CreateAsync(Guid.CreateVersion7(),
            new PromotionTerms("Kaffekupon", PromotionKind.PercentOff, new ItemSelector([coffee.Id], []), Percent: 25m, RequiresCoupon: true),
            CancellationToken.None));
        var code = "KAFFE-" + ean[^6..];
        await server.UseAsync<PromotionService, CouponView>(p => p.CreateCouponAsync(Guid.CreateVersion7(), new SaveCoupon(code, promotion.Id), CancellationToken.None));
        var register = await server.NewRegisterAsync($"Kasse {server.Provider} kupon");
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        await till.OpenAsync();
        await till.SignInAsync();
        await ScanAsync(till, ean, 1);
        await Assertions.Expect(till.Total).ToHaveTextAsync("40,00 kr.");

        await till.Page.TillMoreAsync("open-coupon");
        await till.Page.GetByTestId("coupon-input").FillAsync(code.ToLowerInvariant());
        await till.Page.GetByTestId("apply-coupon").ClickAsync();

        await Assertions.Expect(till.Page.GetByTestId("coupon-code")).ToContainTextAsync(code);
        await Assertions.Expect(till.Page.GetByTestId("promotion-line")).ToContainTextAsync("Kaffekupon");
        await Assertions.Expect(till.Total).ToHaveTextAsync("30,00 kr.");
    }

    [Fact]
    public async Task A_manager_creates_a_promotion_in_the_back_office_and_finds_it_in_the_list()
    {
        var (tea, teaBarcode) = await NewProductAsync("Te 20 breve", 25.00m);
        var members = await server.UseAsync<CustomerService, CustomerGroupView>(c => c.SaveGroupAsync(DemoSeeder.StoreId, Guid.CreateVersion7(),
            "Medlemmer " + tea.Sku, CancellationToken.None));
        var page = await server.NewBackOfficePageAsync();
        await page.GotoInteractiveAsync("/backoffice/promotions/new");
        var name = "2 for 40 te " + tea.Sku;
        await page.Locator("#pr-name").FillAsync(name);
        await page.Locator("#pr-kind").SelectOptionAsync(nameof(PromotionKind.MultiBuy));
        // Picked, not typed: the barcode scanned into the picker adds the product's SKU.
        await page.GetByTestId("product-picker").FillAsync(teaBarcode);
        await page.GetByTestId("product-picker").PressAsync("Enter");
        await Assertions.Expect(page.Locator("#pr-skus")).ToHaveValueAsync(tea.Sku);
        await page.Locator("#pr-price").FillAsync("40,00");
        await page.Locator("#pr-buy").FillAsync("2");
        await page.Locator("#pr-group").SelectOptionAsync(members.Id.ToString());
        await page.GetByTestId("save-promotion").ClickAsync();

        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        var saved = (await server.UseAsync<PromotionService, IReadOnlyList<PromotionView>>(p => p.ListAsync(null, false, CancellationToken.None)))
            .Single(p => p.Name == name);
        Assert.Equal((PromotionKind.MultiBuy, 2, 40.00m, members.Id), (saved.Kind, saved.BuyQuantity, saved.Price, saved.CustomerGroupId));
        Assert.Equal([tea.Id], saved.Items!.ProductIds);

        await page.GotoInteractiveAsync("/backoffice/promotions");
        await Assertions.Expect(page.GetByTestId("promotion-row").Filter(new() { HasText = name })).ToHaveCountAsync(1);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqlitePromotionTillTests(SqliteBrowserServer server) : PromotionTillTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresPromotionTillTests(PostgresBrowserServer server) : PromotionTillTests(server);
