using Kasse.Domain.Money;
using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

public class ReturnTests
{
    /// <summary>Three coffees at 10.00 with 1.00 off the line: 29.00, which doesn't split evenly in three.</summary>
    private static SaleLine ThreeDiscountedCoffees() =>
        ASale().WithLine(APiece("Kaffe", 10.00m), 3, LineDiscount.Amount(1.00m)).Completed().Lines[0];

    [Fact]
    public void Returning_a_discounted_line_piece_by_piece_refunds_exactly_what_it_cost()
    {
        var line = ThreeDiscountedCoffees();
        Assert.Equal(29.00m, line.TotalAmount);

        var refunds = new[] { ReturnRules.RefundFor(line, 0m, 1m), ReturnRules.RefundFor(line, 1m, 1m), ReturnRules.RefundFor(line, 2m, 1m) };

        Assert.Equal([9.67m, 9.66m, 9.67m], refunds);
        Assert.Equal(line.TotalAmount, refunds.Sum());
    }

    [Fact]
    public void Returning_everything_at_once_refunds_the_line_total() =>
        Assert.Equal(29.00m, ReturnRules.RefundFor(ThreeDiscountedCoffees(), 0m, 3m));

    [Fact]
    public void A_share_of_a_sale_discount_is_not_refunded()
    {
        var sale = ASale().WithLine(APiece("Kaffe", 10.00m), 2).WithLine(Rye).WithSaleDiscount(LineDiscount.Percent(10)).Completed();
        var coffee = sale.Lines[0];

        Assert.Equal(18.00m, coffee.TotalAmount);
        Assert.Equal(9.00m, ReturnRules.RefundFor(coffee, 0m, 1m));
    }

    [Fact]
    public void Part_of_a_weighed_line_can_be_returned()
    {
        var line = ASale().WithLine(Cheese, 0.750m).Completed().Lines[0];

        Assert.Equal(22.25m, ReturnRules.RefundFor(line, 0m, 0.250m));
        Assert.Equal(44.50m, ReturnRules.RefundFor(line, 0.250m, 0.500m));
    }

