namespace Kasse.Domain.Promotions;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class PromotionErrors
{
    public const string Components = "promotion.components";
    public const string Days = "promotion.days";
    public const string Hours = "promotion.hours";
    public const string Id = "promotion.id";
    public const string Items = "promotion.items";
    public const string Kind = "promotion.kind";
    public const string Line = "promotion.line";
    public const string NotFound = "promotion.not-found";
    public const string Percent = "promotion.percent";
    public const string TooLarge = "promotion.too-large";
    public const string ValidTo = "promotion.valid-to";
}
