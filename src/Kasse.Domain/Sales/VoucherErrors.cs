namespace Kasse.Domain.Sales;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class VoucherErrors
{
    public const string Discount = "voucher.discount";
    public const string Quantity = "voucher.quantity";
    public const string Vat = "voucher.vat";
}
