using System.Globalization;

namespace Kasse.Domain.Catalog;

/// <summary>What the value field of a GS1 restricted-circulation (prefix 20–29) code holds.</summary>
public enum VariableMeasureKind
{
    /// <summary>The price of the item in minor units (øre), as printed by a price-labelling scale.</summary>
    Price,
    /// <summary>The weight in grams, priced against the product's price per kg.</summary>
    Weight,
}

/// <summary>
/// How one prefix is laid out: prefix (2 digits), item reference, value, check digit = 13 digits.
/// GS1 leaves the layout of prefixes 20–29 to each country (or retailer), hence a table per store.
/// </summary>
public sealed record VariableMeasureRule(string Prefix, VariableMeasureKind Kind, int ItemDigits = 5)
{
    public int ValueDigits => 13 - 1 - Prefix.Length - ItemDigits;

    /// <summary>The product's lookup code: the prefix and the item reference (e.g. "2300123").</summary>
    public int ItemCodeLength => Prefix.Length + ItemDigits;
}

public sealed class VariableMeasureTable
{
    private readonly Dictionary<string, VariableMeasureRule> _rules;

    public VariableMeasureTable(IEnumerable<VariableMeasureRule> rules)
    {
        _rules = [];
        foreach (var rule in rules)
        {
            if (rule.Prefix.Length != 2 || !Gtin.IsAllDigits(rule.Prefix) || rule.Prefix[0] != '2')
                throw DomainException.Invalid(VariableMeasureErrors.Prefix, $"Variable-measure prefixes are 20–29; got '{rule.Prefix}'.");
            // At most 5 item digits keeps the value field at 5 (price to 999.99 or weight to 99.999 kg).
            if (rule.ItemDigits is < 3 or > 5)
                throw DomainException.Invalid(VariableMeasureErrors.Layout, $"Prefix {rule.Prefix}: the item reference must be 3–5 digits.");
            if (!_rules.TryAdd(rule.Prefix, rule))
                throw DomainException.Invalid(VariableMeasureErrors.Prefix, $"Prefix {rule.Prefix} is listed twice.");
        }
    }

    public IReadOnlyCollection<VariableMeasureRule> Rules => _rules.Values;

    /// <summary>
    /// Denmark's default, as Danish retail commonly labels: 20–22 price-embedded (øre), 23–25 weight-embedded
    /// (grams); 5-digit item reference, 5-digit value. 26–29 stay free for a shop's own codes. Configurable per store.
    /// </summary>
    public static VariableMeasureTable Denmark { get; } = new(
    [
        new("20", VariableMeasureKind.Price), new("21", VariableMeasureKind.Price), new("22", VariableMeasureKind.Price),
        new("23", VariableMeasureKind.Weight), new("24", VariableMeasureKind.Weight), new("25", VariableMeasureKind.Weight),
    ]);

    public static VariableMeasureTable Empty { get; } = new([]);

    public static VariableMeasureTable ForCountry(string countryCode) =>
        string.Equals(countryCode, "DK", StringComparison.OrdinalIgnoreCase) ? Denmark : Empty;

    public VariableMeasureRule? RuleFor(string code) =>
        code.Length == 13 && _rules.TryGetValue(code[..2], out var rule) ? rule : null;
}

/// <summary>A decoded variable-measure barcode: which item, and the price or weight printed in it.</summary>
public sealed record VariableMeasureCode(string ItemCode, VariableMeasureKind Kind, decimal Value)
{
    public static VariableMeasureCode Decode(string code, VariableMeasureRule rule)
    {
        var item = code[..rule.ItemCodeLength];
        var raw = long.Parse(code.AsSpan(rule.ItemCodeLength, rule.ValueDigits), NumberStyles.None, CultureInfo.InvariantCulture);
        var value = rule.Kind switch
        {
            VariableMeasureKind.Price => raw / 100m,
            VariableMeasureKind.Weight => raw / 1000m,
        };
        if (value <= 0m)
            throw DomainException.Invalid(BarcodeErrors.VariableZero,
                $"Barcode '{code}' carries a {(rule.Kind == VariableMeasureKind.Price ? "price" : "weight")} of zero; weigh or label the item again.");
        return new VariableMeasureCode(item, rule.Kind, value);
    }
}

/// <summary>What a scan means: an ordinary trade item, a variable-measure label, or a GS1-128/DataMatrix label.</summary>
public abstract record ScannedCode
{
    public sealed record TradeItem(string Gtin, GtinKind Kind) : ScannedCode;
    public sealed record VariableMeasure(VariableMeasureCode Code) : ScannedCode;

    /// <summary>A GS1 element string: the product's GTIN (as looked up) and what else the label says.</summary>
    public sealed record Gs1Label(string Gtin, Gs1ElementString Label) : ScannedCode
    {
        /// <summary>The weight (AI 310n) or price (AI 392n) the label carries; the price wins when both are there, as it is what the customer pays.</summary>
        public VariableMeasureCode? Measure => Label.Price is { } price ? new VariableMeasureCode(Gtin, VariableMeasureKind.Price, price)
            : Label.NetWeightKg is { } kg ? new VariableMeasureCode(Gtin, VariableMeasureKind.Weight, kg)
            : null;
    }

    public static ScannedCode Parse(string code, VariableMeasureTable table)
    {
        if (Gs1ElementString.IsElementString(code))
        {
            var label = Gs1ElementString.Parse(code);
            return new Gs1Label(label.LookupCode
                ?? throw DomainException.Invalid(BarcodeErrors.Gs1NoGtin, "This GS1 label has no GTIN (AI 01), so it names no product to sell."), label);
        }
        var (normalised, kind) = Gtin.Parse(code);
        var rule = kind == GtinKind.Ean13 ? table.RuleFor(normalised) : null;
        return rule is null
            ? new TradeItem(normalised, kind)
            : new VariableMeasure(VariableMeasureCode.Decode(normalised, rule));
    }
}
