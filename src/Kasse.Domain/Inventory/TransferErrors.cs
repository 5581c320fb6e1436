namespace Kasse.Domain.Inventory;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class TransferErrors
{
    public const string Duplicate = "transfer.duplicate";
    public const string Empty = "transfer.empty";
    public const string Id = "transfer.id";
    public const string NotFound = "transfer.not-found";
    public const string NotInTransit = "transfer.not-in-transit";
    public const string SameLocation = "transfer.same-location";
    public const string UnknownProduct = "transfer.unknown-product";
}
