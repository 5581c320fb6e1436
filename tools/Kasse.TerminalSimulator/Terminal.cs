using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kasse.TerminalSimulator;

/// <summary>
/// The terminal's behaviour: one nexo message per POST. A ServiceID it has seen is answered from its journal,
/// never charged again. With no behaviour queued, the amount decides like a test card: ...,51 kr declines,
/// ...,52 kr approves half; anything else approves. A request that asks for a tip gets the tip the queued behaviour names
/// (TipAmount or TipPercent), else the terminal's tip percentage: deterministic, so tests know the figure.
/// </summary>
public sealed class Terminal
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly object _gate = new();
    private readonly TransactionFile _file;
    private readonly List<SimTransaction> _transactions;
    private readonly ConcurrentQueue<Behaviour> _next = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waitingForCard = new();
    private readonly string _poiId;
    private readonly decimal _tipPercent;

    public Terminal(TransactionFile file, string poiId, decimal tipPercent = 10m)
    {
        _tipPercent = tipPercent;
        _file = file;
        _poiId = poiId;
        _transactions = file.Load();
        // Power lost while waiting for the card: that card was never read, nothing was charged.
        foreach (var t in _transactions.Where(t => t.State == TransactionState.WaitingForCard))
        {
            t.State = TransactionState.Aborted;
            t.Reason = "The terminal restarted before a card was presented.";
        }
        _file.Save(_transactions);
    }

    public void Enqueue(Behaviour behaviour) => _next.Enqueue(behaviour);

    public IReadOnlyList<SimTransaction> Transactions()
    {
        lock (_gate)
            return [.. _transactions];
    }

    public async Task HandleAsync(HttpContext http)
    {
        var root = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var message = root?["SaleToPOIRequest"];
        var header = message?["MessageHeader"];
        if (message is null || header is null)
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync("Expected {\"SaleToPOIRequest\":{\"MessageHeader\":…}}");
            return;
        }
        JsonNode? answer = header["MessageCategory"]?.GetValue<string>() switch
        {
            "Payment" => await PaymentAsync(http, header, message["PaymentRequest"]),
            "TransactionStatus" => Status(header, message["TransactionStatusRequest"]),
            "Abort" => Abort(message["AbortRequest"]),
            "Reversal" => Reversal(header, message["ReversalRequest"]),
            _ => null,
        };
        if (http.RequestAborted.IsCancellationRequested || http.Response.HasStarted)
            return;
        if (answer is null)
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync("Unsupported MessageCategory");
            return;
        }
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(answer.ToJsonString());
    }

    private async Task<JsonNode?> PaymentAsync(HttpContext http, JsonNode header, JsonNode? request)
    {
        var serviceId = Text(header, "ServiceID");
        var saleId = Text(header, "SaleID");
        var amounts = request?["PaymentTransaction"]?["AmountsReq"];
        var amount = amounts?["RequestedAmount"]?.GetValue<decimal>() ?? 0m;
        var behaviour = _next.TryDequeue(out var queued) ? queued : ByAmount(amount);

        SimTransaction transaction;
        lock (_gate)
        {
            var seen = Find(saleId, serviceId);
            if (seen is not null)
                return Envelope(header, "PaymentResponse", PaymentResponse(seen));
            if (behaviour.Outcome == Outcome.LoseRequest)
            {
                http.Abort();
                return null;
            }
            transaction = new SimTransaction
            {
                ServiceId = serviceId,
                SaleId = saleId,
                SaleTransactionId = Text(request?["SaleData"]?["SaleTransactionID"], "TransactionID"),
                PoiTransactionId = "SIM" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)),
                RequestedAmount = amount,
                TypedTip = amounts?["TipAmount"]?.GetValue<decimal>() ?? 0m,
                AskedForTip = (request?["SaleData"]?["SaleToAcquirerData"]?.GetValue<string>() ?? "").Contains("AskGratuity", StringComparison.Ordinal),
                Currency = amounts?["Currency"]?.GetValue<string>() ?? "DKK",
                State = TransactionState.WaitingForCard,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            _transactions.Add(transaction);
            if (behaviour.Outcome != Outcome.WaitForCard)
                Decide(transaction, behaviour, _tipPercent);
            _file.Save(_transactions);
        }

        switch (behaviour.Outcome)
        {
            case Outcome.LoseResponse:
                http.Abort();
                return null;
            case Outcome.SlowApprove:
                await Task.Delay(behaviour.DelayMs ?? 5000, CancellationToken.None);
                break;
            case Outcome.WaitForCard:
                var card = _waitingForCard.GetOrAdd(serviceId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
                await Task.WhenAny(card.Task, Task.Delay(behaviour.DelayMs ?? 60_000));
                _waitingForCard.TryRemove(serviceId, out _);
                lock (_gate)
                {
                    if (transaction.State == TransactionState.WaitingForCard)
                        Decide(transaction, behaviour with { Outcome = Outcome.Approve }, _tipPercent);
                    _file.Save(_transactions);
                }
                break;
        }
        lock (_gate)
            return Envelope(header, "PaymentResponse", PaymentResponse(transaction));
    }

    private static Behaviour ByAmount(decimal amount) => (amount * 100m % 100m) switch
    {
        51m => new Behaviour(Outcome.Decline),
        52m => new Behaviour(Outcome.Partial, decimal.Round(amount / 2m, 2)),
        _ => new Behaviour(Outcome.Approve),
    };

    private static void Decide(SimTransaction t, Behaviour behaviour, decimal tipPercent)
    {
        if (behaviour.Outcome == Outcome.Decline)
        {
            t.State = TransactionState.Declined;
            t.Reason = "Refusal";
            return;
        }
        var pan = TestCardNumber();
        t.State = TransactionState.Approved;
        t.Charged = true;
        t.ApprovedAmount = behaviour.Outcome == Outcome.Partial ? Math.Min(behaviour.ApprovedAmount ?? t.RequestedAmount / 2m, t.RequestedAmount) : t.RequestedAmount;
        t.Tip = t.AskedForTip
            ? behaviour.TipAmount ?? Math.Round(t.RequestedAmount * (behaviour.TipPercent ?? tipPercent) / 100m, 2, MidpointRounding.AwayFromZero)
            : t.TypedTip;
        t.Scheme = pan.StartsWith('4') ? "Visa/Dankort" : "Mastercard";
        t.MaskedPan = pan[..6] + new string('*', pan.Length - 10) + pan[^4..];
        t.ApprovalCode = RandomNumberGenerator.GetInt32(100000, 999999).ToString(CultureInfo.InvariantCulture);
    }

    private JsonObject Status(JsonNode header, JsonNode? request)
    {
        var reference = request?["MessageReference"];
        SimTransaction? t;
        lock (_gate)
            t = Find(Text(reference, "SaleID"), Text(reference, "ServiceID"));
        JsonNode response = t switch
        {
            null => new JsonObject { ["Response"] = Result("Failure", "NotFound", "No transaction with this ServiceID") },
            { State: TransactionState.WaitingForCard } => new JsonObject { ["Response"] = Result("Failure", "InProgress", "Waiting for the card") },
            _ => new JsonObject
            {
                ["Response"] = Result("Success", null, null),
                ["RepeatedMessageResponse"] = new JsonObject
                {
                    ["MessageHeader"] = new JsonObject { ["MessageCategory"] = "Payment", ["ServiceID"] = t.ServiceId, ["SaleID"] = t.SaleId, ["POIID"] = _poiId },
                    ["RepeatedResponseMessageBody"] = new JsonObject { ["PaymentResponse"] = PaymentResponse(t) },
                },
            },
        };
        return Envelope(header, "TransactionStatusResponse", response);
    }

    private JsonObject Abort(JsonNode? request)
    {
        var reference = request?["MessageReference"];
        lock (_gate)
        {
            var t = Find(Text(reference, "SaleID"), Text(reference, "ServiceID"));
            if (t is { State: TransactionState.WaitingForCard })
            {
                t.State = TransactionState.Aborted;
                t.Reason = "Aborted by the sale system";
                _file.Save(_transactions);
            }
            if (t is not null && _waitingForCard.TryGetValue(t.ServiceId, out var card))
                card.TrySetResult();
        }
        return new JsonObject();
    }

    private JsonObject Reversal(JsonNode header, JsonNode? request)
    {
        var id = Text(request?["OriginalPOITransaction"]?["POITransactionID"], "TransactionID");
        JsonObject response;
        lock (_gate)
        {
            var t = _transactions.FirstOrDefault(x => x.PoiTransactionId == id);
            if (t is { State: TransactionState.Approved })
            {
                t.State = TransactionState.Reversed;
                _file.Save(_transactions);
            }
            response = t is { State: TransactionState.Reversed }
                ? new JsonObject
                {
                    ["Response"] = Result("Success", null, null),
                    ["POIData"] = new JsonObject { ["POITransactionID"] = new JsonObject { ["TransactionID"] = t.PoiTransactionId } },
                    ["ReversedAmount"] = t.ApprovedAmount + t.Tip,
                }
                : new JsonObject { ["Response"] = Result("Failure", t is null ? "NotFound" : "NotAllowed", "Nothing to reverse") };
        }
        return Envelope(header, "ReversalResponse", response);
    }

    private static JsonObject PaymentResponse(SimTransaction t)
    {
        var result = t.State switch
        {
            TransactionState.Approved or TransactionState.Reversed => t.ApprovedAmount < t.RequestedAmount ? Result("Partial", null, null) : Result("Success", null, null),
            TransactionState.Declined => Result("Failure", "Refusal", "Declined by the card issuer"),
            TransactionState.Aborted => Result("Failure", "Aborted", t.Reason),
            TransactionState.WaitingForCard => Result("Failure", "InProgress", "Waiting for the card"),
        };
        var response = new JsonObject
        {
            ["Response"] = result,
            ["SaleData"] = new JsonObject { ["SaleTransactionID"] = new JsonObject { ["TransactionID"] = t.SaleTransactionId } },
            ["POIData"] = new JsonObject
            {
                ["POITransactionID"] = new JsonObject { ["TransactionID"] = t.PoiTransactionId, ["TimeStamp"] = t.CreatedAt.ToString("O", CultureInfo.InvariantCulture) },
            },
        };
        if (t.Charged)
            response["PaymentResult"] = new JsonObject
            {
                ["PaymentInstrumentData"] = new JsonObject { ["CardData"] = new JsonObject { ["PaymentBrand"] = t.Scheme, ["MaskedPan"] = t.MaskedPan } },
                ["AmountsResp"] = new JsonObject { ["Currency"] = t.Currency, ["AuthorizedAmount"] = t.ApprovedAmount + t.Tip, ["TipAmount"] = t.Tip },
                ["PaymentAcquirerData"] = new JsonObject { ["ApprovalCode"] = t.ApprovalCode },
            };
        return response;
    }

    private JsonObject Envelope(JsonNode requestHeader, string body, JsonNode response) => new()
    {
        ["SaleToPOIResponse"] = new JsonObject
        {
            ["MessageHeader"] = new JsonObject
            {
                ["ProtocolVersion"] = "3.0",
                ["MessageClass"] = "Service",
                ["MessageCategory"] = Text(requestHeader, "MessageCategory"),
                ["MessageType"] = "Response",
                ["ServiceID"] = Text(requestHeader, "ServiceID"),
                ["SaleID"] = Text(requestHeader, "SaleID"),
                ["POIID"] = _poiId,
            },
            [body] = response,
        },
    };

    private SimTransaction? Find(string saleId, string serviceId) =>
        _transactions.LastOrDefault(t => t.SaleId == saleId && t.ServiceId == serviceId);

    private static JsonObject Result(string result, string? condition, string? text) => new()
    {
        ["Result"] = result,
        ["ErrorCondition"] = condition,
        ["AdditionalResponse"] = text,
    };

    private static string Text(JsonNode? node, string name) => node?[name]?.GetValue<string>() ?? "";

    /// <summary>A card number that passes the Luhn check, as a real card would; only its masked form leaves the terminal.</summary>
    private static string TestCardNumber()
    {
        var digits = (RandomNumberGenerator.GetInt32(2) == 0 ? "457173" : "541333") + RandomNumberGenerator.GetInt32(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return digits + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
