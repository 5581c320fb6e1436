namespace Kasse.Domain.GiftCards;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class GiftCardErrors
{
    public const string Amount = "gift-card.amount";
    public const string Code = "gift-card.code";
    public const string Expired = "gift-card.expired";
    public const string Insufficient = "gift-card.insufficient";
    public const string NoZeroVat = "gift-card.no-zero-vat";
    public const string NotFound = "gift-card.not-found";
    public const string ReturnUsed = "gift-card.return-used";
    public const string Training = "gift-card.training";
}
