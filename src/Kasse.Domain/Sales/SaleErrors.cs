namespace Kasse.Domain.Sales;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class SaleErrors
{
    public const string Busy = "sale.busy";
    public const string Covers = "sale.covers";
    public const string Empty = "sale.empty";
    public const string OrderNumber = "sale.order-number";
    public const string HandOverStore = "sale.hand-over-store";
    public const string HasPayments = "sale.has-payments";
    public const string Id = "sale.id";
    public const string IdUsed = "sale.id-used";
    public const string Kind = "sale.kind";
    public const string Line = "sale.line";
    public const string MovePaid = "sale.move-paid";
    public const string MoveSame = "sale.move-same";
    public const string NotCompleted = "sale.not-completed";
    public const string NotFound = "sale.not-found";
    public const string NotOpen = "sale.not-open";
    public const string NotPaid = "sale.not-paid";
    public const string NotParked = "sale.not-parked";
    public const string NotSigned = "sale.not-signed";
    public const string OtherStore = "sale.other-store";
    public const string Paid = "sale.paid";
    public const string Payment = "sale.payment";
    public const string ReceiptNotFound = "sale.receipt-not-found";
    public const string Signed = "sale.signed";
    public const string SplitNothing = "sale.split-nothing";
    public const string SplitParts = "sale.split-parts";
    public const string Status = "sale.status";
    public const string TooManyLines = "sale.too-many-lines";
    public const string TotalTooLarge = "sale.total-too-large";
}
