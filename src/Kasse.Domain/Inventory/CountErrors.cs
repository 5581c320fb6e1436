namespace Kasse.Domain.Inventory;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class CountErrors
{
    public const string Approved = "count.approved";
    public const string Id = "count.id";
    public const string Item = "count.item";
    public const string NotCounting = "count.not-counting";
    public const string NotFound = "count.not-found";
    public const string NotSubmitted = "count.not-submitted";
    public const string NothingCounted = "count.nothing-counted";
    public const string OtherCategory = "count.other-category";
    public const string Quantity = "count.quantity";
}
