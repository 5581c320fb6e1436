using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Inventory;
using Kasse.Application.Menu;
using Kasse.Application.Sales;
using Kasse.Domain.Catalog;
using Kasse.Domain.Menu;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Inventory;

namespace Kasse.Server.Tests.Menu;

/// <summary>A café's menu through the API: modifier groups on products, a line's modifiers, note and allergens, recipes and combos.</summary>
public abstract class MenuModifiersTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<ModifierGroupView> AddGroupAsync(Guid storeId, SaveModifierGroup group) =>
        await KasseClient.Read<ModifierGroupView>(await _api.PostAsync($"/api/v1/stores/{storeId}/menu/modifier-groups", group));

    private Task<ProductMenuView> AttachAsync(Guid storeId, Guid productId, SaveProductMenu menu) =>
        _api.PutAsync<ProductMenuView>($"/api/v1/stores/{storeId}/menu/products/{productId}", menu);

    private Task<HttpResponseMessage> TryAddAsync(Guid saleId, Guid productId, IReadOnlyList<Guid>? modifiers, string? note = null) =>
        _api.PostAsync($"/api/v1/sales/{saleId}/lines", new AddLine(Guid.CreateVersion7(), ProductId: productId, Modifiers: modifiers, Note: note));

    private static Guid Option(ModifierGroupView group, string name) => group.Options.Single(o => o.Name == name).Id;

    [Fact]
    public async Task A_latte_with_oat_milk_and_a_note_costs_base_plus_deltas_refuses_a_missing_size_and_oat_milk_replaces_milk_in_stock()
    {
        var shop = await _api.NewShopAsync();
        var storeId = shop.Store.Id;
        var floor = await _api.FloorAsync(shop);
        var coffee = await _api.NewProductAsync(120.00m, unit: Unit.Kilogram, name: "Kaffebønner");
        var milk = await _api.NewProductAsync(12.00m, unit: Unit.Litre, name: "Mælk");
        var oat = await _api.NewProductAsync(20.00m, unit: Unit.Litre, name: "Havredrik");
        var latte = await _api.NewProductAsync(42.00m, name: "Caffè latte");
        await _api.AdjustAsync(floor.Id, coffee.Id, 1m);
        await _api.AdjustAsync(floor.Id, milk.Id, 10m);
        await _api.AdjustAsync(floor.Id, oat.Id, 10m);
        await _api.PutAsync<RecipeView>($"/api/v1/products/{latte.Id}/recipe", new SaveRecipe(1m, [new(coffee.Id, 18m, "g"), new(milk.Id, 200m, "ml")]));
        var size = await AddGroupAsync(storeId, new SaveModifierGroup("Størrelse", 1, 1, [new("Lille", -5m), new("Mellem"), new("Stor", 8m)]));
        var milkChoice = await AddGroupAsync(storeId, new SaveModifierGroup("Mælk", 0, 1,
            [new("Havremælk", 5m, IngredientId: oat.Id, ReplacesIngredientId: milk.Id)]));
        var extra = await AddGroupAsync(storeId, new SaveModifierGroup("Ekstra", 0, 2, [new("Ekstra shot", 6m, IngredientId: coffee.Id, IngredientQuantity: 0.009m)]));
        var menu = await AttachAsync(storeId, latte.Id, new SaveProductMenu([Allergens.Milk], GroupIds: [size.Id, milkChoice.Id, extra.Id]));
        var sale = await _api.OpenSaleAsync(shop);

        var noSize = await TryAddAsync(sale.Id, latte.Id, [Option(milkChoice, "Havremælk")]);
        var notOffered = await TryAddAsync(sale.Id, latte.Id, [Option(size, "Stor"), Guid.CreateVersion7()]);
        var added = await KasseClient.Read<SaleView>(await TryAddAsync(sale.Id, latte.Id,
            [Option(size, "Stor"), Option(milkChoice, "Havremælk"), Option(extra, "Ekstra shot")], "Ekstra varm"));
        var plain = await KasseClient.Read<SaleView>(await TryAddAsync(sale.Id, latte.Id, [Option(size, "Mellem")]));
        await _api.PayAsync(sale.Id, Kasse.Domain.Sales.PaymentMethod.Card);
        await _api.CompleteAsync(sale.Id);
        var receipt = await _api.Http.GetStringAsync($"/api/v1/sales/{sale.Id}/receipt.txt");
        var byCashier = await (await server.ClientAsAsync("Cashier", storeId)).PostAsync($"/api/v1/stores/{storeId}/menu/modifier-groups",
            new SaveModifierGroup("Sirup", 0, 1, [new("Vanilje", 5m)]));

        Assert.Equal(["Størrelse", "Mælk", "Ekstra"], menu.Groups.Select(g => g.Name));
        var required = await KasseClient.Problem(noSize, HttpStatusCode.BadRequest, "menu.choice-required");
        Assert.Contains("Størrelse", required.GetProperty("detail").GetString());
        Assert.Equal("application/problem+json", noSize.Content.Headers.ContentType?.MediaType);
        await KasseClient.Problem(notOffered, HttpStatusCode.BadRequest, "menu.option-not-offered");
        await KasseClient.Problem(byCashier, HttpStatusCode.Forbidden, "permission.denied");
        var line = added.Lines.Single();
        Assert.Equal(42m + 8m + 5m + 6m, line.UnitPrice);
        Assert.Equal(25m, line.VatPercent);
        Assert.Equal(["Stor", "Havremælk", "Ekstra shot"], line.Modifiers.Select(m => m.Name));
        Assert.Equal([8m, 5m, 6m], line.Modifiers.Select(m => m.PriceDelta));
        Assert.Equal("Ekstra varm", line.Note);
        Assert.Equal([Allergens.Milk], line.Allergens);
        Assert.Equal(2, plain.Lines.Count);
        Assert.Contains("Havremælk", receipt);
        Assert.Contains("+5,00", receipt);
        Assert.Contains("Note: Ekstra varm", receipt);
        // Oat milk replaced the milk of one latte; the extra shot added 9 g coffee.
        Assert.Equal(1m - 0.018m - 0.018m - 0.009m, await _api.OnHandAsync(coffee.Id, floor.Id));
        Assert.Equal(10m - 0.2m, await _api.OnHandAsync(milk.Id, floor.Id));
        Assert.Equal(10m - 0.2m, await _api.OnHandAsync(oat.Id, floor.Id));
    }

    [Fact]
    public async Task A_brunch_combo_at_a_set_price_moves_its_chosen_components_stock_and_splits_its_price_by_the_components_vat()
    {
        var shop = await _api.NewShopAsync();
        var storeId = shop.Store.Id;
        var floor = await _api.FloorAsync(shop);
        var juice = await _api.NewProductAsync(35.00m, name: "Appelsinjuice");
        var coffee = await _api.NewProductAsync(30.00m, name: "Kaffe");
        var bread = await _api.NewProductAsync(25.00m, name: "Rugbrød");
        var book = await _api.NewProductAsync(20.00m, vat: 0m, name: "Avis");
        await _api.AdjustAsync(floor.Id, juice.Id, 10m);
        await _api.AdjustAsync(floor.Id, bread.Id, 10m);
        await _api.AdjustAsync(floor.Id, book.Id, 10m);
        var brunch = await _api.NewProductAsync(99.00m, name: "Brunch");
        var drink = await AddGroupAsync(storeId, new SaveModifierGroup("Vælg en drik", 1, 1, [new("Juice", ProductId: juice.Id), new("Kaffe", ProductId: coffee.Id)]));
        var side = await AddGroupAsync(storeId, new SaveModifierGroup("Vælg brød", 1, 1, [new("Rugbrød", ProductId: bread.Id)]));
        var paper = await AddGroupAsync(storeId, new SaveModifierGroup("Avis", 0, 1, [new("Dagens avis", 10m, ProductId: book.Id)]));
        await AttachAsync(storeId, brunch.Id, new SaveProductMenu(IsCombo: true, GroupIds: [drink.Id, side.Id, paper.Id]));
        await _api.Http.PutAsJsonAsync($"/api/v1/stores/{storeId}/menu/products/{bread.Id}", new SaveProductMenu([Allergens.Gluten]), KasseClient.Json);

        var sale = await _api.OpenSaleAsync(shop);
        var simple = await KasseClient.Read<SaleView>(await TryAddAsync(sale.Id, brunch.Id, [Option(drink, "Juice"), Option(side, "Rugbrød")]));
        var mixed = await KasseClient.Read<SaleView>(await TryAddAsync(sale.Id, brunch.Id, [Option(drink, "Juice"), Option(side, "Rugbrød"), Option(paper, "Dagens avis")]));
        await _api.PayAsync(sale.Id, Kasse.Domain.Sales.PaymentMethod.Card);
        var completed = await _api.CompleteAsync(sale.Id);
        var receipt = await _api.Http.GetStringAsync($"/api/v1/sales/{sale.Id}/receipt.txt");

        var combo = simple.Lines.Single();
        Assert.Equal((99m, 25m), (combo.UnitPrice, combo.VatPercent));
        Assert.Equal(["Juice", "Rugbrød"], combo.Modifiers.Select(m => m.Name));
        Assert.Equal([Allergens.Gluten], combo.Allergens);
        // 109 kr for parts listed at 35 + 25 (25 %) and 20 (0 %): 81.75 at 25 % and 27.25 at 0 %.
        var parts = mixed.Lines.Skip(1).ToList();
        Assert.Equal([(81.75m, 25m), (27.25m, 0m)], parts.Select(l => (l.UnitPrice, l.VatPercent)));
        Assert.Equal(parts[0].Id, parts[1].ParentLineId);
        Assert.Equal(99m + 109m, completed.TotalAmount);
        Assert.Contains("Rugbrød", receipt);
        Assert.Equal(8m, await _api.OnHandAsync(juice.Id, floor.Id));
        Assert.Equal(8m, await _api.OnHandAsync(bread.Id, floor.Id));
        Assert.Equal(9m, await _api.OnHandAsync(book.Id, floor.Id));
        Assert.Empty((await _api.StockOfAsync(brunch.Id)).Locations);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MenuModifiersOnSqlite(SqliteServer server) : MenuModifiersTests(server);

[Collection(PostgresCollection.Name)]
public sealed class MenuModifiersOnPostgres(PostgresServer server) : MenuModifiersTests(server);
