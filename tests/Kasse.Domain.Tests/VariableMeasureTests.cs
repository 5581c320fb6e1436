using Kasse.Domain.Catalog;

namespace Kasse.Domain.Tests;

public class VariableMeasureTests
{
    private static string WithCheckDigit(string payload) => payload + Gtin.CheckDigitFor(payload);

    private static ScannedCode ScanInDenmark(string code) => ScannedCode.Parse(code, VariableMeasureTable.Denmark);

    [Fact]
    public void A_price_label_carries_the_item_and_its_price_in_ore()
    {
        var scanned = ScanInDenmark(WithCheckDigit("22" + "00201" + "02495"));

        var label = Assert.IsType<ScannedCode.VariableMeasure>(scanned).Code;
        Assert.Equal(new VariableMeasureCode("2200201", VariableMeasureKind.Price, 24.95m), label);
    }

    [Fact]
    public void A_weight_label_carries_the_item_and_its_weight_in_grams()
    {
        var scanned = ScanInDenmark(WithCheckDigit("23" + "00101" + "00750"));

        var label = Assert.IsType<ScannedCode.VariableMeasure>(scanned).Code;
        Assert.Equal(new VariableMeasureCode("2300101", VariableMeasureKind.Weight, 0.750m), label);
    }

    [Theory]
    [InlineData("20", VariableMeasureKind.Price)]
    [InlineData("21", VariableMeasureKind.Price)]
    [InlineData("22", VariableMeasureKind.Price)]
    [InlineData("23", VariableMeasureKind.Weight)]
    [InlineData("24", VariableMeasureKind.Weight)]
    [InlineData("25", VariableMeasureKind.Weight)]
    public void Danish_prefixes_20_to_22_hold_a_price_and_23_to_25_a_weight(string prefix, VariableMeasureKind kind)
    {
        var scanned = ScanInDenmark(WithCheckDigit(prefix + "00123" + "01000"));

        Assert.Equal(kind, Assert.IsType<ScannedCode.VariableMeasure>(scanned).Code.Kind);
    }

    [Theory]
    [InlineData("22")]
    [InlineData("23")]
    public void A_label_with_a_zero_price_or_weight_is_refused(string prefix) =>
        Refused.With("barcode.variable-zero", () => ScanInDenmark(WithCheckDigit(prefix + "00201" + "00000")));

    [Fact]
    public void A_variable_measure_label_with_a_wrong_check_digit_is_refused()
    {
        var code = WithCheckDigit("22" + "00201" + "02495");
        var wrong = code[..^1] + (char)('0' + ((code[^1] - '0' + 1) % 10));

        Refused.With("barcode.check-digit", () => ScanInDenmark(wrong));
    }

    [Fact]
    public void A_Danish_trade_item_is_an_ordinary_product() =>
        Assert.Equal(new ScannedCode.TradeItem("5701234567899", GtinKind.Ean13), ScanInDenmark("5701234567899"));

    [Fact]
    public void Prefix_27_is_not_in_the_Danish_table_so_it_is_an_ordinary_product()
    {
        var code = WithCheckDigit("27" + "00201" + "02495");

        Assert.Equal(new ScannedCode.TradeItem(code, GtinKind.Ean13), ScanInDenmark(code));
    }

    [Fact]
    public void Without_a_table_every_code_is_an_ordinary_product()
    {
        var code = WithCheckDigit("22" + "00201" + "02495");

        Assert.IsType<ScannedCode.TradeItem>(ScannedCode.Parse(code, VariableMeasureTable.Empty));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("32")]
    [InlineData("A2")]
    public void A_table_only_takes_prefixes_20_to_29(string prefix) =>
        Refused.With("variable-measure.prefix", () => _ = new VariableMeasureTable([new VariableMeasureRule(prefix, VariableMeasureKind.Price)]));

    [Fact]
    public void Denmark_uses_the_Danish_table_and_other_countries_none()
    {
        Assert.Same(VariableMeasureTable.Denmark, VariableMeasureTable.ForCountry("dk"));
        Assert.Empty(VariableMeasureTable.ForCountry("DE").Rules);
    }
}
