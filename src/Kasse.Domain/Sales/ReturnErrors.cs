namespace Kasse.Domain.Sales;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class ReturnErrors
{
    public const string HasReceipt = "return.has-receipt";
    public const string Id = "return.id";
    public const string IdUsed = "return.id-used";
    public const string LineNotFound = "return.line-not-found";
    public const string LineNotOnReceipt = "return.line-not-on-receipt";
    public const string Lines = "return.lines";
    public const string OriginalNotCompleted = "return.original-not-completed";
    public const string OtherStore = "return.other-store";
    public const string Product = "return.product";
    public const string Products = "return.products";
    public const string Quantity = "return.quantity";
    public const string Reason = "return.reason";
    public const string TooMuch = "return.too-much";
    public const string Training = "return.training";
}
