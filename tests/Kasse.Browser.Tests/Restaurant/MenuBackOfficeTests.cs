using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Menu;

namespace Kasse.Browser.Tests.Restaurant;

/// <summary>The modifier groups page sets an option's recipe change and combo component by SKU (issue 22), and shows them again.</summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class MenuBackOfficeTests(SqliteBrowserServer server)
{
    [Fact]
    public async Task An_option_gets_an_ingredient_with_a_quantity_and_another_a_combo_component_typed_by_sku_and_the_page_shows_them_again()
    {
        var page = await server.NewBackOfficePageAsync();
        await page.GotoInteractiveAsync("/backoffice/modifiers");
        await page.GetByTestId("group-name").FillAsync("Dressing");
        await page.GetByTestId("group-options").FillAsync("Aioli; 5\nJuice til");
        await page.GetByTestId("group-max").FillAsync("2");
        var aioli = page.Locator("[data-testid=option-detail][data-option='Aioli']");
        await aioli.GetByTestId("option-ingredient").FillAsync("CAF-101");
        await aioli.GetByTestId("option-quantity").FillAsync("0,02");
        await page.Locator("[data-testid=option-detail][data-option='Juice til']").GetByTestId("option-product").FillAsync("CAF-013");
        await Artifacts.ScreenshotAsync(page, "modifier-option-details");
        await page.GetByTestId("save-group").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Gemt.");

        await page.Locator("[data-testid=modifier-group-row][data-group='Dressing']").GetByRole(AriaRole.Button, new() { Name = "Redigér" }).ClickAsync();
        await Assertions.Expect(aioli.GetByTestId("option-ingredient")).ToHaveValueAsync("CAF-101");
        await Assertions.Expect(page.Locator("[data-testid=option-detail][data-option='Juice til']").GetByTestId("option-product")).ToHaveValueAsync("CAF-013");

        var group = Assert.Single(await server.UseAsync<MenuService, IReadOnlyList<ModifierGroupView>>(m => m.GroupsAsync(DemoSeeder.StoreId, default)),
            g => g.Name == "Dressing");
        var milk = (await server.UseAsync<CatalogService, ProductPage>(c => c.SearchAsync("CAF-101", null, 0, 5, default))).Items.Single(p => p.Sku == "CAF-101");
        var juice = (await server.UseAsync<CatalogService, ProductPage>(c => c.SearchAsync("CAF-013", null, 0, 5, default))).Items.Single(p => p.Sku == "CAF-013");
        var first = group.Options.Single(o => o.Name == "Aioli");
        Assert.Equal((5m, milk.Id, (Guid?)null, 0.02m), (first.PriceDelta, first.IngredientId, first.ReplacesIngredientId, first.IngredientQuantity));
        Assert.Equal(juice.Id, group.Options.Single(o => o.Name == "Juice til").ProductId);
    }
}
