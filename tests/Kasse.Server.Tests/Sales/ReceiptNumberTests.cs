using Kasse.Application.Sales;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Sales;

public abstract class ReceiptNumberTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task Completing_a_sale_twice_with_the_same_id_makes_one_sale_with_one_number()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(25.00m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, item.Id);
        await _api.PayAsync(sale.Id, PaymentMethod.Card);

        // A double tap and a retry after a lost answer, all at once.
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => server.Client().CompleteAsync(sale.Id)));
        var again = await _api.CompleteAsync(sale.Id);
        var next = await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));

        Assert.All(answers, a => Assert.Equal(1, a.ReceiptNumber));
        Assert.Equal(1, again.ReceiptNumber);
        Assert.Equal(2, next.ReceiptNumber); // no number was burnt by the duplicates
    }

    [Fact]
    public async Task Two_registers_completing_at_once_each_get_their_own_gapless_sequence()
    {
        var shop = await _api.NewShopAsync();
        var register2 = await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2");
        var shop2 = shop with { Register = register2 };
        var item = await _api.NewProductAsync(12.50m);
        const int perRegister = 12;

        var sales = await Task.WhenAll(Enumerable.Range(0, perRegister * 2).Select(i =>
            server.Client().SellAsync(i % 2 == 0 ? shop : shop2, i % 3 == 0 ? PaymentMethod.Cash : PaymentMethod.Card, (item, 1m))));

        foreach (var register in new[] { shop.Register.Id, register2.Id })
        {
            var numbers = sales.Where(s => s.RegisterId == register).Select(s => s.ReceiptNumber!.Value).Order().ToList();
            Assert.Equal(Enumerable.Range(1, perRegister).Select(n => (long)n), numbers);
        }
    }

    [Fact]
    public async Task A_failed_completion_does_not_use_up_a_receipt_number()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(25.00m);
        var unpaid = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(unpaid.Id, item.Id);

        await KasseClient.Problem(await _api.TryCompleteAsync(unpaid.Id), System.Net.HttpStatusCode.Conflict, "sale.not-paid");
        var sold = await _api.SellAsync(shop, PaymentMethod.MobilePay, (item, 1m));

        Assert.Equal(1, sold.ReceiptNumber);
    }

    [Fact]
    public async Task The_receipt_reads_like_a_danish_kassebon()
    {
        var shop = await _api.NewShopAsync();
        var bread = await _api.NewProductAsync(28.95m, name: "Rugbrød, groft");
        var paper = await _api.NewProductAsync(35.00m, vat: 0m, name: "Avis, dagblad");
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, bread.Id, 2m);
        await _api.AddProductAsync(sale.Id, paper.Id);
        await _api.PayCashAsync(sale.Id, 100m);
        var sold = await _api.CompleteAsync(sale.Id);

        var json = await KasseClient.Read<ReceiptView>(await _api.Http.GetAsync($"/api/v1/sales/{sold.Id}/receipt"));
        var text = await _api.Http.GetStringAsync($"/api/v1/sales/{sold.Id}/receipt.txt");
        var narrow = await _api.Http.GetStringAsync($"/api/v1/sales/{sold.Id}/receipt.txt?width=32");

        Assert.Equal(shop.Store.Name, json.StoreName);
        Assert.Equal(shop.Store.CompanyId, json.CompanyId);
        Assert.Equal(92.90m, json.TotalAmount);
        Assert.Equal(2, json.Vat.Count);
        Assert.Contains(shop.Store.Name, text);
        Assert.Contains("CVR " + shop.Store.CompanyId, text);
        Assert.Contains("Bon nr. 1", text);
        Assert.Contains("Rugbrød, groft", text);
        Assert.Contains("2 stk x 28,95", text);
        Assert.Contains("I ALT DKK", text);
        Assert.Contains("92,90", text);
        Assert.Contains("Øreafrunding", text);
        Assert.Contains("Kontant", text);
        Assert.Contains("Byttepenge", text);
        Assert.Contains("7,00", text);        // change from 100 for 93.00
        Assert.Contains("Heraf moms 25 % af 57,90", text);
        Assert.Contains("11,58", text);       // 57.90 × 25/125
        Assert.All(text.TrimEnd('\n').Split('\n'), line => Assert.True(line.Length <= 42, $"'{line}' is wider than 42 columns"));
        Assert.All(narrow.TrimEnd('\n').Split('\n'), line => Assert.True(line.Length <= 32, $"'{line}' is wider than 32 columns"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReceiptNumbersOnSqlite(SqliteServer server) : ReceiptNumberTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ReceiptNumbersOnPostgres(PostgresServer server) : ReceiptNumberTests(server);
