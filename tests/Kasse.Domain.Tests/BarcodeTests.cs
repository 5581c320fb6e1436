using Kasse.Domain.Catalog;

namespace Kasse.Domain.Tests;

public class BarcodeTests
{
    [Theory]
    [InlineData("570123456789", 9)]  // worked by hand: weights 3,1,3,… from the right give 121 → 9
    [InlineData("9638507", 4)]
    [InlineData("03600029145", 2)]
    [InlineData("220020102495", 1)]
    public void The_check_digit_is_GS1_mod_10(string payload, int checkDigit) =>
        Assert.Equal(checkDigit, Gtin.CheckDigitFor(payload));

    [Fact]
    public void An_EAN_13_is_accepted_as_it_is() =>
        Assert.Equal(("5701234567899", GtinKind.Ean13), Gtin.Parse("5701234567899"));

    [Fact]
    public void An_EAN_8_is_accepted_as_it_is() =>
        Assert.Equal(("96385074", GtinKind.Ean8), Gtin.Parse("96385074"));

    [Fact]
    public void A_UPC_A_is_kept_as_its_13_digit_EAN_form() =>
        Assert.Equal(("0036000291452", GtinKind.UpcA), Gtin.Parse("036000291452"));

    [Fact]
    public void A_UPC_A_and_its_EAN_13_form_find_the_same_product() =>
        Assert.Equal(Gtin.Parse("036000291452").Normalised, Gtin.Parse("0036000291452").Normalised);

    [Fact]
    public void Spaces_around_a_typed_code_are_ignored() =>
        Assert.Equal("5701234567899", Gtin.Parse(" 5701234567899 ").Normalised);

    [Theory]
    [InlineData("5701234567898", 9)]
    [InlineData("96385070", 4)]
    [InlineData("036000291450", 2)]
    public void A_wrong_check_digit_is_refused_naming_the_right_one(string code, int expected)
    {
        var error = Refused.With("barcode.check-digit", () => Gtin.Parse(code));

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Contains($"should be {expected}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("57012345678")]
    [InlineData("57012345678990")]
    public void Codes_of_other_lengths_are_refused(string code) =>
        Refused.With("barcode.length", () => Gtin.Parse(code));

    [Theory]
    [InlineData("57012345678X9")]
    [InlineData("5701234-67899")]
    [InlineData("")]
    [InlineData("   ")]
    public void Codes_with_anything_but_digits_are_refused(string code) =>
        Refused.With("barcode.not-digits", () => Gtin.Parse(code));

    [Fact]
    public void A_product_keeps_a_UPC_A_barcode_in_its_EAN_13_form()
    {
        var barcode = ProductBarcode.Create(Guid.CreateVersion7(), "036000291452");

        Assert.Equal("0036000291452", barcode.Code);
        Assert.Equal(BarcodeKind.Ean13, barcode.Kind);
    }

    [Fact]
    public void A_product_can_carry_the_item_part_of_a_variable_measure_code()
    {
        var barcode = ProductBarcode.Create(Guid.CreateVersion7(), "2300101");

        Assert.Equal(("2300101", BarcodeKind.VariableMeasureItem), (barcode.Code, barcode.Kind));
    }

    [Fact]
    public void A_product_refuses_a_barcode_with_a_wrong_check_digit() =>
        Refused.With("barcode.check-digit", () => Shop.Milk.AddBarcode("5701234567890"));
}
