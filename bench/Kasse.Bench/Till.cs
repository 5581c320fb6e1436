using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

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

    /// <summary>What one checkout sold: its total and how it was paid.</summary>
    public sealed record Checkout(Guid SaleId, decimal Total, string Method);

    /// <summary>
    /// Open, scan 3–20 items, pay cash or card, complete; add-line and complete latencies recorded when measuring.
    /// Cash is tendered as a customer does, in whole 100-kroner notes covering what the last scan's answer says is
    /// due: a fixed note would be a part payment on a basket above it (the API rightly keeps the rest due).
    /// </summary>
    public async Task<Checkout> CheckoutAsync(int register, Random random, int products, bool measuring, Latencies addLine, Latencies complete, CancellationToken ct)
    {
        var sale = Guid.CreateVersion7();
        await PostAsync("api/v1/sales", new { id = sale, registerId = RegisterId(register) }, ct);
        var items = random.Next(3, 21);
        var due = 0m;
        for (var i = 0; i < items; i++)
        {
            var start = Stopwatch.GetTimestamp();
            due = Answer(await PostAsync($"api/v1/sales/{sale}/lines", new { barcode = Catalogue.Barcode(Catalogue.ScannableIndex(random, products)) }, ct)).AmountDue;
            if (measuring)
                addLine.Add(start);
        }
        var cash = random.Next(2) == 0;
        var paid = Answer(cash
            ? await PostAsync($"api/v1/sales/{sale}/payments", new { id = Guid.CreateVersion7(), method = "Cash", tendered = Math.Ceiling(due / 100m) * 100m }, ct)
            : await PostAsync($"api/v1/sales/{sale}/payments", new { id = Guid.CreateVersion7(), method = "Card" }, ct));
        // A payment answers 200 with what is still due; one that leaves money due is the driver's mistake, named here.
        if (paid.AmountDue != 0m)
            throw new InvalidOperationException($"The payment on sale {sale} left {paid.AmountDue.ToString("0.00", CultureInfo.InvariantCulture)} due of {paid.TotalAmount.ToString("0.00", CultureInfo.InvariantCulture)}.");
        var completing = Stopwatch.GetTimestamp();
        await PostAsync($"api/v1/sales/{sale}/complete", null, ct);
        if (measuring)
            complete.Add(completing);
        return new Checkout(sale, paid.TotalAmount, cash ? "Cash" : "Card");
    }

    /// <summary>
    /// A whole sale in one request (POST /api/v1/sales with lines, a payment and complete: true), as a kiosk, a webshop or an
    /// offline till sends it: <paramref name="items"/> scans (3–20 when null), paid in exact cash or by a card recorded with
    /// its reference. The answer must be the completed sale with nothing due.
    /// </summary>
    public async Task PlaceSaleAsync(int register, Random random, int products, int? items, bool measuring, Latencies latencies, CancellationToken ct)
    {
        var sale = Guid.CreateVersion7();
        var count = items ?? random.Next(3, 21);
        var lines = Enumerable.Range(0, count).Select(_ => new { barcode = Catalogue.Barcode(Catalogue.ScannableIndex(random, products)) }).ToArray();
        object payment = random.Next(2) == 0
            ? new { id = Guid.CreateVersion7(), method = "Cash" }
            : new { id = Guid.CreateVersion7(), method = "Card", reference = "BENCH " + sale.ToString("N")[..8] };
        var start = Stopwatch.GetTimestamp();
        var placed = Answer(await PostAsync("api/v1/sales", new { id = sale, registerId = RegisterId(register), lines, payments = new[] { payment }, complete = true }, ct));
        if (measuring)
            latencies.Add(start);
        if (placed.Status != "Completed" || placed.AmountDue != 0m)
            throw new InvalidOperationException($"Sale {sale} placed in one request answered {placed.Status} with {placed.AmountDue.ToString("0.00", CultureInfo.InvariantCulture)} due.");
    }

    /// <summary>The bench store's kitchen: one station (everything goes there) and a table per waiter.</summary>
    public async Task<(Guid StationId, IReadOnlyList<Guid> Tables)> CreateKitchenAsync(int waiters)
    {
        var station = JsonSerializer.Deserialize<IdAnswer>(await PostAsync($"api/v1/stores/{StoreId}/kitchen/stations", new { name = "Køkken" }), JsonSerializerOptions.Web)!.Id;
        var area = JsonSerializer.Deserialize<IdAnswer>(await PostAsync($"api/v1/stores/{StoreId}/floor/areas", new { name = "Salen" }), JsonSerializerOptions.Web)!.Id;
        var tables = new List<Guid>();
        for (var i = 0; i < waiters; i++)
            tables.Add(JsonSerializer.Deserialize<IdAnswer>(await PostAsync($"api/v1/stores/{StoreId}/floor/tables",
                new { areaId = area, name = (i + 1).ToString(CultureInfo.InvariantCulture), x = (i % 10) * 3, y = (i / 10) * 3 }), JsonSerializerOptions.Web)!.Id);
        return (station, tables);
    }

    /// <summary>
    /// A waiter's order: open a sale on the table, 2–4 dishes, then (measured) send it to the kitchen and read the station's
    /// board as its screen does when told, until the ticket is on it; then the cook bumps it (not measured).
    /// </summary>
    public async Task SendToKitchenAsync(int waiter, Guid tableId, Guid stationId, Random random, int products, bool measuring, Latencies latencies,
        CancellationToken ct)
    {
        var sale = Guid.CreateVersion7();
        await PostAsync("api/v1/sales", new { id = sale, registerId = RegisterId(waiter), tableId, covers = 2 }, ct);
        for (var i = random.Next(2, 5); i > 0; i--)
            await PostAsync($"api/v1/sales/{sale}/lines", new { barcode = Catalogue.Barcode(Catalogue.ScannableIndex(random, products)) }, ct);
        var start = Stopwatch.GetTimestamp();
        var sent = JsonSerializer.Deserialize<SendAnswer>(await PostAsync($"api/v1/sales/{sale}/kitchen/send", new { holdLaterCourses = true }, ct), JsonSerializerOptions.Web)!;
        var ticket = sent.Tickets.Single().Id;
        using (var board = await http.GetAsync(Url($"api/v1/kitchen/stations/{stationId}/board"), ct))
        {
            var text = await EnsureAsync(board, ct);
            if (!text.Contains(ticket.ToString(), StringComparison.Ordinal))
                throw new InvalidOperationException($"The kitchen's board does not show ticket {ticket} after its send answered.");
        }
        if (measuring)
            latencies.Add(start);
        await PostAsync($"api/v1/kitchen/tickets/{ticket}/bump", null, ct);
    }

    private sealed record IdAnswer(Guid Id);

    private sealed record SendAnswer(IReadOnlyList<IdAnswer> Tickets);

    /// <summary>The figures of a sale's answer the driver acts on.</summary>
    private sealed record SaleAnswer(decimal TotalAmount, decimal AmountDue, string? Status = null);

    private static SaleAnswer Answer(string json) =>
        JsonSerializer.Deserialize<SaleAnswer>(json, JsonSerializerOptions.Web) ?? throw new InvalidOperationException("A sale's answer was empty.");

    /// <summary>Posts and returns the answer's body; anything but 2xx throws with what the server said.</summary>
    private async Task<string> PostAsync(string path, object? body, CancellationToken ct = default)
    {
        using var response = body is null
            ? await http.PostAsync(Url(path), null, ct)
            : await http.PostAsJsonAsync(Url(path), body, ct);
        return await EnsureAsync(response, ct);
    }

    private static async Task<string> EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}: {text}");
        return text;
    }
}
