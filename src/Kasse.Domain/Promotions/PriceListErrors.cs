namespace Kasse.Domain.Promotions;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class PriceListErrors
{
    public const string Id = "price-list.id";
    public const string Items = "price-list.items";
    public const string NotFound = "price-list.not-found";
    public const string Price = "price-list.price";
    public const string ValidTo = "price-list.valid-to";
}
