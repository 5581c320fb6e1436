namespace Kasse.Domain.Customers;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class CustomerErrors
{
    public const string CardUnknown = "customer.card-unknown";
    public const string CardUsed = "customer.card-used";
    public const string Email = "customer.email";
    public const string Erased = "customer.erased";
    public const string Id = "customer.id";
    public const string IdUsed = "customer.id-used";
    public const string NotFound = "customer.not-found";
    public const string NumberUsed = "customer.number-used";
    public const string OtherStore = "customer.other-store";
    public const string Phone = "customer.phone";
    public const string QueryRequired = "customer.query-required";
}
