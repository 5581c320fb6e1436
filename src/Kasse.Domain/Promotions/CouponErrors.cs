namespace Kasse.Domain.Promotions;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class CouponErrors
{
    public const string Code = "coupon.code";
    public const string CodeTaken = "coupon.code-taken";
    public const string Expired = "coupon.expired";
    public const string Id = "coupon.id";
    public const string NotFound = "coupon.not-found";
    public const string NotRunning = "coupon.not-running";
    public const string Promotion = "coupon.promotion";
    public const string Unknown = "coupon.unknown";
    public const string ValidTo = "coupon.valid-to";
}
