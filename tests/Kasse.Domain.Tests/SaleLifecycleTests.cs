using Kasse.Domain.Sales;
using static Kasse.Domain.Tests.Shop;

namespace Kasse.Domain.Tests;

public class SaleLifecycleTests
{
    [Fact]
    public void A_parked_sale_is_resumed_on_another_register_of_the_same_store()
    {
        var builder = ASale().WithLine(Milk, 2);
        var sale = builder.Build();
        var otherTill = ARegister(builder.Store, "Kasse 2");

        sale.Park();
        Assert.Equal(SaleStatus.Parked, sale.Status);
        sale.Resume(otherTill);

        Assert.Equal((SaleStatus.Open, otherTill.Id), (sale.Status, sale.RegisterId));
        Assert.Equal(25.90m, sale.TotalAmount);
    }

    [Fact]
    public void A_parked_sale_can_not_be_changed_until_it_is_resumed()
    {
        var builder = ASale().WithLine(Milk);
        var sale = builder.Build();
        sale.Park();

        Refused.With("sale.not-open", () => sale.Add(builder.Store, Rye));
        Refused.With("sale.not-open", () => sale.PayByCard());
    }

    [Fact]
    public void A_parked_sale_stays_in_its_store()
    {
        var sale = ASale().WithLine(Milk).Build();
        sale.Park();

        Refused.With("sale.other-store", () => sale.Resume(ARegister(ADanishStore())));
        Assert.Equal(SaleStatus.Parked, sale.Status);
    }

    [Fact]
    public void An_empty_sale_has_nothing_to_park() =>
        Refused.With("sale.empty", () => ASale().Build().Park());

    [Fact]
    public void Only_a_parked_sale_is_resumed()
    {
        var builder = ASale().WithLine(Milk);
        var sale = builder.Build();

        Refused.With("sale.not-parked", () => sale.Resume(builder.Register));
    }

    [Fact]
    public void A_voided_sale_is_closed_and_takes_no_payment()
    {
        var sale = ASale().WithLine(Milk).Build();

        sale.Void(Now);

        Assert.Equal((SaleStatus.Voided, Now), (sale.Status, sale.ClosedAt));
        Refused.With("sale.not-open", () => sale.PayCash(100m));
        Refused.With("sale.not-open", () => sale.Complete(1, Now, new DateOnly(2026, 3, 14)));
    }

    [Fact]
    public void A_parked_sale_can_be_voided()
    {
        var sale = ASale().WithLine(Milk).Build();
        sale.Park();

        sale.Void(Now);

        Assert.Equal(SaleStatus.Voided, sale.Status);
    }

    [Fact]
    public void Completing_gives_the_receipt_number_and_the_business_day()
    {
        var builder = ASale().WithLine(Milk);
        var sale = builder.Build();
        sale.PayByCard();
        var lateEvening = new DateTimeOffset(2026, 11, 26, 23, 15, 0, TimeSpan.Zero);

        sale.Complete(42, lateEvening, builder.Store.BusinessDayOf(lateEvening));

        Assert.Equal(SaleStatus.Completed, sale.Status);
        Assert.Equal(42L, sale.ReceiptNumber);
        Assert.Equal(new DateOnly(2026, 11, 27), sale.BusinessDay);
        Assert.Equal(lateEvening, sale.ClosedAt);
    }

    [Fact]
    public void An_empty_sale_can_not_be_completed() =>
        Refused.With("sale.empty", () => ASale().Build().Complete(1, Now, new DateOnly(2026, 3, 14)));

    public static TheoryData<string> Changes => ["add a line", "change a quantity", "remove a line", "give a line discount",
        "give a sale discount", "take a payment", "remove a payment", "void", "park", "complete again"];

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_completed_sale_never_changes(string change)
    {
        var builder = ASale().WithLine(Milk);
        var sale = builder.Completed();
        var line = sale.Lines[0].Id;
        var payment = sale.Payments[0].Id;
        Action attempt = change switch
        {
            "add a line" => () => sale.Add(builder.Store, Rye),
            "change a quantity" => () => sale.ChangeQuantity(line, 2m),
            "remove a line" => () => sale.RemoveLine(line),
            "give a line discount" => () => sale.SetLineDiscount(line, DiscountKind.Percent, 10m, "Tilbud"),
            "give a sale discount" => () => sale.SetSaleDiscount(DiscountKind.Percent, 10m, "Tilbud"),
            "take a payment" => () => sale.PayCash(100m),
            "remove a payment" => () => sale.RemovePayment(payment),
            "void" => () => sale.Void(Now),
            "park" => () => sale.Park(),
            "complete again" => () => sale.Complete(2, Now, new DateOnly(2026, 3, 14)),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        var error = Refused.With("sale.not-open", attempt);

        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Equal((SaleStatus.Completed, 12.95m, 1L), (sale.Status, sale.TotalAmount, sale.ReceiptNumber));
        Assert.Single(sale.Payments);
    }
}
