namespace Kasse.Domain.Payments;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class PaymentErrors
{
    public const string AlreadyApproved = "payment.already-approved";
    public const string Amount = "payment.amount";
    public const string CashRounding = "payment.cash-rounding";
    public const string Id = "payment.id";
    public const string IdRepeated = "payment.id-repeated";
    public const string IdUsed = "payment.id-used";
    public const string InProgress = "payment.in-progress";
    public const string MethodNoDevice = "payment.method-no-device";
    public const string MethodRequired = "payment.method-required";
    public const string NotApproved = "payment.not-approved";
    public const string NotFound = "payment.not-found";
    public const string ReversalRefused = "payment.reversal-refused";
    public const string ReverseOnDevice = "payment.reverse-on-device";
    public const string Settled = "payment.settled";
    public const string TenderedNotCash = "payment.tendered-not-cash";
    public const string TooMuch = "payment.too-much";
}
