namespace Kasse.Domain.Customers;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class CustomerGroupErrors
{
    public const string Id = "customer-group.id";
    public const string IdUsed = "customer-group.id-used";
    public const string NameUsed = "customer-group.name-used";
    public const string NotFound = "customer-group.not-found";
}
