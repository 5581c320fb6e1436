using Kasse.Domain.Catalog;
using Kasse.Domain.Inventory;

namespace Kasse.Domain.Tests.Inventory;

public sealed class ReorderMathTests
{
    [Theory]
    [InlineData(11, 0, 10, null, 0, 0, 1, 0, 0)]      // above the reorder point: nothing
    [InlineData(8, 0, 10, 20d, 0, 0, 12, 0, 24)]       // reorder quantity 20 in packs of 12
    [InlineData(8, 5, 10, null, 0, 0, 1, 0, 0)]       // what is on order already covers it
    [InlineData(4, 0, 4, null, 0.5, 7, 6, 0, 6)]      // 3.5 sold during the lead time: one pack of 6
    [InlineData(2, 0, 3, null, 0, 0, 1, 10, 10)]      // the supplier's minimum
    [InlineData(-3, 0, 0, null, 0, 0, 1, 0, 3)]       // sold below zero: back to the reorder point
    public void Suggests_enough_to_reach_the_reorder_point_over_the_lead_time_in_whole_packs(
        double onHand, double onOrder, double point, double? quantity, double daily, int lead, double pack, double minimum, double expected) =>
        Assert.Equal((decimal)expected, ReorderMath.Suggest((decimal)onHand, (decimal)onOrder, (decimal)point, (decimal?)quantity,
            (decimal)daily, lead, (decimal)pack, (decimal)minimum));

    [Fact]
    public void Days_of_cover_is_stock_over_daily_sales_and_unknown_without_sales()
    {
        Assert.Equal(28m, ReorderMath.DaysOfCover(56m, 2m));
        Assert.Null(ReorderMath.DaysOfCover(56m, 0m));
        Assert.Equal(0m, ReorderMath.DaysOfCover(-4m, 2m));
    }

    [Theory]
    [InlineData(RecipeUnit.Gram, Unit.Kilogram, 18, 0.018)]
    [InlineData(RecipeUnit.Millilitre, Unit.Litre, 200, 0.2)]
    [InlineData(RecipeUnit.Kilogram, Unit.Kilogram, 1.5, 1.5)]
    [InlineData(RecipeUnit.Litre, Unit.Litre, 0.25, 0.25)]
    [InlineData(RecipeUnit.Piece, Unit.Piece, 2, 2)]
    public void Recipe_units_convert_to_the_ingredient_s_stock_unit(RecipeUnit unit, Unit stock, double quantity, double expected) =>
        Assert.Equal((decimal)expected, RecipeUnits.ToStockUnit((decimal)quantity, unit, stock, "x"));

    [Fact]
    public void A_recipe_unit_that_does_not_fit_the_ingredient_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => RecipeUnits.ToStockUnit(18m, RecipeUnit.Gram, Unit.Litre, "Mælk"));
        Assert.Equal("recipe.unit", error.Code);
        Assert.Contains("Mælk", error.Message);
    }

    [Fact]
    public void Yield_and_waste_scale_what_one_sold_unit_uses()
    {
        var recipe = new Recipe(Guid.CreateVersion7());
        var milk = Guid.CreateVersion7();
        recipe.Replace(4m, [(milk, 1m, RecipeUnit.Litre, 20m)]);

        Assert.Equal(0.3m, recipe.PerSoldUnit(recipe.Components[0], Unit.Litre, "Mælk")); // 1 l × 1.20 ÷ 4
    }
}
