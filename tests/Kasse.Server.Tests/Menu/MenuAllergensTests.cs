using System.Net.Http.Json;
using Kasse.Application.Inventory;
using Kasse.Application.Menu;
using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Domain.Catalog;
using Kasse.Domain.Menu;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Inventory;

namespace Kasse.Server.Tests.Menu;

/// <summary>
/// A menu item's allergens are its own, its recipe's ingredients' and the ingredients its chosen options put in — less an
/// ingredient an option replaces — on the sale's line and on the kitchen's ticket.
/// </summary>
public abstract class MenuAllergensTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private Task<ProductMenuView> MenuAsync(Guid storeId, Guid productId, SaveProductMenu menu) =>
        _api.PutAsync<ProductMenuView>($"/api/v1/stores/{storeId}/menu/products/{productId}", menu);

    private Task<HttpResponseMessage> AddAsync(Guid saleId, Guid productId, IReadOnlyList<Guid>? modifiers = null) =>
        _api.PostAsync($"/api/v1/sales/{saleId}/lines", new AddLine(Guid.CreateVersion7(), ProductId: productId, Modifiers: modifiers));

    [Fact]
    public async Task A_sandwich_carries_its_breads_and_mayos_allergens_cheese_added_brings_milk_and_vegan_mayo_takes_the_egg_and_mustard_away()
    {
        var shop = await _api.NewShopAsync();
        var storeId = shop.Store.Id;
        var bread = await _api.NewProductAsync(30.00m, name: "Surdejsbrød");
        var mayo = await _api.NewProductAsync(25.00m, unit: Unit.Kilogram, name: "Mayonnaise");
        var veganMayo = await _api.NewProductAsync(35.00m, unit: Unit.Kilogram, name: "Vegansk mayo");
        var cheese = await _api.NewProductAsync(90.00m, unit: Unit.Kilogram, name: "Cheddar");
        var sandwich = await _api.NewProductAsync(69.00m, name: "Sandwich med kylling");
        await MenuAsync(storeId, bread.Id, new SaveProductMenu([Allergens.Gluten, Allergens.Sesame]));
        await MenuAsync(storeId, mayo.Id, new SaveProductMenu([Allergens.Eggs, Allergens.Mustard]));
        await MenuAsync(storeId, veganMayo.Id, new SaveProductMenu([Allergens.Soybeans]));
        await MenuAsync(storeId, cheese.Id, new SaveProductMenu([Allergens.Milk]));
        await _api.PutAsync<RecipeView>($"/api/v1/products/{sandwich.Id}/recipe", new SaveRecipe(1m, [new(bread.Id, 1m, "pcs"), new(mayo.Id, 20m, "g")]));
        var choices = await KasseClient.Read<ModifierGroupView>(await _api.PostAsync($"/api/v1/stores/{storeId}/menu/modifier-groups",
            new SaveModifierGroup("Tilpas", 0, 2, [
                new("Ekstra ost", 8m, IngredientId: cheese.Id, IngredientQuantity: 0.02m),
                new("Vegansk mayo", 0m, IngredientId: veganMayo.Id, ReplacesIngredientId: mayo.Id),
            ])));
        await MenuAsync(storeId, sandwich.Id, new SaveProductMenu([Allergens.Celery], GroupIds: [choices.Id]));
        var station = await KasseClient.Read<KitchenStationView>(await _api.PostAsync($"/api/v1/stores/{storeId}/kitchen/stations", new SaveKitchenStation("Køkken")));
        var sale = await _api.OpenSaleAsync(shop);

        var plain = (await KasseClient.Read<SaleView>(await AddAsync(sale.Id, sandwich.Id))).Lines[^1];
        var changed = (await KasseClient.Read<SaleView>(await AddAsync(sale.Id, sandwich.Id,
            choices.Options.Select(o => o.Id).ToList()))).Lines[^1];
        await _api.PostAsync($"/api/v1/sales/{sale.Id}/kitchen/send", new SendToKitchen());
        var board = (await _api.Http.GetFromJsonAsync<KitchenBoardView>($"/api/v1/kitchen/stations/{station.Id}/board", KasseClient.Json))!;

        Assert.Equal([Allergens.Gluten, Allergens.Eggs, Allergens.Celery, Allergens.Mustard, Allergens.Sesame], plain.Allergens.Order());
        Assert.Equal([Allergens.Gluten, Allergens.Soybeans, Allergens.Milk, Allergens.Celery, Allergens.Sesame], changed.Allergens.Order());
        var items = Assert.Single(board.Open).Items;
        Assert.Equal(["Gluten", "Æg", "Selleri", "Sennep", "Sesam"], items.Single(i => i.LineId == plain.Id).Allergens);
        Assert.Equal(["Gluten", "Soja", "Mælk", "Selleri", "Sesam"], items.Single(i => i.LineId == changed.Id).Allergens);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MenuAllergensOnSqlite(SqliteServer server) : MenuAllergensTests(server);

[Collection(PostgresCollection.Name)]
public sealed class MenuAllergensOnPostgres(PostgresServer server) : MenuAllergensTests(server);
