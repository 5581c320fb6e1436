namespace Kasse.Domain.Stores;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class StoreErrors
{
    public const string ChainWideOnly = "store.chain-wide-only";
    public const string Country = "store.country";
    public const string Currency = "store.currency";
    public const string CurrencyInUse = "store.currency-in-use";
    public const string None = "store.none";
    public const string NotFound = "store.not-found";
    public const string NotYours = "store.not-yours";
    public const string RegisterKind = "store.register-kind";
    public const string Required = "store.required";
    public const string TimeZone = "store.time-zone";
    public const string VatRateDuplicate = "store.vat-rate-duplicate";
    public const string VatRateInUse = "store.vat-rate-in-use";
    public const string VatRateUnknown = "store.vat-rate-unknown";
    public const string VatRates = "store.vat-rates";
}
