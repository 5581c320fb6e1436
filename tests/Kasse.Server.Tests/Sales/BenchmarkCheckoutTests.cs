using Kasse.Application.Sales;
using Kasse.Bench;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Sales;

/// <summary>
/// The benchmark's till (bench/Kasse.Bench, compiled in here) against the real server: its checkout figures are only
/// worth something if every checkout it counts is a sale the server completed.
/// </summary>
public abstract class BenchmarkCheckoutTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    /// <summary>
    /// The benchmark's runs failed 1–2 checkouts per load point with 409 sale.not-paid: its till tendered a fixed
    /// 5,000 kr in cash, which on a basket above that is a part payment, so the rest stayed due.
    /// </summary>
    [Fact]
    public async Task The_benchmark_till_completes_a_cash_sale_above_five_thousand_kroner()
    {
        const int products = 50;
        // The benchmark's catalogue, first 50 products; the 50th is sold by weight and never scanned.
        for (var i = 0; i < products; i++)
            if (!Catalogue.IsWeighed(i))
                await KasseClient.Read<object>(await _api.PostAsync("/api/v1/products", new
                {
                    id = Guid.CreateVersion7(),
                    sku = Catalogue.Sku(i),
                    name = Catalogue.Name(i),
                    price = Catalogue.Price(i),
                    vatPercent = 25m,
                    barcodes = new[] { Catalogue.Barcode(i) },
                }));
        var till = new Till(server.CreateClient(), server.BaseAddress);
        await till.CreateStoreAndRegistersAsync(1);

        // Seed 703 draws 20 items, 5,807.45 kr, paid in cash: the kind of basket that failed.
        var sold = await till.CheckoutAsync(0, new Random(703), products, measuring: false, new Latencies(), new Latencies(), TestContext.Current.CancellationToken);

        Assert.Equal("Cash", sold.Method);
        Assert.True(sold.Total > 5000m, $"The basket must be above 5,000 kr to test this; it was {sold.Total}.");
        var sale = await _api.GetSaleAsync(sold.SaleId);
        Assert.Equal(SaleStatus.Completed, sale.Status);
        Assert.Equal(0m, sale.AmountDue);
        var cash = Assert.Single(sale.Payments);
        Assert.Equal(PaymentMethod.Cash, cash.Method);
        Assert.Equal(sale.TotalAmount + sale.CashRounding, cash.Amount);
        Assert.Equal(cash.Tendered - cash.Amount, sale.ChangeGiven);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BenchmarkCheckoutOnSqlite(SqliteServer server) : BenchmarkCheckoutTests(server);

[Collection(PostgresCollection.Name)]
public sealed class BenchmarkCheckoutOnPostgres(PostgresServer server) : BenchmarkCheckoutTests(server);
