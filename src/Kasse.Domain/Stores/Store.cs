using Kasse.Domain.Catalog;
using Kasse.Domain.Money;

namespace Kasse.Domain.Stores;

/// <summary>A shop: where sales happen, with its legal identity for the receipt and its country rules.</summary>
public sealed partial class Store
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
            throw DomainException.Invalid(StoreErrors.VatRates, "A store needs at least one VAT rate.");
        var table = new VariableMeasureTable(variableMeasureRules ?? VariableMeasureTable.ForCountry(CountryCode).Rules);
        _variableMeasureRules.AddRange(table.Rules.OrderBy(r => r.Prefix, StringComparer.Ordinal)
            .Select(r => new StoreVariableMeasureRule(Id, r.Prefix, r.Kind, r.ItemDigits)));
        Language = CountryCode == "DK" ? Languages.Danish : Languages.English;
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

    /// <summary>The shop's own lines printed under its name and address on every receipt; null for none.</summary>
    public string? ReceiptHeader { get; private set; }

    /// <summary>The shop's own lines printed at the foot of every receipt; null for none.</summary>
    public string? ReceiptFooter { get; private set; }

    /// <summary>The language the UI speaks to anyone who has not chosen their own (see <see cref="Languages"/>).</summary>
    public string Language { get; private set; } = Languages.Danish;

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
        ?? throw DomainException.Invalid(StoreErrors.VatRateUnknown,
            $"The store '{Name}' has no VAT rate of {percent.ToString(System.Globalization.CultureInfo.InvariantCulture)} %. Its rates are: {string.Join(", ", _vatRates.Select(r => r.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture) + " %"))}.");

    public void Update(string name, string address, string companyId)
    {
        Name = Text.Required(name, MaxNameLength, "store.name", "A store name");
        Address = Text.Required(address, MaxAddressLength, "store.address", "The store address");
        CompanyId = Text.Required(companyId, 20, "store.company-id", "The company registration number (CVR)");
    }

    public void SetReceiptTexts(string? header, string? footer)
    {
        ReceiptHeader = ReceiptTexts.Valid(header, "store.receipt-header", "The receipt header");
        ReceiptFooter = ReceiptTexts.Valid(footer, "store.receipt-footer", "The receipt footer");
    }

    public void SetLanguage(string code) => Language = Languages.Valid(code, "store.language");

    /// <summary>The currency and the smallest coin cash is rounded to. The caller keeps the currency of a store with sales.</summary>
    public void SetMoney(string currency, decimal cashRoundingIncrement)
    {
        Currency = ValidCurrency(currency);
        CashRoundingIncrement = CashRounding.Create(cashRoundingIncrement).Increment;
    }

    public void MoveToTimeZone(string timeZoneId) => TimeZoneId = ValidTimeZone(timeZoneId);

    /// <summary>
    /// Replaces the store's VAT rates: a rate kept by code keeps its row (its percent or description may change), the
    /// others come and go. Sales already made keep the rate they were sold at; they copy it onto each line.
    /// </summary>
    public void SetVatRates(IReadOnlyList<VatRate> rates)
    {
        var valid = rates.Select(r => VatRate.Create(r.Code, r.Percent, r.Description)).ToList();
        if (valid.Count == 0)
            throw DomainException.Invalid(StoreErrors.VatRates, "A store needs at least one VAT rate.");
        var duplicate = valid.GroupBy(r => r.Code).FirstOrDefault(g => g.Count() > 1)?.First()
            ?? valid.GroupBy(r => r.Percent).FirstOrDefault(g => g.Count() > 1)?.First();
        if (duplicate is not null)
            throw DomainException.Invalid(StoreErrors.VatRateDuplicate,
                $"VAT rate {duplicate.Code} ({duplicate.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture)} %) is listed twice.");
        _vatRates.RemoveAll(old => valid.All(r => r.Code != old.Code));
        foreach (var rate in valid)
        {
            var kept = _vatRates.FirstOrDefault(r => r.Code == rate.Code);
            if (kept is null)
                _vatRates.Add(new StoreVatRate(Id, rate.Code, rate.Percent, rate.Description));
            else
                kept.Change(rate.Percent, rate.Description);
        }
    }

    private void AddVatRate(VatRate rate)
    {
        var valid = VatRate.Create(rate.Code, rate.Percent, rate.Description);
        if (_vatRates.Any(r => r.Code == valid.Code || r.Percent == valid.Percent))
            throw DomainException.Invalid(StoreErrors.VatRateDuplicate, $"VAT rate {valid.Code} ({valid.Percent} %) is listed twice.");
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
            : throw DomainException.Invalid(StoreErrors.Country, $"Country must be a two-letter ISO code such as DK; got '{code}'.");

    private static string ValidCurrency(string code) =>
        code.Trim().Length == 3 && code.Trim().All(char.IsAsciiLetter)
            ? code.Trim().ToUpperInvariant()
            : throw DomainException.Invalid(StoreErrors.Currency, $"Currency must be a three-letter ISO code such as DKK; got '{code}'.");

    private static string ValidTimeZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim()).Id;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            throw DomainException.Invalid(StoreErrors.TimeZone, $"Unknown time zone '{id}'; use an IANA name such as Europe/Copenhagen.");
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

    internal void Change(decimal percent, string description)
    {
        Percent = percent;
        Description = description;
    }
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
