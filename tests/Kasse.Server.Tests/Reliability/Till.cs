using System.Net.Http.Json;
using System.Text.Json;
using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests;

namespace Kasse.Server.Tests.Reliability;

/// <summary>A sale the till was told is complete, with the exact answer it got.</summary>
public sealed record ConfirmedSale(Guid SaleId, Guid RegisterId, long ReceiptNumber, decimal Total, string CompleteKey, string Answer);

/// <summary>How many answers all tills together have had: the crash test kills after a random number of them.</summary>
public sealed class TillProgress
{
    private int _answers;

    public int Answers => Volatile.Read(ref _answers);

    public void Answered() => Interlocked.Increment(ref _answers);

    /// <summary>Waits (bounded) until <paramref name="more"/> answers have arrived since <paramref name="since"/>.</summary>
    public Task WaitForAsync(int since, int more, TimeSpan limit) =>
        Eventually.HoldsAsync(() => Answers, answers => answers >= since + more, $"{more} more answers to the tills (after {since})", limit);
}

/// <summary>
/// One till selling in a loop through the HTTP API, as a real till retries: every step has a client-chosen id (sale,
/// line, payment) or an Idempotency-Key (complete), and a step that got no answer is sent again, unchanged, after
/// the server is back. The till only counts a sale once it has seen the completed answer.
/// </summary>
public sealed class CrashTill(Guid registerId, IReadOnlyList<Guid> products, int seed, TillProgress progress)
{
    private readonly Random _random = new(seed);
    private Step? _pending;

    public Guid RegisterId { get; } = registerId;
    public List<ConfirmedSale> Confirmed { get; } = [];
    public int Retries { get; private set; }
    public List<string> Failures { get; } = [];
    public List<(int Status, string Body)> Unavailable { get; } = [];

    private sealed record Step(Guid SaleId, int Stage, Guid LineId, Guid ProductId, decimal Quantity, decimal Total, Guid PaymentId, string CompleteKey, bool Retried);

    /// <summary>Sells until cancelled or until a request gets no answer (the server died); that step stays pending.</summary>
    public async Task SellAsync(HttpClient http, CancellationToken stop, bool retryWhenUnavailable = false)
    {
        while (!stop.IsCancellationRequested)
        {
            var step = _pending ?? NewSale();
            _pending = step;
            if (step.Retried)
                Retries++;
            HttpResponseMessage response;
            try
            {
                response = await SendAsync(http, step);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                _pending = step with { Retried = true };
                return;
            }
            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                progress.Answered();
                if (!response.IsSuccessStatusCode)
                {
                    _pending = step with { Retried = true };
                    // 503 while the database is away, or 507 while the disk is full, is an answer a till retries; anything else is a bug.
                    if ((int)response.StatusCode is 503 or 507 && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
                    {
                        Unavailable.Add(((int)response.StatusCode, body));
                        if (!retryWhenUnavailable)
                            return;
                        await Task.Delay(100, CancellationToken.None);
                        continue;
                    }
                    Failures.Add($"stage {step.Stage} of sale {step.SaleId} answered {(int)response.StatusCode}: {body}");
                    return;
                }
                if (step.Stage < 3)
                {
                    var total = step.Stage == 1 ? JsonSerializer.Deserialize<SaleView>(body, KasseClient.Json)!.TotalAmount : step.Total;
                    _pending = step with { Stage = step.Stage + 1, Total = total, Retried = false };
                    continue;
                }
                var sale = JsonSerializer.Deserialize<SaleView>(body, KasseClient.Json)!;
                if (sale.Status != SaleStatus.Completed || sale.ReceiptNumber is null)
                    Failures.Add($"completing sale {step.SaleId} answered a sale that is {sale.Status}: {body}");
                else
                    Confirmed.Add(new ConfirmedSale(sale.Id, RegisterId, sale.ReceiptNumber.Value, sale.TotalAmount, step.CompleteKey, body));
                _pending = null;
            }
        }
    }

    private Step NewSale() => new(Guid.CreateVersion7(), 0, Guid.CreateVersion7(), products[_random.Next(products.Count)], _random.Next(1, 4), 0m,
        Guid.CreateVersion7(), Guid.CreateVersion7().ToString(), Retried: false);

    private Task<HttpResponseMessage> SendAsync(HttpClient http, Step step) => step.Stage switch
    {
        0 => http.PostAsJsonAsync("/api/v1/sales", new OpenSale(step.SaleId, RegisterId, DemoSeeder.EmployeeId), KasseClient.Json),
        1 => http.PostAsJsonAsync($"/api/v1/sales/{step.SaleId}/lines",
            new AddLine(LineId: step.LineId, ProductId: step.ProductId, Quantity: step.Quantity), KasseClient.Json),
        2 => http.PostAsJsonAsync($"/api/v1/sales/{step.SaleId}/payments",
            new AddPayment(step.PaymentId, PaymentMethod.Cash, Tendered: Math.Ceiling(step.Total / 100m) * 100m + 100m), KasseClient.Json),
        _ => CompleteAsync(http, step.SaleId, step.CompleteKey),
    };

    public static Task<HttpResponseMessage> CompleteAsync(HttpClient http, Guid saleId, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sales/{saleId}/complete?printReceipt=false");
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }
}
