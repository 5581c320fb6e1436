using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

public class SaleTests
{
    [Fact]
    public void A_new_sale_is_open_empty_and_in_the_store_currency()
    {
        var sale = ASale().Build();

        Assert.Equal((SaleStatus.Open, SaleKind.Sale, "DKK", 0m), (sale.Status, sale.Kind, sale.Currency, sale.TotalAmount));
        Assert.Empty(sale.Lines);
        Assert.Null(sale.ReceiptNumber);
    }

    [Fact]
    public void Lines_add_up_to_the_total_in_the_order_they_were_scanned()
    {
        var sale = ASale().WithLine(Milk, 2).WithLine(Rye).Build();

        Assert.Equal([1, 2], sale.Lines.Select(l => l.Position));
        Assert.Equal([25.90m, 24.95m], sale.Lines.Select(l => l.TotalAmount));
        Assert.Equal(50.85m, sale.TotalAmount);
    }

    [Fact]
    public void A_line_remembers_what_the_product_cost_and_its_VAT_when_it_was_sold()
    {
        var milk = Milk;
        var sale = ASale().WithLine(milk, 3).Build();

        var line = Assert.Single(sale.Lines);
        Assert.Equal((milk.Id, "Letmælk 1 l", 12.95m, 25m, "S"), (line.ProductId, line.Name, line.UnitPrice, line.VatPercent, line.VatCode));
    }

    [Theory]
    [InlineData(0.125, 11.13)]  // 11.125: half away from zero (banker's rounding would say 11.12)
    [InlineData(0.750, 66.75)]
    [InlineData(0.001, 0.09)]   // 0.089
    public void Weighed_goods_cost_the_kilo_price_times_the_weight_rounded_half_away(double kilograms, double total)
    {
        var sale = ASale().WithLine(Cheese, (decimal)kilograms).Build();

        Assert.Equal((decimal)total, sale.TotalAmount);
    }

    [Fact]
    public void Items_sold_by_the_piece_need_a_whole_quantity() =>
        Refused.With("line.quantity", () => ASale().WithLine(Milk, 1.5m).Build());

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(10_000)]
    public void A_piece_quantity_is_between_one_and_9999(int quantity) =>
        Refused.With("line.quantity", () => ASale().WithLine(Milk, quantity).Build());

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(1000)]
    [InlineData(0.0005)]  // a weight has at most three decimals (grams)
    public void A_weight_is_above_zero_below_a_tonne_in_whole_grams(double kilograms) =>
        Refused.With("line.quantity", () => ASale().WithLine(Cheese, (decimal)kilograms).Build());

    [Fact]
    public void The_largest_quantities_a_line_can_hold_are_accepted()
    {
        var sale = ASale().WithLine(APiece("Søm", 0.10m), 9_999m).WithLine(AWeighed("Sand", 1.00m), 999.999m).Build();

        Assert.Equal(999.90m + 1000.00m, sale.TotalAmount);
    }

    [Fact]
    public void A_product_no_longer_sold_is_refused()
    {
        var old = Milk;
        old.Update(old.Sku, old.Name, old.Price, old.VatPercent, old.Unit, null, null, isActive: false);

        Refused.With("product.inactive", () => ASale().WithLine(old).Build());
    }

    [Fact]
    public void Changing_a_quantity_changes_the_total()
    {
        var sale = ASale().WithLine(Milk).Build();

        sale.ChangeQuantity(sale.Lines[0].Id, 4m);

        Assert.Equal(51.80m, sale.TotalAmount);
    }

    [Fact]
    public void Removing_a_line_takes_it_off_the_total()
    {
        var sale = ASale().WithLine(Milk).WithLine(Rye).Build();

        sale.RemoveLine(sale.Lines[0].Id);

        Assert.Equal(24.95m, sale.TotalAmount);
        Refused.With("line.not-found", () => sale.RemoveLine(Guid.CreateVersion7()));
    }

    [Fact]
    public void A_sale_is_opened_only_on_a_register_of_its_store()
    {
        var store = ADanishStore();
        var elsewhere = ARegister(ADanishStore());

        Refused.With("register.other-store", () => Sale.Open(Guid.CreateVersion7(), store, elsewhere, null, Now));
    }

    [Fact]
    public void A_line_id_is_used_once()
    {
        var sale = ASale().Build();
        var store = ADanishStore();
        var id = Guid.CreateVersion7();
        sale.AddProductLine(id, Milk, store.VatRateFor(25m), 1m, null);

        Refused.With("line.id-used", () => sale.AddProductLine(id, Rye, store.VatRateFor(25m), 1m, null));
    }
}
