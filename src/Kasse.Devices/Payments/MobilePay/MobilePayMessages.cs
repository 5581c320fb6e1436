namespace Kasse.Devices.Payments.MobilePay;

// The parts of MobilePay's (Vipps MobilePay) public ePayment API that Kasse uses. Amounts are in minor units (øre).
public sealed record EPaymentAmount(string Currency, long Value);

public sealed record EPaymentMethod(string Type);

public sealed record CreatePaymentRequest(EPaymentAmount Amount, EPaymentMethod PaymentMethod, string Reference, string UserFlow,
    string? PaymentDescription);

public sealed record CreatePaymentResponse(string? Reference, string? RedirectUrl);

public sealed record EPaymentAggregate(EPaymentAmount? AuthorizedAmount, EPaymentAmount? CapturedAmount, EPaymentAmount? CancelledAmount,
    EPaymentAmount? RefundedAmount);

public sealed record GetPaymentResponse(string? Reference, string? State, EPaymentAmount? Amount, EPaymentAggregate? Aggregate, string? PspReference);

public sealed record ModificationRequest(EPaymentAmount ModificationAmount);

public sealed record EPaymentProblem(string? Title, string? Detail);

/// <summary>ePayment states (GET /epayment/v1/payments/{reference}).</summary>
public static class EPaymentStates
{
    public const string Created = "CREATED";
    public const string Authorized = "AUTHORIZED";
    public const string Aborted = "ABORTED";
    public const string Expired = "EXPIRED";
    public const string Terminated = "TERMINATED";
}
