using System.Net.Http.Json;
using System.Security.Cryptography;
using Kasse.Application.Payments;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;

namespace Kasse.Devices.Payments.Nexo;

/// <summary>
/// A card terminal on the shop's network that speaks nexo (Terminal API style) JSON over HTTP: one POST per
/// message to &lt;terminal url&gt;/nexo, answered synchronously. Kasse sends a payment once and, when the answer
/// is lost, asks with a TransactionStatusRequest that names the payment's ServiceID.
/// </summary>
public sealed class NexoCardTerminal(HttpClient http) : IPaymentTerminal
{
    public const string Path = "nexo";

    public PaymentMethod Method => PaymentMethod.Card;

    public TerminalCapabilities Capabilities => TerminalCapabilities.Purchase | TerminalCapabilities.Reversal
        | TerminalCapabilities.StatusQuery | TerminalCapabilities.Abort | TerminalCapabilities.PartialApproval;

    public async Task<DeviceAnswer> StartAsync(DeviceConnection device, DeviceRequest request, CancellationToken ct)
    {
        var message = new SaleToPOIRequest(Header(device, NexoCodes.Payment, request.ServiceId))
        {
            PaymentRequest = new PaymentRequest(
                new SaleData(new TransactionIdentification(request.SaleReference, request.CreatedAt), request.AskForTip ? NexoCodes.AskGratuity : null),
                new PaymentTransaction(new AmountsReq(request.Currency, request.Amount, request.Tip == 0m ? null : request.Tip))),
        };
        var (answer, response) = await ExchangeAsync(device, message, device.Timeout, ct);
        return answer ?? (response?.PaymentResponse is { } payment ? Read(payment, request.Amount)
            : new DeviceAnswer.NoAnswer("the terminal's answer had no PaymentResponse"));
    }

    public async Task<DeviceAnswer> StatusAsync(DeviceConnection device, DeviceRequest request, CancellationToken ct)
    {
        var message = new SaleToPOIRequest(Header(device, NexoCodes.TransactionStatus, NewServiceId()))
        {
            TransactionStatusRequest = new TransactionStatusRequest(
                new MessageReference(NexoCodes.Payment, request.ServiceId, device.SaleSystemId, device.DeviceId)),
        };
        var (answer, response) = await ExchangeAsync(device, message, ShortWait(device), ct);
        if (answer is not null)
            return answer;
        if (response?.TransactionStatusResponse is not { } status)
            return new DeviceAnswer.NoAnswer("the terminal's answer had no TransactionStatusResponse");
        if (status.Response.Result == NexoCodes.Success)
            return status.RepeatedMessageResponse?.RepeatedResponseMessageBody?.PaymentResponse is { } payment
                ? Read(payment, request.Amount)
                : new DeviceAnswer.NoAnswer("the status answer did not repeat the payment");
        return status.Response.ErrorCondition switch
        {
            NexoCodes.NotFound => new DeviceAnswer.NotFound(),
            NexoCodes.InProgress => new DeviceAnswer.InProgress(),
            var other => new DeviceAnswer.NoAnswer($"status query failed: {other} {status.Response.AdditionalResponse}".Trim()),
        };
    }

    public async Task CancelAsync(DeviceConnection device, DeviceRequest request, CancellationToken ct)
    {
        var message = new SaleToPOIRequest(Header(device, NexoCodes.Abort, NewServiceId()))
        {
            AbortRequest = new AbortRequest(new MessageReference(NexoCodes.Payment, request.ServiceId, device.SaleSystemId, device.DeviceId),
                NexoCodes.MerchantAbort),
        };
        // nexo gives no answer to an abort: the payment itself answers "Aborted" (asked for by status if need be).
        await ExchangeAsync(device, message, ShortWait(device), ct);
    }

    public async Task<DeviceAnswer> ReverseAsync(DeviceConnection device, DeviceRequest request, string deviceReference, decimal amount, CancellationToken ct)
    {
        var message = new SaleToPOIRequest(Header(device, NexoCodes.Reversal, NewServiceId()))
        {
            ReversalRequest = new ReversalRequest(new OriginalPOITransaction(new TransactionIdentification(deviceReference, null)),
                NexoCodes.MerchantCancel, amount),
        };
        var (answer, response) = await ExchangeAsync(device, message, device.Timeout, ct);
        if (answer is not null)
            return answer;
        if (response?.ReversalResponse is not { } reversal)
            return new DeviceAnswer.NoAnswer("the terminal's answer had no ReversalResponse");
        return reversal.Response.Result == NexoCodes.Success
            ? new DeviceAnswer.Approved(reversal.ReversedAmount ?? amount, reversal.POIData?.POITransactionID?.TransactionID, CardDetails.None)
            : new DeviceAnswer.Declined(Explain(reversal.Response));
    }

    private static DeviceAnswer Read(PaymentResponse payment, decimal requested)
    {
        var result = payment.PaymentResult;
        switch (payment.Response.Result)
        {
            case NexoCodes.Success or NexoCodes.Partial:
                var card = result?.PaymentInstrumentData?.CardData;
                // The authorised amount includes the tip; the sale is paid the rest.
                var tip = result?.AmountsResp?.TipAmount ?? 0m;
                return new DeviceAnswer.Approved((result?.AmountsResp?.AuthorizedAmount ?? requested + tip) - tip,
                    payment.POIData?.POITransactionID?.TransactionID,
                    CardDetails.From(card?.PaymentBrand, card?.MaskedPan, result?.PaymentAcquirerData?.ApprovalCode), tip);
            default:
                return payment.Response.ErrorCondition is NexoCodes.Aborted or NexoCodes.Cancel
                    ? new DeviceAnswer.Aborted(Explain(payment.Response))
                    : new DeviceAnswer.Declined(Explain(payment.Response));
        }
    }

    private async Task<(DeviceAnswer? Failure, SaleToPOIResponse? Response)> ExchangeAsync(DeviceConnection device, SaleToPOIRequest message,
        TimeSpan timeout, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(device.Url, Path))
        {
            Content = JsonContent.Create(new NexoRequestEnvelope(message), options: DeviceHttp.NexoJson),
        };
        using var exchange = await DeviceHttp.SendAsync(http, request, timeout, ct);
        if (exchange.Failure is not null)
            return (exchange.Failure, null);
        if (!exchange.Response!.IsSuccessStatusCode)
            return (new DeviceAnswer.NoAnswer($"the terminal answered HTTP {(int)exchange.Response.StatusCode}"), null);
        var envelope = await DeviceHttp.ReadAsync<NexoResponseEnvelope>(exchange.Response, DeviceHttp.NexoJson, ct);
        return envelope?.SaleToPOIResponse is { } response
            ? (null, response)
            : (new DeviceAnswer.NoAnswer("the terminal's answer was not a SaleToPOIResponse"), null);
    }

    private static MessageHeader Header(DeviceConnection device, string category, string serviceId) =>
        new(category, serviceId, device.SaleSystemId, device.DeviceId);

    // Status, abort and reversal are answered at once by a terminal; only a payment waits for the customer.
    private static TimeSpan ShortWait(DeviceConnection device) => device.Timeout < TimeSpan.FromSeconds(10) ? device.Timeout : TimeSpan.FromSeconds(10);

    private static string Explain(NexoResponse response) =>
        string.Join(": ", new[] { response.ErrorCondition, response.AdditionalResponse }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } text
            ? text
            : response.Result;

    private static string NewServiceId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(TerminalPayment.ServiceIdLength / 2));
}
