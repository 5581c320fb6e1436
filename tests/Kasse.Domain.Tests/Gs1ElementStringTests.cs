using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Kasse.Domain.Catalog;

namespace Kasse.Domain.Tests;

public class Gs1ElementStringTests
{
    private const char Gs = Gs1ElementString.GroupSeparator;
    private const string Gtin14 = "05701234567899"; // EAN-13 5701234567899 at indicator 0

    private static ScannedCode Scan(string code) => ScannedCode.Parse(code, VariableMeasureTable.Denmark);

    [Fact]
    public void A_GS1_128_weight_label_names_the_product_and_its_weight()
    {
        var scanned = Scan("]C1" + "01" + Gtin14 + "3103" + "001250" + "15" + "261231");

        var label = Assert.IsType<ScannedCode.Gs1Label>(scanned);
        Assert.Equal("5701234567899", label.Gtin);
        Assert.Equal(1.250m, label.Label.NetWeightKg);
        Assert.Equal(new DateOnly(2026, 12, 31), label.Label.BestBefore);
        Assert.Equal(new VariableMeasureCode("5701234567899", VariableMeasureKind.Weight, 1.250m), label.Measure);
    }

    [Fact]
    public void A_DataMatrix_label_with_batch_expiry_and_price_reads_across_the_FNC1_separators()
    {
        var scanned = Scan("]d2" + "01" + Gtin14 + "10" + "LOT-7A" + Gs + "17" + "270200" + "3922" + "4995" + Gs + "21" + "SN1");

        var label = Assert.IsType<ScannedCode.Gs1Label>(scanned).Label;
        Assert.Equal("LOT-7A", label.Batch);
        Assert.Equal(new DateOnly(2027, 2, 28), label.Expiry); // day 00 = the month's last day
        Assert.Equal(49.95m, label.Price);
        Assert.Equal("SN1", label.Elements["21"]);
    }

    [Fact]
    public void The_printed_form_in_brackets_reads_like_the_scanned_one()
    {
        var printed = Assert.IsType<ScannedCode.Gs1Label>(Scan("(01)" + Gtin14 + "(3103)000750(10)B12(15)270115")).Label;

        Assert.Equal(0.750m, printed.NetWeightKg);
        Assert.Equal("B12", printed.Batch);
        Assert.Equal(new DateOnly(2027, 1, 15), printed.BestBefore);
    }

    [Fact]
    public void A_plain_EAN_is_still_a_trade_item() =>
        Assert.IsType<ScannedCode.TradeItem>(Scan("5701234567899"));

    [Fact]
    public void A_label_with_both_price_and_weight_charges_the_printed_price()
    {
        var label = Assert.IsType<ScannedCode.Gs1Label>(Scan("01" + Gtin14 + "3103001250" + "3922" + "3125"));

        Assert.Equal(new VariableMeasureCode("5701234567899", VariableMeasureKind.Price, 31.25m), label.Measure);
    }

    [Theory]
    [InlineData("]C101057012345678933103001250", "check digit")] // GTIN check digit off by one
    [InlineData("]C10105701234567899310300125", "shorter")] // weight cut short
    [InlineData("]C1010570123456789915261332", "not a date")]
    [InlineData("]C101057012345678993103000000", "zero")]
    [InlineData("]C10105701234567899" + "7777abc", "does not know")]
    [InlineData("]C13103001250", "no GTIN")]
    [InlineData("(01)05701234567899(3103", "bracket")]
    public void A_label_that_cannot_be_read_is_refused_with_the_reason(string code, string reason)
    {
        var error = Assert.Throws<DomainException>(() => Scan(code));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.StartsWith("barcode.gs1", error.Code, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Property]
    public Property Any_weight_batch_and_date_read_back_in_any_order()
    {
        var weights = Gen.Choose(1, 999_999);
        var decimals = Gen.Choose(0, 5);
        var batches = Gen.Elements("A", "LOT1", "B-22/7", "12345678901234567890");
        var days = Gen.Choose(0, 3650).Select(d => new DateOnly(2024, 1, 1).AddDays(d));
        var generator = weights.SelectMany(w => decimals, (w, n) => (w, n))
            .SelectMany(_ => batches, (wn, b) => (wn.w, wn.n, b))
            .SelectMany(_ => days, (x, d) => (x.w, x.n, x.b, d))
            .SelectMany(_ => Gen.Elements(true, false), (x, batchFirst) => (x.w, x.n, x.b, x.d, batchFirst));
        return Prop.ForAll(generator.ToArbitrary(), t =>
        {
            var (weight, n, batch, date, batchFirst) = t;
            var weightField = "310" + n.ToString(CultureInfo.InvariantCulture) + weight.ToString("D6", CultureInfo.InvariantCulture);
            var dateField = "15" + date.ToString("yyMMdd", CultureInfo.InvariantCulture);
            var batchField = "10" + batch;
            var tail = batchFirst ? batchField + Gs + weightField + dateField : weightField + dateField + batchField;
            var label = Assert.IsType<ScannedCode.Gs1Label>(Scan("]C1" + "01" + Gtin14 + tail)).Label;
            return label.NetWeightKg == weight / (decimal)Math.Pow(10, n) && label.Batch == batch && label.BestBefore == date
                && label.Gtin14 == Gtin14;
        });
    }
}
