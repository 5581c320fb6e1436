namespace Kasse.Domain.Inventory;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class PurchaseOrderErrors
{
    public const string Closed = "purchase-order.closed";
    public const string Cost = "purchase-order.cost";
    public const string Empty = "purchase-order.empty";
    public const string Id = "purchase-order.id";
    public const string Item = "purchase-order.item";
    public const string NotDraft = "purchase-order.not-draft";
    public const string NotFound = "purchase-order.not-found";
    public const string NotSent = "purchase-order.not-sent";
    public const string NothingReceived = "purchase-order.nothing-received";
}
