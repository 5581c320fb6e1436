using System.Globalization;
using System.Net;
using System.Text.Json;
using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Api;

/// <summary>
/// Whatever a till, an integration or an attacker sends, Kasse answers with a 4xx problem+json that says what
/// is wrong, never a 500, and a refused request changes nothing.
/// </summary>
public abstract class BadInputTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    /// <summary>Bodies for a sale's endpoints: {product}, {line} and {new} are filled in per test.</summary>
    public static TheoryData<string, string, string> BadSaleBodies => new()
    {
        // Not JSON, or not whole.
        { "POST lines", """{"productId":"{product}","quantity":2""", "request.malformed" },
        { "POST lines", """{"productId":""", "request.malformed" },
        { "POST lines", "hello", "request.malformed" },
        { "POST lines", "<line><productId>{product}</productId></line>", "request.malformed" },
        { "POST lines", """{'productId':'{product}'}""", "request.malformed" },
        { "POST lines", """{"productId":"{product}",}""", "request.malformed" },
        { "POST lines", """{"productId":"{product}" /* one please */}""", "request.malformed" },
        { "POST lines", "[]", "request.malformed" },
        { "POST lines", "\"a sandwich\"", "request.malformed" },
        { "POST lines", "null", "request.malformed" },
        { "POST lines", "", "request.malformed" },
        // Wrong types.
        { "POST lines", """{"productId":"{product}","quantity":"two"}""", "request.malformed" },
        { "POST lines", """{"productId":"{product}","quantity":true}""", "request.malformed" },
        { "POST lines", """{"productId":"{product}","quantity":[1]}""", "request.malformed" },
        { "POST lines", """{"barcode":5701234567892}""", "request.malformed" },
        { "POST lines", """{"productId":12345}""", "request.malformed" },
        { "POST lines", """{"productId":"not-a-guid"}""", "request.malformed" },
        { "POST lines", """{"description":"Diverse","unitPrice":"12,50"}""", "request.malformed" },
        { "POST lines", """{"description":"\ud800","unitPrice":10}""", "request.malformed" },
        // Unknown or misspelt fields.
        { "POST lines", """{"productId":"{product}","quantiy":2}""", "request.malformed" },
        { "POST lines", """{"productId":"{product}","price":0}""", "request.malformed" },
        // The same field twice: which one did the till mean?
        { "POST lines", """{"productId":"{product}","quantity":1,"quantity":2}""", "request.malformed" },
        // Absurd numbers.
        { "POST lines", """{"productId":"{product}","quantity":1e30}""", "request.malformed" },
        { "POST lines", """{"productId":"{product}","quantity":1e400}""", "request.malformed" },
        { "POST lines", """{"productId":"{product}","quantity":NaN}""", "request.malformed" },
        { "POST lines", """{"productId":"{product}","quantity":1e20}""", "line.quantity" },
        { "POST lines", """{"productId":"{product}","quantity":-5}""", "line.quantity" },
        { "POST lines", """{"productId":"{product}","quantity":0.5}""", "line.quantity" },
        { "POST lines", """{"description":"Diverse","unitPrice":-5}""", "line.price" },
        { "POST lines", """{"description":"Diverse","unitPrice":12.345}""", "line.price" },
        { "POST lines", """{"description":"Diverse","unitPrice":1e400}""", "request.malformed" },
        { "POST lines", """{"description":"Diverse","unitPrice":79228162514264337593543950336}""", "request.malformed" },
        { "POST lines", """{"description":"Klokke\u0007","unitPrice":10}""", "line.name" },
        { "POST lines", "{}", "line.what" },
        { "PATCH lines/{line}", """{"quantity":"six"}""", "request.malformed" },
        { "PATCH lines/{line}", """{"quantity":1e30}""", "request.malformed" },
        { "PATCH lines/{line}", "{}", "request.malformed" },
        // Enums are names, and only the names Kasse knows.
        { "POST payments", """{"id":"{new}","method":7}""", "request.malformed" },
        { "POST payments", """{"id":"{new}","method":"7"}""", "request.malformed" },
        { "POST payments", """{"id":"{new}","method":"Bitcoin"}""", "request.malformed" },
        { "POST payments", """{"id":"{new}"}""", "request.malformed" },
        { "POST payments", """{"id":"{new}","method":"Card","amount":-5}""", "payment.amount" },
        { "PUT discount", """{"kind":1,"value":10,"reason":"Stamkunde"}""", "request.malformed" },
        { "PUT discount", """{"kind":"Gratis","value":10,"reason":"Stamkunde"}""", "request.malformed" },
    };

    [Theory]
    [MemberData(nameof(BadSaleBodies))]
    public async Task A_bad_body_for_a_sale_is_refused_with_a_reason_and_changes_nothing(string endpoint, string body, string code)
    {
        var (sale, product) = await SaleWithOneLineAsync();
        var (method, path) = SaleEndpoint(sale, endpoint);
        var json = body.Replace("{product}", product.Id.ToString(), StringComparison.Ordinal)
            .Replace("{new}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal);

        await Refusal.Expect(await _api.SendRawAsync(method, path, json), HttpStatusCode.BadRequest, code);

        Assert.Equivalent(sale, await _api.GetSaleAsync(sale.Id));
    }

    [Theory]
    [InlineData("POST lines", "quantity", """{"productId":"{product}","quantity":"two"}""")]
    [InlineData("POST lines", "barcode", """{"barcode":5701234567892}""")]
    [InlineData("POST lines", "quantiy", """{"productId":"{product}","quantiy":2}""")]
    [InlineData("POST payments", "method", """{"id":"{new}","method":"Bitcoin"}""")]
    public async Task A_body_the_server_cannot_read_names_the_field_at_fault(string endpoint, string field, string body)
    {
        var (sale, product) = await SaleWithOneLineAsync();
        var (method, path) = SaleEndpoint(sale, endpoint);
        var json = body.Replace("{product}", product.Id.ToString(), StringComparison.Ordinal)
            .Replace("{new}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal);

        var problem = await Refusal.Expect(await _api.SendRawAsync(method, path, json), HttpStatusCode.BadRequest, "request.malformed");

        Assert.Contains(field, problem.Detail());
    }

    [Fact]
    public async Task Text_that_is_not_valid_UTF_8_is_refused_and_changes_nothing()
    {
        var (sale, _) = await SaleWithOneLineAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sales/{sale.Id}/lines")
        {
            Content = new ByteArrayContent([.. "{\"description\":\""u8, 0xC3, 0x28, 0xFF, .. "\",\"unitPrice\":10}"u8]),
        };
        request.Content.Headers.ContentType = new("application/json");

        await Refusal.Expect(await _api.Http.SendAsync(request), HttpStatusCode.BadRequest, "request.malformed");

        Assert.Equivalent(sale, await _api.GetSaleAsync(sale.Id));
    }

    [Fact]
    public async Task A_sale_without_a_register_is_not_opened()
    {
        var id = Guid.CreateVersion7();

        var problem = await Refusal.Expect(await _api.SendRawAsync(HttpMethod.Post, "/api/v1/sales", $$"""{"id":"{{id}}"}"""),
            HttpStatusCode.BadRequest, "request.malformed");

        Assert.Contains("registerId", problem.Detail());
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/sales/{id}"), HttpStatusCode.NotFound, "sale.not-found");
    }

    [Fact]
    public async Task A_product_without_a_price_is_not_created()
    {
        var id = Guid.CreateVersion7();
        var sku = $"NOPRICE-{server.NextNumber()}";

        var problem = await Refusal.Expect(await _api.SendRawAsync(HttpMethod.Post, "/api/v1/products",
            $$"""{"id":"{{id}}","sku":"{{sku}}","name":"Gulerødder","vatPercent":25}"""), HttpStatusCode.BadRequest, "request.malformed");

        Assert.Contains("price", problem.Detail());
        await AssertNoProductAsync(id, sku);
    }

    [Theory]
    [InlineData("-5", "product.price")]
    [InlineData("12.345", "product.price")]
    [InlineData("1000000.01", "product.price")]
    [InlineData("1e400", "request.malformed")]
    [InlineData("\"gratis\"", "request.malformed")]
    public async Task A_product_with_an_impossible_price_is_not_created(string price, string code)
    {
        var id = Guid.CreateVersion7();
        var sku = $"BADPRICE-{server.NextNumber()}";

        await Refusal.Expect(await _api.SendRawAsync(HttpMethod.Post, "/api/v1/products",
            $$"""{"id":"{{id}}","sku":"{{sku}}","name":"Gulerødder","price":{{price}},"vatPercent":25}"""), HttpStatusCode.BadRequest, code);

        await AssertNoProductAsync(id, sku);
    }

    [Fact]
    public async Task A_100_000_character_product_name_is_refused_and_not_created()
    {
        var id = Guid.CreateVersion7();
        var sku = $"LONG-{server.NextNumber()}";

        var problem = await Refusal.Expect(await _api.PostAsync("/api/v1/products",
            new { id, sku, name = new string('Æ', 100_000), price = 10m, vatPercent = 25m }), HttpStatusCode.BadRequest, "product.name");

        Assert.Contains("60", problem.Detail());
        await AssertNoProductAsync(id, sku);
    }

    [Theory]
    [InlineData('5')]
    [InlineData('x')]
    public async Task A_100_000_character_barcode_is_refused_with_a_short_message_and_changes_nothing(char filler)
    {
        var (sale, _) = await SaleWithOneLineAsync();

        var problem = await Refusal.Expect(await _api.TryScanAsync(sale.Id, new string(filler, 100_000)), HttpStatusCode.BadRequest);

        // The cashier reads this on the till's screen: it must not repeat the whole 100 000 characters back.
        Assert.True(problem.Detail().Length < 300, $"The message is {problem.Detail().Length} characters long.");
        Assert.Equivalent(sale, await _api.GetSaleAsync(sale.Id));
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_refused_as_too_large_and_changes_nothing()
    {
        var id = Guid.CreateVersion7();
        var sku = $"HUGE-{server.NextNumber()}";
        var body = $$"""{"id":"{{id}}","sku":"{{sku}}","name":"{{new string('a', 1_100_000)}}","price":10,"vatPercent":25}""";

        await Refusal.Expect(await _api.SendRawAsync(HttpMethod.Post, "/api/v1/products", body, expectContinue: true), HttpStatusCode.RequestEntityTooLarge, "request.too-large");

        await AssertNoProductAsync(id, sku);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_json_body_sent_as_another_content_type_is_refused_and_changes_nothing(string? contentType)
    {
        var (sale, product) = await SaleWithOneLineAsync();

        await Refusal.Expect(await _api.SendRawAsync(HttpMethod.Post, $"/api/v1/sales/{sale.Id}/lines", $$"""{"productId":"{{product.Id}}"}""", contentType),
            HttpStatusCode.UnsupportedMediaType);

        Assert.Equivalent(sale, await _api.GetSaleAsync(sale.Id));
    }

    public static TheoryData<string, string, string?, string> UnknownIds => new()
    {
        { "GET", "/api/v1/sales/{unknown}", null, "sale.not-found" },
        { "POST", "/api/v1/sales/{unknown}/lines", """{"description":"Diverse","unitPrice":10}""", "sale.not-found" },
        { "POST", "/api/v1/sales/{unknown}/complete", null, "sale.not-found" },
        { "GET", "/api/v1/sales/{unknown}/receipt", null, "sale.not-found" },
        { "GET", "/api/v1/products/{unknown}", null, "product.not-found" },
        { "PUT", "/api/v1/products/{unknown}", """{"sku":"X-1","name":"Ingen","price":10,"vatPercent":25}""", "product.not-found" },
        { "GET", "/api/v1/stores/{unknown}", null, "store.not-found" },
        { "GET", "/api/v1/stores/{unknown}/registers", null, "store.not-found" },
        { "POST", "/api/v1/stores/{unknown}/registers", """{"id":"{new}","name":"Kasse 9"}""", "store.not-found" },
        { "GET", "/api/v1/stores/{unknown}/barcodes/5701234567899", null, "store.not-found" },
        { "POST", "/api/v1/sales", """{"id":"{new}","registerId":"{unknown}"}""", "register.not-found" },
        { "GET", "/api/v1/registers/{unknown}/receipts/1", null, "sale.receipt-not-found" },
    };

    [Theory]
    [MemberData(nameof(UnknownIds))]
    public async Task Something_that_does_not_exist_is_not_found_with_a_reason(string method, string path, string? body, string code)
    {
        string Fill(string s) => s.Replace("{unknown}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal)
            .Replace("{new}", Guid.CreateVersion7().ToString(), StringComparison.Ordinal);

        await Refusal.Expect(await _api.SendRawAsync(new HttpMethod(method), Fill(path), body is null ? null : Fill(body)), HttpStatusCode.NotFound, code);
    }

    [Fact]
    public async Task A_line_for_a_product_that_does_not_exist_is_refused_and_changes_nothing()
    {
        var (sale, _) = await SaleWithOneLineAsync();

        await Refusal.Expect(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new AddLine(ProductId: Guid.CreateVersion7())),
            HttpStatusCode.NotFound, "product.not-found");

        Assert.Equivalent(sale, await _api.GetSaleAsync(sale.Id));
    }

    [Theory]
    [InlineData("GET", "/api/v1/sales/not-a-guid")]
    [InlineData("GET", "/api/v1/sales/12345")]
    [InlineData("POST", "/api/v1/sales/not-a-guid/lines")]
    [InlineData("GET", "/api/v1/registers/0197a000-0000-7000-8000-000000000001/receipts/first")]
    [InlineData("GET", "/api/v1/tables")]
    [InlineData("GET", "/api/v2/sales")]
    public async Task A_path_kasse_does_not_serve_is_not_found_with_a_reason(string method, string path)
    {
        await Refusal.Expect(await _api.SendRawAsync(new HttpMethod(method), path, method == "POST" ? "{}" : null), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("DELETE", "/api/v1/products")]
    [InlineData("PUT", "/api/v1/sales")]
    [InlineData("GET", "/api/v1/sales/0197a000-0000-7000-8000-000000000001/complete")]
    public async Task A_method_a_path_does_not_take_is_refused_with_a_reason(string method, string path)
    {
        var response = await _api.SendRawAsync(new HttpMethod(method), path, null);

        await Refusal.Expect(response, HttpStatusCode.MethodNotAllowed);
        Assert.NotEmpty(response.Content.Headers.Allow);
    }

    public static TheoryData<string> BadIdempotencyKeys => ["a key with spaces", "tab\there", "", "   ", new string('k', 101)];

    [Theory]
    [MemberData(nameof(BadIdempotencyKeys))]
    public async Task An_idempotency_key_that_is_not_1_to_100_visible_characters_is_refused_and_changes_nothing(string key)
    {
        var (sale, product) = await SaleWithOneLineAsync();

        var problem = await Refusal.Expect(await _api.SendRawAsync(HttpMethod.Post, $"/api/v1/sales/{sale.Id}/lines",
            $$"""{"productId":"{{product.Id}}"}""", idempotencyKey: key), HttpStatusCode.BadRequest, "idempotency.key");

        Assert.Contains("Idempotency-Key", problem.Detail());
        Assert.Equivalent(sale, await _api.GetSaleAsync(sale.Id));
    }

    [Fact]
    public async Task An_idempotency_key_reused_for_a_different_request_is_refused_and_changes_nothing()
    {
        var (sale, product) = await SaleWithOneLineAsync();
        var key = Guid.CreateVersion7().ToString();
        var first = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new AddLine(ProductId: product.Id), key));

        var problem = await Refusal.Expect(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new AddLine(ProductId: product.Id, Quantity: 5), key),
            HttpStatusCode.Conflict, "idempotency.key-reused");
        await Refusal.Expect(await _api.PostAsync($"/api/v1/sales/{sale.Id}/payments", new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card), key),
            HttpStatusCode.Conflict, "idempotency.key-reused");

        Assert.Contains("new key", problem.Detail());
        Assert.Equivalent(first, await _api.GetSaleAsync(sale.Id));
        Assert.Equal(2, first.Lines.Count);
    }

    [Theory]
    [InlineData("'); DROP TABLE \"Products\";--")]
    [InlineData("Robert'); DELETE FROM \"Sales\" WHERE ('1'='1")]
    [InlineData("<script>alert('kasse')</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("{{7*7}} ${7*7} %s %n")]
    public async Task A_product_name_that_looks_like_code_is_stored_and_found_as_plain_text(string name)
    {
        var product = await _api.NewProductAsync(10.00m, name: name);

        var found = await KasseClient.Read<ProductPage>(await _api.Http.GetAsync($"/api/v1/products?q={Uri.EscapeDataString(name)}&take=500"));
        var raw = await _api.Http.GetStringAsync($"/api/v1/products/{product.Id}");

        Assert.Equal(name, product.Name);
        Assert.Contains(found.Items, p => p.Id == product.Id && p.Name == name);
        Assert.Equal(name, JsonDocument.Parse(raw).RootElement.GetProperty("name").GetString());
        Assert.Equal(name, (await KasseClient.Read<ProductView>(await _api.Http.GetAsync($"/api/v1/products/{product.Id}"))).Name);
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("' OR '1'='1")]
    [InlineData("\\")]
    public async Task A_search_with_wildcards_or_quotes_matches_only_names_that_contain_them(string query)
    {
        var literal = await _api.NewProductAsync(10.00m, name: $"Vare {query} nr. {server.NextNumber()}");
        await _api.NewProductAsync(10.00m, name: $"Almindelig vare {server.NextNumber()}");

        var found = await KasseClient.Read<ProductPage>(await _api.Http.GetAsync($"/api/v1/products?q={Uri.EscapeDataString(query)}&take=500"));

        Assert.Contains(found.Items, p => p.Id == literal.Id);
        Assert.All(found.Items, p => Assert.True(
            p.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || p.Sku.Contains(query, StringComparison.OrdinalIgnoreCase) || p.Barcodes.Contains(query),
            $"'{p.Name}' ({p.Sku}) does not contain {query}"));
    }

    [Fact]
    public async Task A_scanned_code_that_looks_like_a_script_comes_back_as_the_same_text()
    {
        var shop = await Refusal.SharedShopAsync(server);
        // No "/" in it: a route segment keeps an encoded slash as %2F, and a barcode never has one.
        const string code = "<img src=x onerror=alert('kasse')>";

        var problem = await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/barcodes/{Uri.EscapeDataString(code)}"),
            HttpStatusCode.BadRequest, "barcode.not-digits");

        Assert.Contains(code, problem.Detail());
    }

    [Theory]
    [InlineData("7")]
    [InlineData("1")]
    [InlineData("Bogus")]
    public async Task A_sale_status_filter_must_name_a_status(string status)
    {
        var shop = await Refusal.SharedShopAsync(server);

        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/sales?status={Uri.EscapeDataString(status)}"),
            HttpStatusCode.BadRequest);
    }

    private async Task<(SaleView Sale, ProductView Product)> SaleWithOneLineAsync()
    {
        var shop = await Refusal.SharedShopAsync(server);
        var product = await _api.NewProductAsync(24.95m);
        var sale = await _api.OpenSaleAsync(shop);
        return (await _api.AddProductAsync(sale.Id, product.Id), product);
    }

    private static (HttpMethod Method, string Path) SaleEndpoint(SaleView sale, string endpoint)
    {
        var parts = endpoint.Split(' ');
        var suffix = parts[1].Replace("{line}", sale.Lines[0].Id.ToString(), StringComparison.Ordinal);
        return (new HttpMethod(parts[0]), $"/api/v1/sales/{sale.Id}/{suffix}");
    }

    private async Task AssertNoProductAsync(Guid id, string sku)
    {
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/products/{id}"), HttpStatusCode.NotFound, "product.not-found");
        var bySku = await KasseClient.Read<ProductPage>(await _api.Http.GetAsync($"/api/v1/products?q={Uri.EscapeDataString(sku)}"));
        Assert.Equal(0, bySku.Total);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BadInputOnSqlite(SqliteServer server) : BadInputTests(server);

[Collection(PostgresCollection.Name)]
public sealed class BadInputOnPostgres(PostgresServer server) : BadInputTests(server);
