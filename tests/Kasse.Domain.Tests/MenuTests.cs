using Kasse.Domain;
using Kasse.Domain.Menu;
using Kasse.Domain.Sales;

namespace Kasse.Domain.Tests;

/// <summary>A menu item's choices and a combo's VAT, in the domain alone.</summary>
public sealed class MenuTests
{
    [Fact]
    public void A_combos_set_price_is_split_over_its_components_vat_rates_in_proportion_to_their_list_prices_to_the_ore()
    {
        var store = Shop.ADanishStore();
        var (standard, zero) = (store.VatRateFor(25m), store.VatRateFor(0m));

        var split = ComboVat.Split(100m, [new ComboPart(standard, 35m), new ComboPart(standard, 25m), new ComboPart(zero, 30m)]);
        var single = ComboVat.Split(99m, [new ComboPart(standard, 35m), new ComboPart(standard, 25m)]);

        Assert.Equal([(25m, 66.67m), (0m, 33.33m)], split.Select(s => (s.Rate.Percent, s.Amount)));
        Assert.Equal(100m, split.Sum(s => s.Amount));
        Assert.Equal([(25m, 99m)], single.Select(s => (s.Rate.Percent, s.Amount)));
    }

    [Fact]
    public void A_required_group_must_be_answered_and_a_group_takes_no_more_than_its_maximum()
    {
        var size = new ModifierGroup(Guid.CreateVersion7(), Guid.CreateVersion7(), "Størrelse", 1, 1);
        size.ReplaceOptions([new ModifierOption(Guid.CreateVersion7(), "Lille", -5m), new ModifierOption(Guid.CreateVersion7(), "Stor", 8m)]);
        var extra = new ModifierGroup(Guid.CreateVersion7(), Guid.CreateVersion7(), "Ekstra", 0, 1);
        extra.ReplaceOptions([new ModifierOption(Guid.CreateVersion7(), "Shot", 6m), new ModifierOption(Guid.CreateVersion7(), "Sirup", 5m)]);

        var missing = Assert.Throws<DomainException>(() => ModifierGroup.Choose([size, extra], [extra.Options[0].Id]));
        var tooMany = Assert.Throws<DomainException>(() => ModifierGroup.Choose([size, extra], [size.Options[1].Id, extra.Options[0].Id, extra.Options[1].Id]));
        var chosen = ModifierGroup.Choose([size, extra], [extra.Options[0].Id, size.Options[1].Id]);

        Assert.Equal(MenuErrors.ChoiceRequired, missing.Code);
        Assert.Equal(MenuErrors.TooManyChoices, tooMany.Code);
        Assert.Equal(["Stor", "Shot"], chosen.Select(m => m.Name)); // in the order of the groups
        Assert.Equal(14m, new MenuChoice(chosen).PriceDelta);
    }
}
