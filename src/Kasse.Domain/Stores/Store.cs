using Kasse.Domain.Catalog;
using Kasse.Domain.Money;

namespace Kasse.Domain.Stores;

/// <summary>A shop: where sales happen, with its legal identity for the receipt and its country rules.</summary>
public sealed class Store
{
    public const int MaxNameLength = 80;
    public const int MaxAddressLength = 120;

    private readonly List<StoreVatRate> _vatRates = [];
    private readonly List<StoreVariableMeasureRule> _variableMeasureRules = [];

    private Store() { Name = ""; Address = ""; CountryCode = ""; Currency = ""; TimeZoneId = ""; CompanyId = ""; }

    public Store(Guid id, string name, string address, string companyId, string countryCode, string currency, string timeZoneId,
        decimal? cashRoundingIncrement = null, IEnumerable<VatRate>? vatRates = null,
        IEnumerable<VariableMeasureRule>? variableMeasureRules = null)
    {
        Id = id;
        Name = Text.Required(name, MaxNameLength, "store.name", "A store name");
        Address = Text.Required(address, MaxAddressLength, "store.address", "The store address");
        CompanyId = Text.Required(companyId, 20, "store.company-id", "The company registration number (CVR)");
        CountryCode = ValidCountry(countryCode);
        Currency = ValidCurrency(currency);
        TimeZoneId = ValidTimeZone(timeZoneId);
        CashRoundingIncrement = (cashRoundingIncrement is null ? CashRounding.ForCountry(CountryCode) : CashRounding.Create(cashRoundingIncrement.Value)).Increment;
        foreach (var rate in vatRates ?? DefaultVatRates(CountryCode))
            AddVatRate(rate);
        if (_vatRates.Count == 0)
            throw DomainException.Invalid("store.vat-rates", "A store needs at least one VAT rate.");
        var table = new VariableMeasureTable(variableMeasureRules ?? VariableMeasureTable.ForCountry(CountryCode).Rules);
        _variableMeasureRules.AddRange(table.Rules.OrderBy(r => r.Prefix, StringComparer.Ordinal)
            .Select(r => new StoreVariableMeasureRule(Id, r.Prefix, r.Kind, r.ItemDigits)));
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string Address { get; private set; }

    /// <summary>The business registration number printed on receipts (CVR in Denmark).</summary>
    public string CompanyId { get; private set; }
    public string CountryCode { get; private set; }
    public string Currency { get; private set; }
    public string TimeZoneId { get; private set; }
    public decimal CashRoundingIncrement { get; private set; }
    public IReadOnlyList<StoreVatRate> VatRates => _vatRates;

    /// <summary>How this store's scale labels (GS1 prefixes 20–29) are laid out; the country's default unless set.</summary>
    public IReadOnlyList<StoreVariableMeasureRule> VariableMeasureRules => _variableMeasureRules;

    public CashRounding CashRounding => CashRounding.Create(CashRoundingIncrement);
    public VariableMeasureTable VariableMeasureCodes =>
        new(_variableMeasureRules.Select(r => new VariableMeasureRule(r.Prefix, r.Kind, r.ItemDigits)));
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>The business day a moment belongs to, in the store's own time zone.</summary>
    public DateOnly BusinessDayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    public DateTimeOffset LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    public StoreVatRate VatRateFor(decimal percent) =>
        _vatRates.FirstOrDefault(r => r.Percent == percent)
        ?? throw DomainException.Invalid("store.vat-rate-unknown",
            $"The store '{Name}' has no VAT rate of {percent.ToString(System.Globalization.CultureInfo.InvariantCulture)} %. Its rates are: {string.Join(", ", _vatRates.Select(r => r.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture) + " %"))}.");

    public void Update(string name, string address, string companyId)
    {
        Name = Text.Required(name, MaxNameLength, "store.name", "A store name");
        Address = Text.Required(address, MaxAddressLength, "store.address", "The store address");
        CompanyId = Text.Required(companyId, 20, "store.company-id", "The company registration number (CVR)");
    }

    private void AddVatRate(VatRate rate)
    {
        var valid = VatRate.Create(rate.Code, rate.Percent, rate.Description);
        if (_vatRates.Any(r => r.Code == valid.Code || r.Percent == valid.Percent))
            throw DomainException.Invalid("store.vat-rate-duplicate", $"VAT rate {valid.Code} ({valid.Percent} %) is listed twice.");
        _vatRates.Add(new StoreVatRate(Id, valid.Code, valid.Percent, valid.Description));
    }

    public static IReadOnlyList<VatRate> DefaultVatRates(string countryCode) => countryCode.ToUpperInvariant() switch
    {
        // Momsloven § 33: 25 % standard; newspapers and a few services are zero-rated or exempt.
        "DK" => [new("S", 25m, "Moms 25 %"), new("Z", 0m, "Momsfri")],
        "NO" => [new("S", 25m, "MVA 25 %"), new("R", 15m, "MVA 15 % (næringsmidler)"), new("L", 12m, "MVA 12 %"), new("Z", 0m, "Fritatt")],
        "SE" => [new("S", 25m, "Moms 25 %"), new("R", 12m, "Moms 12 %"), new("L", 6m, "Moms 6 %"), new("Z", 0m, "Momsfri")],
        _ => [new("S", 20m, "VAT 20 %"), new("Z", 0m, "Exempt")],
    };

    private static string ValidCountry(string code) =>
        code.Trim().Length == 2 && code.Trim().All(char.IsAsciiLetter)
            ? code.Trim().ToUpperInvariant()
            : throw DomainException.Invalid("store.country", $"Country must be a two-letter ISO code such as DK; got '{code}'.");

    private static string ValidCurrency(string code) =>
        code.Trim().Length == 3 && code.Trim().All(char.IsAsciiLetter)
            ? code.Trim().ToUpperInvariant()
            : throw DomainException.Invalid("store.currency", $"Currency must be a three-letter ISO code such as DKK; got '{code}'.");

    private static string ValidTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim()).Id;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw DomainException.Invalid("store.time-zone", $"Unknown time zone '{id}'; use an IANA name such as Europe/Copenhagen.");
        }
    }
}

public sealed class StoreVatRate
{
    private StoreVatRate() { Code = ""; Description = ""; }

    internal StoreVatRate(Guid storeId, string code, decimal percent, string description)
    {
        StoreId = storeId;
        Code = code;
        Percent = percent;
        Description = description;
    }

    public Guid StoreId { get; private set; }
    public string Code { get; private set; }
    public decimal Percent { get; private set; }
    public string Description { get; private set; }
}

public sealed class StoreVariableMeasureRule
{
    private StoreVariableMeasureRule() { Prefix = ""; }

    internal StoreVariableMeasureRule(Guid storeId, string prefix, VariableMeasureKind kind, int itemDigits)
    {
        StoreId = storeId;
        Prefix = prefix;
        Kind = kind;
        ItemDigits = itemDigits;
    }

    public Guid StoreId { get; private set; }
    public string Prefix { get; private set; }
    public VariableMeasureKind Kind { get; private set; }
    public int ItemDigits { get; private set; }
}
