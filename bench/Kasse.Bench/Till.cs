using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace Kasse.Bench;

/// <summary>Kasse's HTTP API as a till uses it. Every call must succeed; a failure ends the iteration as an error.</summary>
public sealed class Till(HttpClient http, Uri baseUrl)
{
    public static readonly Guid StoreId = Guid.Parse("0192f000-0000-7000-8000-00000000b001");

    public static Guid RegisterId(int index) => Guid.Parse(string.Create(CultureInfo.InvariantCulture, $"0192f000-0000-7000-8000-0000000{index + 0xc000:x5}"));

    private Uri Url(string path) => new(baseUrl, path);

    public async Task CreateStoreAndRegistersAsync(int registers)
    {
        await PostAsync("api/v1/stores", new
        {
            id = StoreId,
            name = "Bench Købmand",
            address = "Benchvej 1, 8000 Aarhus C",
            companyId = "DK12345678",
            countryCode = "DK",
        });
        for (var i = 0; i < registers; i++)
            await PostAsync($"api/v1/stores/{StoreId}/registers", new { id = RegisterId(i), name = "Kasse " + (i + 1).ToString(CultureInfo.InvariantCulture) });
    }

    public async Task<bool> LookUpAsync(string barcode, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(Url($"api/v1/stores/{StoreId}/barcodes/{barcode}"), ct);
        await response.Content.LoadIntoBufferAsync(ct);
        return response.IsSuccessStatusCode;
    }

    public async Task SearchAsync(string query, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(Url("api/v1/products?q=" + Uri.EscapeDataString(query)), ct);
        await EnsureAsync(response, ct);
    }

    /// <summary>Open, scan 3–20 items, pay cash or card, complete; add-line and complete latencies recorded when measuring.</summary>
    public async Task CheckoutAsync(int register, Random random, int products, bool measuring, Latencies addLine, Latencies complete, CancellationToken ct)
    {
        var sale = Guid.CreateVersion7();
        await PostAsync("api/v1/sales", new { id = sale, registerId = RegisterId(register) }, ct);
        var items = random.Next(3, 21);
        for (var i = 0; i < items; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await PostAsync($"api/v1/sales/{sale}/lines", new { barcode = Catalogue.Barcode(Catalogue.ScannableIndex(random, products)) }, ct);
            if (measuring)
                addLine.Add(start);
        }
        if (random.Next(2) == 0)
            await PostAsync($"api/v1/sales/{sale}/payments", new { id = Guid.CreateVersion7(), method = "Cash", tendered = 5000m }, ct);
        else
            await PostAsync($"api/v1/sales/{sale}/payments", new { id = Guid.CreateVersion7(), method = "Card" }, ct);
        var completing = Stopwatch.GetTimestamp();
        await PostAsync($"api/v1/sales/{sale}/complete", null, ct);
        if (measuring)
            complete.Add(completing);
    }

    private async Task PostAsync(string path, object? body, CancellationToken ct = default)
    {
        using var response = body is null
            ? await http.PostAsync(Url(path), null, ct)
            : await http.PostAsJsonAsync(Url(path), body, ct);
        await EnsureAsync(response, ct);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {text}");
    }
}
