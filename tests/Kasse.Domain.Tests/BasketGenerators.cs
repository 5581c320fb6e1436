using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;

namespace Kasse.Domain.Tests;

/// <summary>A discount as generated: a percent in hundredths (1–10000) or an amount in øre, capped when applied.</summary>
public sealed record GeneratedDiscount(DiscountKind Kind, long Value)
{
    public override string ToString() => Kind == DiscountKind.Percent
        ? string.Create(CultureInfo.InvariantCulture, $"{Value / 100m}%")
        : string.Create(CultureInfo.InvariantCulture, $"{Value / 100m} kr");
}

/// <summary>One scanned item: a price in øre, a quantity in pieces or grams, a VAT rate and maybe a discount.</summary>
public sealed record BasketLine(long PriceOre, bool Weighed, int Quantity, int VatPercent, GeneratedDiscount? Discount)
{
    public decimal QuantityInUnits => Weighed ? Quantity / 1000m : Quantity;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{QuantityInUnits} {(Weighed ? "kg" : "stk")} × {PriceOre / 100m} @{VatPercent}%{(Discount is null ? "" : " −" + Discount)}");
}

public sealed record Basket(IReadOnlyList<BasketLine> Lines, GeneratedDiscount? SaleDiscount)
{
    public override string ToString() =>
        string.Join("; ", Lines) + (SaleDiscount is null ? "" : " | sale −" + SaleDiscount);

    /// <summary>Rings the basket up in a Danish store; discounts larger than what they apply to are capped.</summary>
    public Sale RingUp(Store store)
    {
        var sale = Sale.Open(Guid.CreateVersion7(), store, Shop.ARegister(store), null, Shop.Now);
        foreach (var item in Lines)
        {
            var product = item.Weighed
                ? Shop.AWeighed("Vare", item.PriceOre / 100m, item.VatPercent)
                : Shop.APiece("Vare", item.PriceOre / 100m, item.VatPercent);
            var line = sale.AddProductLine(Guid.CreateVersion7(), product, store.VatRateFor(item.VatPercent), item.QuantityInUnits, null);
            if (Applicable(item.Discount, line.GrossAmount) is { } discount)
                sale.SetLineDiscount(line.Id, discount.Kind, discount.Value, "Tilbud");
        }
        if (Applicable(SaleDiscount, sale.TotalAmount) is { } saleDiscount)
            sale.SetSaleDiscount(saleDiscount.Kind, saleDiscount.Value, "Personalerabat");
        return sale;
    }

    private static (DiscountKind Kind, decimal Value)? Applicable(GeneratedDiscount? discount, decimal basis) => discount switch
    {
        null => null,
        { Kind: DiscountKind.Percent } => (DiscountKind.Percent, discount.Value / 100m),
        _ when basis <= 0m => null,
        _ => (discount.Kind, Math.Min(discount.Value / 100m, basis)),
    };
}

/// <summary>Any basket: 1–30 lines, 0.00–5,000.00 kr, 1–20 pieces or 0.001–20 kg, 25 % or 0 %, optional discounts.</summary>
public static class BasketArbitraries
{
    private static Gen<GeneratedDiscount?> MaybeDiscount(int amountUpToOre) =>
        Gen.Frequency(
            (2, Gen.Constant<GeneratedDiscount?>(null)),
            (1, Gen.Choose(1, 10_000).Select(p => (GeneratedDiscount?)new GeneratedDiscount(DiscountKind.Percent, p))),
            (1, Gen.Choose(1, amountUpToOre).Select(a => (GeneratedDiscount?)new GeneratedDiscount(DiscountKind.Amount, a))));

    private static Gen<int> Price =>
        Gen.Frequency((1, Gen.Elements(0, 1, 2, 3, 5, 25, 50, 75, 99, 500_000)), (6, Gen.Choose(0, 500_000)));

    private static Gen<BasketLine> Line =>
        from price in Price
        from weighed in Gen.Elements(false, true)
        from quantity in weighed ? Gen.Choose(1, 20_000) : Gen.Choose(1, 20)
        from vat in Gen.Elements(25, 0)
        from discount in MaybeDiscount(amountUpToOre: 10_000)
        select new BasketLine(price, weighed, quantity, vat, discount);

    public static Gen<Basket> Baskets =>
        from count in Gen.Choose(1, 30)
        from lines in Gen.ListOf(Line, count)
        from saleDiscount in MaybeDiscount(amountUpToOre: 100_000)
        select new Basket(lines.ToList(), saleDiscount);

    public static Arbitrary<Basket> Basket() => Baskets.ToArbitrary();
}