    [Fact]
    public void Returning_more_than_was_bought_is_refused()
    {
        var error = Refused.With("return.too-much", () => ReturnRules.RefundFor(ThreeDiscountedCoffees(), 0m, 4m));

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("Only 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_returned_in_full_can_not_be_returned_again()
    {
        var error = Refused.With("return.too-much", () => ReturnRules.RefundFor(ThreeDiscountedCoffees(), 3m, 1m));

        Assert.Contains("already been returned in full", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Returning_nothing_is_refused(int quantity) =>
        Refused.With("return.quantity", () => ReturnRules.RefundFor(ThreeDiscountedCoffees(), 0m, quantity));

    // A piece line was sold in whole pieces, so it comes back in whole pieces (as Sale.EnsureValidQuantity says for sales).
    [Fact]
    public void Returning_part_of_an_item_sold_by_the_piece_is_refused() =>
        Assert.Throws<DomainException>(() => ReturnRules.RefundFor(ThreeDiscountedCoffees(), 0m, 0.5m));

    [Fact]
    public void A_return_gives_back_part_of_a_sale_and_is_completed_with_a_negative_total()
    {
        var builder = ASale().WithLine(APiece("Kaffe", 10.00m), 3, LineDiscount.Amount(1.00m)).WithLine(Milk);
        var original = builder.Build();
        original.PayCash(100m);
        original.CompleteToday(builder.Store, receiptNumber: 7);
        var coffee = original.Lines[0];

        var ret = Sale.OpenReturn(Guid.CreateVersion7(), builder.Store, builder.Register, null, Now, original, "Smagte af sæbe", null);
        var refund = ReturnRules.RefundFor(coffee, 0m, 2m);
        var line = ret.AddReturnLine(Guid.CreateVersion7(), coffee, 2m, refund);
        var part = RefundAllocation.To(PaymentMethod.Cash, refund, CashRounding.HalfKrone);
        ret.AddRefund(Guid.CreateVersion7(), part, Now);
        ret.CompleteToday(builder.Store, receiptNumber: 8);

        Assert.Equal(19.33m, refund);
        Assert.Equal((SaleKind.Return, SaleStatus.Completed, original.Id), (ret.Kind, ret.Status, ret.OriginalSaleId));
        Assert.Equal((-2m, coffee.Id, -19.33m), (line.Quantity, line.OriginalLineId, line.TotalAmount));
        Assert.Equal(-refund, ret.TotalAmount);
        Assert.Equal(-19.50m, ret.PaidAmount);
        Assert.Equal(ret.TotalAmount + ret.CashRounding, ret.PaidAmount);
        Assert.Equal(-15.46m, ret.VatBreakdown.Single().Net);
    }

    [Fact]
    public void A_return_by_card_is_exact()
    {
        var builder = ASale().WithLine(Rye, 2);
        var original = builder.Completed();
        var ret = Sale.OpenReturn(Guid.CreateVersion7(), builder.Store, builder.Register, null, Now, original, null, null);
        var refund = ReturnRules.RefundFor(original.Lines[0], 0m, 1m);
        ret.AddReturnLine(Guid.CreateVersion7(), original.Lines[0], 1m, refund);

        foreach (var part in RefundAllocation.ToOriginalTender(refund, [new(PaymentMethod.Card, 49.90m, "TERM-0001")], CashRounding.HalfKrone))
            ret.AddRefund(Guid.CreateVersion7(), part, Now);
        ret.CompleteToday(builder.Store, receiptNumber: 2);

        Assert.Equal((-24.95m, -24.95m, 0m), (ret.TotalAmount, ret.PaidAmount, ret.CashRounding));
    }

    [Fact]
    public void A_return_is_not_completed_until_the_money_is_paid_back()
    {
        var builder = ASale().WithLine(Rye);
        var original = builder.Completed();
        var ret = Sale.OpenReturn(Guid.CreateVersion7(), builder.Store, builder.Register, null, Now, original, null, null);
        ret.AddReturnLine(Guid.CreateVersion7(), original.Lines[0], 1m, 24.95m);

        Refused.With("sale.not-paid", () => ret.CompleteToday(builder.Store, receiptNumber: 2));
    }

    [Fact]
    public void Only_a_completed_sale_can_be_returned()
    {
        var builder = ASale().WithLine(Rye);
        var open = builder.Build();

        Refused.With("return.original-not-completed",
            () => Sale.OpenReturn(Guid.CreateVersion7(), builder.Store, builder.Register, null, Now, open, null, null));
    }

    [Fact]
    public void A_sale_from_another_store_is_returned_there()
    {
        var original = ASale().WithLine(Rye).Completed();
        var here = ADanishStore();

        Refused.With("return.other-store",
            () => Sale.OpenReturn(Guid.CreateVersion7(), here, ARegister(here), null, Now, original, null, null));
    }

    [Fact]
    public void A_return_takes_lines_from_the_receipt_not_from_the_shelf()
    {
        var builder = ASale().WithLine(Rye);
        var original = builder.Completed();
        var ret = Sale.OpenReturn(Guid.CreateVersion7(), builder.Store, builder.Register, null, Now, original, null, null);

        Refused.With("sale.kind", () => ret.Add(builder.Store, Milk));
        Refused.With("sale.kind", () => ret.PayCash(10m));
        Refused.With("return.has-receipt", () => ret.AddUnreceiptedReturnLine(Guid.CreateVersion7(), Milk, builder.Store.VatRateFor(25m), 1m));
    }

    // The return references one receipt; a line from any other sale would break the audit trail and refund goods never bought on it.
    [Fact]
    public void A_return_takes_lines_only_from_the_receipt_it_returns()
    {
        var builder = ASale().WithLine(Rye);
        var original = builder.Completed();
        var anotherSale = ASale().InStore(builder.Store).WithLine(APiece("Fjernsyn", 4999.00m)).Completed();
        var ret = Sale.OpenReturn(Guid.CreateVersion7(), builder.Store, builder.Register, null, Now, original, null, null);

        Assert.Throws<DomainException>(() => ret.AddReturnLine(Guid.CreateVersion7(), anotherSale.Lines[0], 1m, 4999.00m));
    }

    [Fact]
    public void Without_a_receipt_an_item_is_returned_at_todays_price()
    {
        var builder = ASale();
        var ret = Sale.OpenReturn(Guid.CreateVersion7(), builder.Store, builder.Register, null, Now, null, "Gave", null);

        var line = ret.AddUnreceiptedReturnLine(Guid.CreateVersion7(), Milk, builder.Store.VatRateFor(25m), 2m);
        ret.AddRefund(Guid.CreateVersion7(), RefundAllocation.To(PaymentMethod.Cash, 25.90m, CashRounding.HalfKrone), Now);
        ret.CompleteToday(builder.Store);

        Assert.True(ret.ReturnedWithoutReceipt);
        Assert.Equal((-2m, -25.90m), (line.Quantity, line.TotalAmount));
        Assert.Equal((-25.90m, -26.00m, -0.10m), (ret.TotalAmount, ret.PaidAmount, ret.CashRounding));
    }

    [Fact]
    public void An_ordinary_sale_pays_no_refunds() =>
        Refused.With("sale.kind",
            () => ASale().WithLine(Rye).Build().AddRefund(Guid.CreateVersion7(), new RefundPart(PaymentMethod.Cash, 10m, 0m, null), Now));
}
