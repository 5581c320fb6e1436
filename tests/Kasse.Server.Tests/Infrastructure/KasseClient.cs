using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Hosting;

namespace Kasse.Server.Tests.Infrastructure;

/// <summary>A shop made for one test: its store, one register, a cashier (PIN 1111) and a supervisor (PIN 4321).</summary>
public sealed record Shop(StoreView Store, RegisterView Register, Guid CashierId, Guid SupervisorId)
{
    public const string CashierPin = "1111";
    public const string SupervisorPin = "4321";
}

/// <summary>Speaks Kasse's HTTP API the way a till does, with intent methods for tests.</summary>
public sealed class KasseClient(HttpClient http, KasseServer server)
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    public HttpClient Http => http;

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        KasseWebApp.ConfigureJson(options);
        return options;
    }

    // ---- raw calls -------------------------------------------------------------------------------------

    public Task<HttpResponseMessage> PostAsync(string path, object? body, string? idempotencyKey = null) =>
        SendAsync(HttpMethod.Post, path, body, idempotencyKey);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await http.SendAsync(request);
    }

    public static async Task<T> Read<T>(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    /// <summary>Asserts the answer is a problem+json with the status (and code) expected, and returns it.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), "A problem must say what is wrong: " + body);
        if (code is not null)
            Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    // ---- intent: set up a shop ------------------------------------------------------------------------

    public async Task<Shop> NewShopAsync(string country = "DK", string? timeZone = null, string? companyId = null, string? currency = null)
    {
        var n = server.NextNumber();
        var store = await Read<StoreView>(await PostAsync("/api/v1/stores", new CreateStore(Guid.CreateVersion7(),
            $"Købmand Ærø {n}", "Vestergade 5, 5970 Ærøskøbing", companyId ?? "1234" + (n % 10000).ToString("D4", CultureInfo.InvariantCulture), country,
            currency, TimeZone: timeZone)));
        var register = await NewRegisterAsync(store.Id, "Kasse 1");
        var cashier = Guid.CreateVersion7();
        var supervisor = Guid.CreateVersion7();
        await Read<object>(await PostAsync("/api/v1/employees", new { id = cashier, name = $"Søren Kassemand {n}", role = Role.Cashier, pin = Shop.CashierPin, stores = new[] { store.Id } }));
        await Read<object>(await PostAsync("/api/v1/employees", new { id = supervisor, name = $"Åse Vagtleder {n}", role = Role.Supervisor, pin = Shop.SupervisorPin, stores = new[] { store.Id } }));
        return new Shop(store, register, cashier, supervisor);
    }

    public async Task<RegisterView> NewRegisterAsync(Guid storeId, string name) =>
        await Read<RegisterView>(await PostAsync($"/api/v1/stores/{storeId}/registers", new { id = Guid.CreateVersion7(), name }));

    public async Task<ProductView> NewProductAsync(decimal price, decimal vat = 25m, Unit unit = Unit.Piece, string? name = null, params string[] barcodes)
    {
        var n = server.NextNumber();
        var codes = barcodes.Length > 0 ? barcodes : unit == Unit.Piece ? [NewEan13()] : [];
        return await Read<ProductView>(await PostAsync("/api/v1/products", new
        {
            id = Guid.CreateVersion7(),
            sku = $"T-{n}",
            name = name ?? $"Testvare {n}",
            price,
            vatPercent = vat,
            unit,
            barcodes = codes,
        }));
    }

    /// <summary>A valid EAN-13 in the Danish 57 range, unique in this database.</summary>
    public string NewEan13() => WithCheckDigit("57" + (server.NextNumber() % 10_000_000_000L).ToString("D10", CultureInfo.InvariantCulture));

    /// <summary>The item part of a GS1 variable-measure code, e.g. "2300123" for prefix 23.</summary>
    public string NewItemCode(string prefix) => prefix + (server.NextNumber() % 100_000).ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>A scale label: item code + 5-digit value (øre or grams) + check digit.</summary>
    public static string Label(string itemCode, int value) => WithCheckDigit(itemCode + value.ToString("D5", CultureInfo.InvariantCulture));

    public static string WithCheckDigit(string payload) =>
        payload + Gtin.CheckDigitFor(payload).ToString(CultureInfo.InvariantCulture);

    // ---- intent: sell --------------------------------------------------------------------------------------

    public async Task<SaleView> OpenSaleAsync(Shop shop, Guid? id = null) =>
        await Read<SaleView>(await PostAsync("/api/v1/sales", new OpenSale(id ?? Guid.CreateVersion7(), shop.Register.Id, shop.CashierId)));

    public Task<HttpResponseMessage> TryScanAsync(Guid saleId, string barcode, decimal? quantity = null) =>
        PostAsync($"/api/v1/sales/{saleId}/lines", new AddLine(Barcode: barcode, Quantity: quantity));

    public async Task<SaleView> ScanAsync(Guid saleId, string barcode, decimal? quantity = null) =>
        await Read<SaleView>(await TryScanAsync(saleId, barcode, quantity));

    public async Task<SaleView> AddProductAsync(Guid saleId, Guid productId, decimal quantity = 1m) =>
        await Read<SaleView>(await PostAsync($"/api/v1/sales/{saleId}/lines", new AddLine(ProductId: productId, Quantity: quantity)));

    public Task<HttpResponseMessage> TryPayAsync(Guid saleId, PaymentMethod method, decimal? amount = null, decimal? tendered = null, Guid? paymentId = null) =>
        PostAsync($"/api/v1/sales/{saleId}/payments", new AddPayment(paymentId ?? Guid.CreateVersion7(), method, amount, tendered));

    public async Task<SaleView> PayCashAsync(Guid saleId, decimal tendered) =>
        await Read<SaleView>(await TryPayAsync(saleId, PaymentMethod.Cash, tendered: tendered));

    public async Task<SaleView> PayAsync(Guid saleId, PaymentMethod method, decimal? amount = null) =>
        await Read<SaleView>(await TryPayAsync(saleId, method, amount));

    public Task<HttpResponseMessage> TryCompleteAsync(Guid saleId) => PostAsync($"/api/v1/sales/{saleId}/complete", null);

    public async Task<SaleView> CompleteAsync(Guid saleId) => await Read<SaleView>(await TryCompleteAsync(saleId));

    public async Task<SaleView> GetSaleAsync(Guid saleId) => await Read<SaleView>(await http.GetAsync($"/api/v1/sales/{saleId}"));

    /// <summary>A completed sale of the given products, paid by card.</summary>
    public async Task<SaleView> SellAsync(Shop shop, PaymentMethod method, params (ProductView Product, decimal Quantity)[] items)
    {
        var sale = await OpenSaleAsync(shop);
        foreach (var (product, quantity) in items)
            sale = await AddProductAsync(sale.Id, product.Id, quantity);
        sale = method == PaymentMethod.Cash ? await PayCashAsync(sale.Id, Math.Ceiling(sale.TotalAmount / 100m) * 100m) : await PayAsync(sale.Id, method);
        return await CompleteAsync(sale.Id);
    }

    public Task<HttpResponseMessage> TryReturnAsync(CreateReturn command) => PostAsync("/api/v1/returns", command);

    public async Task<SaleView> ReturnAsync(CreateReturn command) => await Read<SaleView>(await TryReturnAsync(command));
}
