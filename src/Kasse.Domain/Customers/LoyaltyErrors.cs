namespace Kasse.Domain.Customers;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class LoyaltyErrors
{
    public const string CategoryRate = "loyalty.category-rate";
    public const string CategoryUnknown = "loyalty.category-unknown";
    public const string InsufficientPoints = "loyalty.insufficient-points";
    public const string NoCustomer = "loyalty.no-customer";
    public const string NotEnoughStamps = "loyalty.not-enough-stamps";
    public const string Off = "loyalty.off";
    public const string PointValue = "loyalty.point-value";
    public const string Points = "loyalty.points";
    public const string Rules = "loyalty.rules";
    public const string StampCard = "loyalty.stamp-card";
    public const string StampCardLine = "loyalty.stamp-card-line";
    public const string StampCardNotFound = "loyalty.stamp-card-not-found";
    public const string Tier = "loyalty.tier";
    public const string Training = "loyalty.training";
}
