namespace Kasse.Domain.Payments;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class PaymentsErrors
{
    public const string CheckMethod = "payments.check-method";
    public const string MerchantSerialNumber = "payments.merchant-serial-number";
    public const string NoDriver = "payments.no-driver";
    public const string NotConfigured = "payments.not-configured";
    public const string PoiId = "payments.poi-id";
    public const string Timeout = "payments.timeout";
}
