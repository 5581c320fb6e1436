namespace Kasse.Application.Sales;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ReceiptErrors
{
    public const string Code = "receipt.code";
    public const string CopyPrinted = "receipt.copy-printed";
    public const string NotCompleted = "receipt.not-completed";
    public const string NotDelivered = "receipt.not-delivered";
    public const string NotOpen = "receipt.not-open";
    public const string Number = "receipt.number";
    public const string Width = "receipt.width";
}
