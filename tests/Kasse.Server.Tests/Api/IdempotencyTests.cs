using System.Net;
using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Api;

/// <summary>A double tap or a retry over flaky Wi-Fi has the effect of one request, and gets the same answer.</summary>
public abstract class IdempotencyTests(KasseServer server)
{
    private const string Replayed = "Idempotent-Replayed";
    private readonly KasseClient _api = server.Client();

    private sealed record Answer(HttpStatusCode Status, string Body, string? Location, bool Replayed);

    [Fact]
    public async Task A_line_sent_twice_with_the_same_key_is_added_once_and_the_retry_gets_the_same_answer()
    {
        var shop = await Refusal.SharedShopAsync(server);
        var coffee = await _api.NewProductAsync(39.00m, name: "Kaffe, filter");
        var sale = await _api.OpenSaleAsync(shop);
        var key = Guid.CreateVersion7().ToString();

        var first = await AnswerOf(_api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new AddLine(ProductId: coffee.Id), key));
        var retry = await AnswerOf(_api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new AddLine(ProductId: coffee.Id), key));

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.False(first.Replayed);
        Assert.Equal(first with { Replayed = true }, retry);
        var line = Assert.Single((await _api.GetSaleAsync(sale.Id)).Lines);
        Assert.Equal(coffee.Id, line.ProductId);
    }

    [Fact]
    public async Task A_product_created_twice_with_the_same_key_is_created_once_with_the_same_location()
    {
        var key = Guid.CreateVersion7().ToString();
        var sku = $"IDEM-{server.NextNumber()}";
        var body = new { id = Guid.CreateVersion7(), sku, name = "Rugbrød, Ølands", price = 32.00m, vatPercent = 25m };

        var first = await AnswerOf(_api.PostAsync("/api/v1/products", body, key));
        var retry = await AnswerOf(_api.PostAsync("/api/v1/products", body, key));

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal($"/api/v1/products/{body.id}", first.Location);
        Assert.Equal(first with { Replayed = true }, retry);
        Assert.Equal(1, (await ProductsWithSku(sku)).Total);
    }

    [Fact]
    public async Task Eight_identical_lines_sent_at_once_with_one_key_add_one_line_and_all_get_the_same_answer()
    {
        var shop = await Refusal.SharedShopAsync(server);
        var bun = await _api.NewProductAsync(6.50m, name: "Tebirkes");
        var sale = await _api.OpenSaleAsync(shop);
        var key = Guid.CreateVersion7().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            AnswerOf(_api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new AddLine(ProductId: bun.Id), key))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.All(answers, a => Assert.Equal(answers[0].Body, a.Body));
        Assert.Equal(7, answers.Count(a => a.Replayed));
        Assert.Single((await _api.GetSaleAsync(sale.Id)).Lines);
    }

    [Fact]
    public async Task Eight_identical_products_sent_at_once_with_one_key_create_one_product_and_all_get_the_same_answer()
    {
        var key = Guid.CreateVersion7().ToString();
        var sku = $"IDEM8-{server.NextNumber()}";
        var body = new { id = Guid.CreateVersion7(), sku, name = "Flødeboller, 8 stk.", price = 45.00m, vatPercent = 25m, barcodes = new[] { _api.NewEan13() } };

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => AnswerOf(_api.PostAsync("/api/v1/products", body, key))));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, $"{(int)a.Status}: {a.Body}"));
        Assert.All(answers, a => Assert.Equal(answers[0].Body, a.Body));
        Assert.Equal(1, (await ProductsWithSku(sku)).Total);
    }

    [Fact]
    public async Task The_same_new_product_store_and_register_sent_at_once_without_a_key_are_each_created_once()
    {
        var sku = $"TWIN-{server.NextNumber()}";
        var product = new { id = Guid.CreateVersion7(), sku, name = "Rugbrød, lyst", price = 24.95m, vatPercent = 25m, barcodes = new[] { _api.NewEan13() } };
        var store = new { id = Guid.CreateVersion7(), name = $"Tvillingebutikken {sku}", address = "Torvet 1, 6000 Kolding", companyId = "11223344", countryCode = "DK" };

        var products = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AnswerOf(_api.PostAsync("/api/v1/products", product))));
        var stores = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AnswerOf(_api.PostAsync("/api/v1/stores", store))));
        var register = new { id = Guid.CreateVersion7(), name = "Kasse 1" };
        var registers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => AnswerOf(_api.PostAsync($"/api/v1/stores/{store.id}/registers", register))));

        foreach (var answer in products.Concat(stores).Concat(registers))
            Assert.True(answer.Status == HttpStatusCode.Created, $"{(int)answer.Status}: {answer.Body}");
        Assert.Equal(1, (await ProductsWithSku(sku)).Total);
    }

    [Fact]
    public async Task A_refused_request_is_not_remembered_so_the_same_request_succeeds_once_the_cause_is_fixed()
    {
        var shop = await Refusal.SharedShopAsync(server);
        var sale = await _api.OpenSaleAsync(shop);
        var ean = _api.NewEan13();
        var key = Guid.CreateVersion7().ToString();

        await Refusal.Expect(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new AddLine(Barcode: ean), key), HttpStatusCode.NotFound, "barcode.unknown");
        var cocoa = await _api.NewProductAsync(18.00m, name: "Kakaomælk", barcodes: ean);
        var retry = await AnswerOf(_api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new AddLine(Barcode: ean), key));

        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.False(retry.Replayed);
        Assert.Equal(cocoa.Id, Assert.Single((await _api.GetSaleAsync(sale.Id)).Lines).ProductId);
    }

    [Fact]
    public async Task A_sale_opened_twice_with_the_same_id_is_one_sale()
    {
        var shop = await _api.NewShopAsync();
        var id = Guid.CreateVersion7();

        var first = await _api.OpenSaleAsync(shop, id);
        var again = await _api.OpenSaleAsync(shop, id);

        Assert.Equivalent(first, again);
        Assert.Equal([id], (await SalesOf(shop)).Select(s => s.Id));
    }

    [Fact]
    public async Task A_sale_opened_eight_times_at_once_with_the_same_id_is_one_sale()
    {
        var shop = await _api.NewShopAsync();
        var id = Guid.CreateVersion7();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            AnswerOf(_api.PostAsync("/api/v1/sales", new OpenSale(id, shop.Register.Id, shop.CashierId)))));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, $"{(int)a.Status}: {a.Body}"));
        Assert.Equal([id], (await SalesOf(shop)).Select(s => s.Id));
    }

    private static async Task<Answer> AnswerOf(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location?.OriginalString,
            response.Headers.TryGetValues(Replayed, out var values) && values.SequenceEqual(["true"]));
    }

    private async Task<ProductPage> ProductsWithSku(string sku) =>
        await KasseClient.Read<ProductPage>(await _api.Http.GetAsync($"/api/v1/products?q={Uri.EscapeDataString(sku)}"));

    private async Task<List<SaleView>> SalesOf(Shop shop) =>
        await KasseClient.Read<List<SaleView>>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/sales"));
}

[Collection(SqliteCollection.Name)]
public sealed class IdempotencyOnSqlite(SqliteServer server) : IdempotencyTests(server);

[Collection(PostgresCollection.Name)]
public sealed class IdempotencyOnPostgres(PostgresServer server) : IdempotencyTests(server);
