using System.Net.Http.Json;
using System.Text.Json;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;
using Kasse.Server.Hosting;

namespace Kasse.Browser.Tests.BackOffice;

/// <summary>Rings up sales through Kasse's HTTP API on the same server, the way a till (or an integration) does.</summary>
public sealed class SalesApi(Uri baseAddress, string apiKey) : IDisposable
{
    private static readonly JsonSerializerOptions Json = CreateJson();
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, DefaultRequestHeaders = { { "X-Api-Key", apiKey } } };

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        KasseWebApp.ConfigureJson(options);
        return options;
    }

    public Task<SaleView> OpenAsync(Guid registerId, Guid cashierId) =>
        PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), registerId, cashierId));

    public Task<SaleView> ScanAsync(Guid saleId, string barcode) =>
        PostAsync($"/api/v1/sales/{saleId}/lines", new AddLine(Guid.CreateVersion7(), Barcode: barcode));

    /// <summary>A payment of the given amount (a part payment when less than is due); cash takes it as tendered.</summary>
    public Task<SaleView> PayAsync(Guid saleId, PaymentMethod method, decimal amount) =>
        PostAsync($"/api/v1/sales/{saleId}/payments", method == PaymentMethod.Cash
            ? new AddPayment(Guid.CreateVersion7(), method, Tendered: amount)
            : new AddPayment(Guid.CreateVersion7(), method, Amount: amount));

    public Task<SaleView> CompleteAsync(Guid saleId) => PostAsync<object?>($"/api/v1/sales/{saleId}/complete", null);

    public async Task<SaleView> PayCashAndCompleteAsync(Guid saleId, decimal tendered)
    {
        await PostAsync($"/api/v1/sales/{saleId}/payments", new AddPayment(Guid.CreateVersion7(), PaymentMethod.Cash, Tendered: tendered));
        return await PostAsync<object?>($"/api/v1/sales/{saleId}/complete", null);
    }

    /// <summary>A whole sale: the codes scanned, paid in cash with the note given, completed.</summary>
    public Task<SaleView> SellAsync(Guid registerId, Guid cashierId, decimal tendered, params string[] barcodes) =>
        SellAsync(registerId, cashierId, tendered, 0m, barcodes);

    /// <summary>A whole sale paid in cash with a tip on top (taken out of the note given; the rest is change).</summary>
    public async Task<SaleView> SellAsync(Guid registerId, Guid cashierId, decimal tendered, decimal tip, params string[] barcodes)
    {
        var sale = await OpenAsync(registerId, cashierId);
        foreach (var code in barcodes)
            await ScanAsync(sale.Id, code);
        await PostAsync($"/api/v1/sales/{sale.Id}/payments", new AddPayment(Guid.CreateVersion7(), PaymentMethod.Cash, Tendered: tendered,
            Tip: tip == 0m ? null : tip));
        return await PostAsync<object?>($"/api/v1/sales/{sale.Id}/complete", null);
    }

    private async Task<SaleView> PostAsync<T>(string path, T body)
    {
        using var response = await _http.PostAsync(path, JsonContent.Create(body, options: Json));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} POST {path}: {text}");
        return JsonSerializer.Deserialize<SaleView>(text, Json)!;
    }

    public void Dispose() => _http.Dispose();
}
