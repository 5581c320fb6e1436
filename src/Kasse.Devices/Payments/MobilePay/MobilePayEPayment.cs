using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Payments;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;

namespace Kasse.Devices.Payments.MobilePay;

/// <summary>
/// MobilePay through its ePayment flow: create a payment for an amount with our reference, the customer approves
/// in the app, Kasse captures; cancel and refund. Every call that changes money carries an Idempotency-Key derived
/// from the payment id, and a lost answer is recovered by reading the payment by its reference.
/// </summary>
public sealed class MobilePayEPayment(HttpClient http) : IPaymentTerminal
{
    public const string PaymentsPath = "epayment/v1/payments";
    private const string Scheme = "MobilePay";

    public PaymentMethod Method => PaymentMethod.MobilePay;

    public TerminalCapabilities Capabilities => TerminalCapabilities.Purchase | TerminalCapabilities.Refund | TerminalCapabilities.Reversal
        | TerminalCapabilities.StatusQuery | TerminalCapabilities.Abort;

    public async Task<DeviceAnswer> StartAsync(DeviceConnection device, DeviceRequest request, CancellationToken ct)
    {
        // A tip typed at the till is requested on top: the customer approves one amount in the app.
        var body = new CreatePaymentRequest(Amount(request.Currency, request.Amount + request.Tip), new EPaymentMethod("WALLET"), request.AttemptReference,
            "QR", "Kasse " + request.SaleReference[..8]);
        using var exchange = await SendAsync(device, HttpMethod.Post, PaymentsPath, body, request.PaymentId.ToString("N", CultureInfo.InvariantCulture), ct);
        if (exchange.Failure is not null)
            return exchange.Failure;
        var response = exchange.Response!;
        if (response.IsSuccessStatusCode)
            return new DeviceAnswer.InProgress();
        if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.RequestTimeout)
            return new DeviceAnswer.Declined(await ProblemAsync(response, ct));
        return new DeviceAnswer.NoAnswer($"MobilePay answered HTTP {(int)response.StatusCode}");
    }

    public async Task<DeviceAnswer> StatusAsync(DeviceConnection device, DeviceRequest request, CancellationToken ct)
    {
        var (failure, payment) = await GetAsync(device, request.AttemptReference, ct);
        if (failure is not null)
            return failure;
        switch (payment!.State)
        {
            case EPaymentStates.Created:
                return new DeviceAnswer.InProgress();
            case EPaymentStates.Aborted:
                return new DeviceAnswer.Declined("The customer cancelled in MobilePay.");
            case EPaymentStates.Expired:
                return new DeviceAnswer.Declined("The customer did not approve in MobilePay in time.");
            case EPaymentStates.Terminated:
                return new DeviceAnswer.Aborted("Cancelled at the till.");
            case EPaymentStates.Authorized:
                break;
            default:
                return new DeviceAnswer.NoAnswer($"MobilePay reported an unknown state '{payment.State}'");
        }
        var authorized = payment.Aggregate?.AuthorizedAmount?.Value ?? 0;
        var captured = payment.Aggregate?.CapturedAmount?.Value ?? 0;
        if (captured < authorized)
        {
            // Captured at once: a shop hands the goods over now. The key makes a repeated capture harmless.
            var capture = new ModificationRequest(new EPaymentAmount(request.Currency, authorized - captured));
            using var exchange = await SendAsync(device, HttpMethod.Post, $"{PaymentsPath}/{request.AttemptReference}/capture", capture,
                request.PaymentId.ToString("N", CultureInfo.InvariantCulture) + "-capture", ct);
            if (exchange.Failure is not null)
                return new DeviceAnswer.NoAnswer("capture: " + Reason(exchange.Failure));
            if (!exchange.Response!.IsSuccessStatusCode)
                return new DeviceAnswer.NoAnswer($"capture answered HTTP {(int)exchange.Response.StatusCode}: {await ProblemAsync(exchange.Response, ct)}");
        }
        // What was authorised is the sale's part and the typed tip on top of it.
        var total = authorized / 100m;
        var tip = Math.Min(request.Tip, total);
        return new DeviceAnswer.Approved(total - tip, payment.PspReference ?? request.AttemptReference, new CardDetails(Scheme, null, null), tip);
    }

    public async Task CancelAsync(DeviceConnection device, DeviceRequest request, CancellationToken ct)
    {
        using var _ = await SendAsync(device, HttpMethod.Post, $"{PaymentsPath}/{request.AttemptReference}/cancel", null,
            request.PaymentId.ToString("N", CultureInfo.InvariantCulture) + "-cancel", ct);
    }

    public async Task<DeviceAnswer> ReverseAsync(DeviceConnection device, DeviceRequest request, string deviceReference, decimal amount, CancellationToken ct)
    {
        var refund = new ModificationRequest(Amount(request.Currency, amount));
        using var exchange = await SendAsync(device, HttpMethod.Post, $"{PaymentsPath}/{request.AttemptReference}/refund", refund,
            request.PaymentId.ToString("N", CultureInfo.InvariantCulture) + "-refund", ct);
        if (exchange.Failure is not null)
            return exchange.Failure;
        if (exchange.Response!.IsSuccessStatusCode)
            return new DeviceAnswer.Approved(amount, deviceReference, CardDetails.None);
        return (int)exchange.Response.StatusCode is >= 400 and < 500
            ? new DeviceAnswer.Declined(await ProblemAsync(exchange.Response, ct))
            : new DeviceAnswer.NoAnswer($"MobilePay answered HTTP {(int)exchange.Response.StatusCode}");
    }

    private async Task<(DeviceAnswer? Failure, GetPaymentResponse? Payment)> GetAsync(DeviceConnection device, string reference, CancellationToken ct)
    {
        using var exchange = await SendAsync(device, HttpMethod.Get, $"{PaymentsPath}/{reference}", null, null, ct);
        if (exchange.Failure is not null)
            return (exchange.Failure, null);
        var response = exchange.Response!;
        if (response.StatusCode == HttpStatusCode.NotFound)
            return (new DeviceAnswer.NotFound(), null);
        if (!response.IsSuccessStatusCode)
            return (new DeviceAnswer.NoAnswer($"MobilePay answered HTTP {(int)response.StatusCode}"), null);
        var payment = await DeviceHttp.ReadAsync<GetPaymentResponse>(response, DeviceHttp.WebJson, ct);
        return payment is null ? (new DeviceAnswer.NoAnswer("MobilePay's answer could not be read"), null) : (null, payment);
    }

    private async Task<DeviceHttp.Exchange> SendAsync(DeviceConnection device, HttpMethod method, string path, object? body, string? idempotencyKey,
        CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, new Uri(device.Url, path));
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: DeviceHttp.WebJson);
        request.Headers.Add("Merchant-Serial-Number", device.DeviceId);
        request.Headers.Add("Vipps-System-Name", "kasse");
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        // Creating, capturing and reading are answered at once; the wait for the customer is polled, not held open.
        var wait = device.Timeout < TimeSpan.FromSeconds(15) ? device.Timeout : TimeSpan.FromSeconds(15);
        return await DeviceHttp.SendAsync(http, request, wait, ct);
    }

    private static async Task<string> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var problem = await DeviceHttp.ReadAsync<EPaymentProblem>(response, DeviceHttp.WebJson, ct);
        return problem?.Detail ?? problem?.Title ?? $"MobilePay refused the request (HTTP {(int)response.StatusCode})";
    }

    private static EPaymentAmount Amount(string currency, decimal amount) => new(currency, decimal.ToInt64(decimal.Round(amount * 100m)));

    private static string Reason(DeviceAnswer answer) => answer switch
    {
        DeviceAnswer.Unreachable u => u.Reason,
        DeviceAnswer.NoAnswer n => n.Reason,
        _ => answer.GetType().Name,
    };
}
