namespace Kasse.Devices.Payments.Nexo;

// The nexo Retailer / Terminal API message shapes Kasse uses (JSON, property names as in the nexo
// specification). Only the fields Kasse sends or reads are here.
public sealed record NexoRequestEnvelope(SaleToPOIRequest SaleToPOIRequest);

public sealed record NexoResponseEnvelope(SaleToPOIResponse? SaleToPOIResponse);

public sealed record SaleToPOIRequest(MessageHeader MessageHeader)
{
    public PaymentRequest? PaymentRequest { get; init; }
    public TransactionStatusRequest? TransactionStatusRequest { get; init; }
    public AbortRequest? AbortRequest { get; init; }
    public ReversalRequest? ReversalRequest { get; init; }
}

public sealed record SaleToPOIResponse(MessageHeader? MessageHeader)
{
    public PaymentResponse? PaymentResponse { get; init; }
    public TransactionStatusResponse? TransactionStatusResponse { get; init; }
    public ReversalResponse? ReversalResponse { get; init; }
}

public sealed record MessageHeader(string MessageCategory, string ServiceID, string SaleID, string POIID)
{
    public string ProtocolVersion { get; init; } = "3.0";
    public string MessageClass { get; init; } = "Service";
    public string MessageType { get; init; } = "Request";
}

public sealed record MessageReference(string MessageCategory, string ServiceID, string SaleID, string POIID);

public sealed record TransactionIdentification(string TransactionID, DateTimeOffset? TimeStamp);

/// <param name="SaleToAcquirerData">Options for the terminal; <see cref="NexoCodes.AskGratuity"/> asks the customer for a tip.</param>
public sealed record SaleData(TransactionIdentification SaleTransactionID, string? SaleToAcquirerData = null);

/// <param name="TipAmount">A tip typed at the till, charged on top of <paramref name="RequestedAmount"/>.</param>
public sealed record AmountsReq(string Currency, decimal RequestedAmount, decimal? TipAmount = null);

public sealed record PaymentTransaction(AmountsReq AmountsReq);

public sealed record PaymentRequest(SaleData SaleData, PaymentTransaction PaymentTransaction);

public sealed record TransactionStatusRequest(MessageReference MessageReference);

public sealed record AbortRequest(MessageReference MessageReference, string AbortReason);

public sealed record OriginalPOITransaction(TransactionIdentification POITransactionID);

public sealed record ReversalRequest(OriginalPOITransaction OriginalPOITransaction, string ReversalReason, decimal? ReversedAmount);

public sealed record NexoResponse(string Result, string? ErrorCondition, string? AdditionalResponse);

public sealed record POIData(TransactionIdentification? POITransactionID);

public sealed record CardData(string? PaymentBrand, string? MaskedPan);

public sealed record PaymentInstrumentData(CardData? CardData);

/// <param name="AuthorizedAmount">All that was charged, the tip included.</param>
/// <param name="TipAmount">The tip in <paramref name="AuthorizedAmount"/> (typed at the till, or chosen by the customer).</param>
public sealed record AmountsResp(string? Currency, decimal? AuthorizedAmount, decimal? TipAmount = null);

public sealed record PaymentAcquirerData(string? ApprovalCode);

public sealed record PaymentResult(PaymentInstrumentData? PaymentInstrumentData, AmountsResp? AmountsResp, PaymentAcquirerData? PaymentAcquirerData);

public sealed record PaymentResponse(NexoResponse Response, SaleData? SaleData, POIData? POIData, PaymentResult? PaymentResult);

public sealed record RepeatedResponseMessageBody(PaymentResponse? PaymentResponse);

public sealed record RepeatedMessageResponse(MessageHeader? MessageHeader, RepeatedResponseMessageBody? RepeatedResponseMessageBody);

public sealed record TransactionStatusResponse(NexoResponse Response, RepeatedMessageResponse? RepeatedMessageResponse);

public sealed record ReversalResponse(NexoResponse Response, POIData? POIData, decimal? ReversedAmount);

/// <summary>nexo code values Kasse reads and writes.</summary>
public static class NexoCodes
{
    public const string Payment = "Payment";
    public const string TransactionStatus = "TransactionStatus";
    public const string Abort = "Abort";
    public const string Reversal = "Reversal";
    public const string Success = "Success";
    public const string Failure = "Failure";
    public const string Partial = "Partial";
    public const string NotFound = "NotFound";
    public const string InProgress = "InProgress";
    public const string Aborted = "Aborted";
    public const string Cancel = "Cancel";
    public const string MerchantAbort = "MerchantAbort";
    public const string MerchantCancel = "MerchantCancel";
    /// <summary>The terminal asks the customer for a tip (gratuity) before the card.</summary>
    public const string AskGratuity = "tenderOption=AskGratuity";
}
