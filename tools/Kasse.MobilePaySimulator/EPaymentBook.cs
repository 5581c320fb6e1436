using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kasse.MobilePaySimulator;

/// <summary>What the simulator does with the next create: answer, or create the payment and drop the answer.</summary>
public sealed record NextCreate(bool LoseResponse);

public sealed record Amount(string Currency, long Value);

/// <summary>One ePayment as MobilePay keeps it. Amounts in øre.</summary>
public sealed class SimPayment
{
    public required string Reference { get; init; }
    public required string MerchantSerialNumber { get; init; }
    public required string IdempotencyKey { get; init; }
    public required string Currency { get; init; }
    public required long Value { get; init; }
    public required string PspReference { get; init; }
    public string State { get; set; } = "CREATED";
    public long Authorized { get; set; }
    public long Captured { get; set; }
    public long Cancelled { get; set; }
    public long Refunded { get; set; }
    public List<string> AppliedKeys { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
}

public sealed class EPaymentBook
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly object _gate = new();
    private readonly string _path;
    private readonly List<SimPayment> _payments;
    private readonly ConcurrentQueue<NextCreate> _next = new();

    public EPaymentBook(string path)
    {
        _path = path;
        _payments = File.Exists(path) ? JsonSerializer.Deserialize<List<SimPayment>>(File.ReadAllText(path), Json) ?? [] : [];
    }

    /// <summary>When set, a simulated customer approves each new payment in the app after this long.</summary>
    public TimeSpan? CustomerApprovesAfter { get; init; }

    public void Enqueue(NextCreate next) => _next.Enqueue(next);

    public IReadOnlyList<SimPayment> All()
    {
        lock (_gate)
            return [.. _payments];
    }

    public async Task<IResult> CreateAsync(HttpContext http)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        var msn = http.Request.Headers["Merchant-Serial-Number"].ToString();
        if (key.Length == 0 || msn.Length == 0)
            return Problem(400, "Missing header", "Idempotency-Key and Merchant-Serial-Number are required.");
        var body = await JsonNode.ParseAsync(http.Request.Body);
        var reference = body?["reference"]?.GetValue<string>() ?? "";
        var currency = body?["amount"]?["currency"]?.GetValue<string>() ?? "";
        var value = body?["amount"]?["value"]?.GetValue<long>() ?? 0;
        if (reference.Length is < 8 or > 64 || !reference.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            return Problem(400, "Invalid reference", "The reference is 8–64 letters, digits or '-'.");
        if (value <= 0 || currency != "DKK")
            return Problem(400, "Invalid amount", "The amount must be more than zero, in DKK øre.");
        lock (_gate)
        {
            var existing = _payments.FirstOrDefault(p => p.Reference == reference);
            if (existing is not null)
                return existing.IdempotencyKey == key
                    ? Results.Json(Created(existing), Json, statusCode: 201)
                    : Problem(409, "Duplicate reference", $"A payment with reference {reference} already exists.");
            var payment = new SimPayment
            {
                Reference = reference,
                MerchantSerialNumber = msn,
                IdempotencyKey = key,
                Currency = currency,
                Value = value,
                PspReference = "MP" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)),
                CreatedAt = DateTimeOffset.UtcNow,
            };
            _payments.Add(payment);
            Save();
            if (CustomerApprovesAfter is { } after)
                _ = Task.Delay(after).ContinueWith(_ => Customer(reference, approve: true), TaskScheduler.Default);
            if (_next.TryDequeue(out var next) && next.LoseResponse)
            {
                http.Abort();
                return Results.Empty;
            }
            return Results.Json(Created(payment), Json, statusCode: 201);
        }
    }

    public IResult Get(string reference)
    {
        lock (_gate)
            return Find(reference) is { } p ? Results.Json(View(p), Json) : NotFound(reference);
    }

    public async Task<IResult> CaptureAsync(string reference, HttpContext http) => await ModifyAsync(reference, http, (p, amount) =>
    {
        if (p.State != "AUTHORIZED")
            return $"Only an authorized payment can be captured; this one is {p.State}.";
        if (amount > p.Authorized - p.Captured - p.Cancelled)
            return "The capture is more than what is left to capture.";
        p.Captured += amount;
        return null;
    });

    public async Task<IResult> RefundAsync(string reference, HttpContext http) => await ModifyAsync(reference, http, (p, amount) =>
    {
        if (amount > p.Captured - p.Refunded)
            return "The refund is more than what was captured and not yet refunded.";
        p.Refunded += amount;
        return null;
    });

    public IResult Cancel(string reference)
    {
        lock (_gate)
        {
            var p = Find(reference);
            if (p is null)
                return NotFound(reference);
            if (p.State == "CREATED" || (p.State == "AUTHORIZED" && p.Captured == 0))
            {
                p.Cancelled = p.Authorized;
                p.State = "TERMINATED";
                Save();
            }
            else if (p.State != "TERMINATED")
                return Problem(400, "Cannot cancel", $"A payment that is {p.State} with captures can't be cancelled; refund it.");
            return Results.Json(View(p), Json);
        }
    }

    /// <summary>The customer's answer in the app.</summary>
    public IResult Customer(string reference, bool approve)
    {
        lock (_gate)
        {
            var p = Find(reference);
            if (p is null)
                return NotFound(reference);
            if (p.State != "CREATED")
                return Problem(409, "Not waiting", $"The payment is {p.State}.");
            p.State = approve ? "AUTHORIZED" : "ABORTED";
            p.Authorized = approve ? p.Value : 0;
            Save();
            return Results.Json(View(p), Json);
        }
    }

    private async Task<IResult> ModifyAsync(string reference, HttpContext http, Func<SimPayment, long, string?> apply)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length == 0)
            return Problem(400, "Missing header", "Idempotency-Key is required.");
        var body = await JsonNode.ParseAsync(http.Request.Body);
        var amount = body?["modificationAmount"]?["value"]?.GetValue<long>() ?? 0;
        lock (_gate)
        {
            var p = Find(reference);
            if (p is null)
                return NotFound(reference);
            if (p.AppliedKeys.Contains(key))
                return Results.Json(View(p), Json);
            if (amount <= 0)
                return Problem(400, "Invalid amount", "modificationAmount.value must be more than zero.");
            if (apply(p, amount) is { } refusal)
                return Problem(400, "Not possible", refusal);
            p.AppliedKeys.Add(key);
            Save();
            return Results.Json(View(p), Json);
        }
    }

    private SimPayment? Find(string reference) => _payments.FirstOrDefault(p => p.Reference == reference);

    private static object Created(SimPayment p) => new { reference = p.Reference, redirectUrl = $"https://mobilepay.example/qr/{p.Reference}" };

    private static object View(SimPayment p) => new
    {
        reference = p.Reference,
        state = p.State,
        pspReference = p.PspReference,
        amount = new Amount(p.Currency, p.Value),
        paymentMethod = new { type = "WALLET" },
        aggregate = new
        {
            authorizedAmount = new Amount(p.Currency, p.Authorized),
            capturedAmount = new Amount(p.Currency, p.Captured),
            cancelledAmount = new Amount(p.Currency, p.Cancelled),
            refundedAmount = new Amount(p.Currency, p.Refunded),
        },
    };

    private static IResult NotFound(string reference) => Problem(404, "Not found", $"No payment has reference {reference}.");

    private static IResult Problem(int status, string title, string detail) =>
        Results.Json(new { type = "about:blank", title, detail, status }, Json, "application/problem+json", status);

    private void Save()
    {
        var temp = _path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, _payments, Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, _path, overwrite: true);
    }
}
