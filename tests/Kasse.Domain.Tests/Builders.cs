using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;

namespace Kasse.Domain.Tests;

/// <summary>The shop the tests sell in, its goods, and the moment everything happens.</summary>
public static class Shop
{
    /// <summary>A Saturday morning in Aarhus (10:30 UTC = 11:30 CET).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 14, 10, 30, 0, TimeSpan.Zero);

    public static Store ADanishStore() =>
        new(Guid.CreateVersion7(), "Købmand Hansen", "Nørregade 1, 8000 Aarhus C", "12345678", "DK", "DKK", "Europe/Copenhagen");

    public static Register ARegister(Store store, string name = "Kasse 1") => new(Guid.CreateVersion7(), store.Id, name);

    public static Product APiece(string name, decimal price, decimal vatPercent = 25m) =>
        new(Guid.CreateVersion7(), "SKU-" + name, name, price, vatPercent, Unit.Piece, null, null);

    public static Product AWeighed(string name, decimal pricePerKg, decimal vatPercent = 25m) =>
        new(Guid.CreateVersion7(), "SKU-" + name, name, pricePerKg, vatPercent, Unit.Kilogram, null, null);

    public static Product Milk => APiece("Letmælk 1 l", 12.95m);
    public static Product Rye => APiece("Rugbrød", 24.95m);
    public static Product Cheese => AWeighed("Danbo 45+", 89.00m);
    public static Product Newspaper => APiece("Jyllands-Posten", 35.00m, vatPercent: 0m);

    public static SaleBuilder ASale() => new();
}

public sealed record LineDiscount(DiscountKind Kind, decimal Value, string Reason = "Kort holdbarhed")
{
    public static LineDiscount Percent(decimal percent) => new(DiscountKind.Percent, percent);
    public static LineDiscount Amount(decimal amount) => new(DiscountKind.Amount, amount);
}

/// <summary><c>ASale().WithLine(milk, 2).Build()</c>: an open sale in a Danish store.</summary>
public sealed class SaleBuilder
{
    private readonly List<(Product Product, decimal Quantity, LineDiscount? Discount)> _lines = [];
    private LineDiscount? _saleDiscount;

    public Store Store { get; private set; } = Shop.ADanishStore();
    public Register Register { get; private set; }

    public SaleBuilder() => Register = Shop.ARegister(Store);

    public SaleBuilder InStore(Store store)
    {
        Store = store;
        Register = Shop.ARegister(store);
        return this;
    }

    public SaleBuilder WithLine(Product product, decimal quantity = 1m, LineDiscount? discount = null)
    {
        _lines.Add((product, quantity, discount));
        return this;
    }

    public SaleBuilder WithSaleDiscount(LineDiscount discount)
    {
        _saleDiscount = discount;
        return this;
    }

    public Sale Build()
    {
        var sale = Sale.Open(Guid.CreateVersion7(), Store, Register, null, Shop.Now);
        foreach (var (product, quantity, discount) in _lines)
        {
            var line = sale.AddProductLine(Guid.CreateVersion7(), product, Store.VatRateFor(product.VatPercent), quantity, null);
            if (discount is not null)
                sale.SetLineDiscount(line.Id, discount.Kind, discount.Value, discount.Reason);
        }
        if (_saleDiscount is not null)
            sale.SetSaleDiscount(_saleDiscount.Kind, _saleDiscount.Value, _saleDiscount.Reason);
        return sale;
    }

    /// <summary>Built, paid exactly by card and completed with receipt number 1.</summary>
    public Sale Completed()
    {
        var sale = Build();
        sale.PayByCard();
        sale.CompleteToday(Store);
        return sale;
    }
}

/// <summary>What a cashier does at the till, in one short call each.</summary>
public static class TillActions
{
    public static Payment PayCash(this Sale sale, decimal tendered) =>
        sale.AddPayment(Guid.CreateVersion7(), PaymentMethod.Cash, null, tendered, null, Shop.Now);

    public static Payment PayByCard(this Sale sale, decimal? amount = null) =>
        sale.AddPayment(Guid.CreateVersion7(), PaymentMethod.Card, amount, null, "TERM-0001", Shop.Now);

    public static SaleLine Add(this Sale sale, Store store, Product product, decimal quantity = 1m) =>
        sale.AddProductLine(Guid.CreateVersion7(), product, store.VatRateFor(product.VatPercent), quantity, null);

    public static void CompleteToday(this Sale sale, Store store, long receiptNumber = 1) =>
        sale.Complete(receiptNumber, Shop.Now, store.BusinessDayOf(Shop.Now));
}

public static class Refused
{
    /// <summary>Asserts that a rule said no with this code, and hands back the error for a closer look.</summary>
    public static DomainException With(string code, Action action)
    {
        var error = Assert.Throws<DomainException>(action);
        Assert.Equal(code, error.Code);
        return error;
    }
}
