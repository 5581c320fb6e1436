namespace Kasse.Domain.Sales;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class DiscountErrors
{
    public const string Percent = "discount.percent";
    public const string Reason = "discount.reason";
    public const string TooLarge = "discount.too-large";
}
