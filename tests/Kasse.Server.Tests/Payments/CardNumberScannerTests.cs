using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Payments;

/// <summary>The search for stored card numbers must find one wherever it hides, and not cry wolf at hashes and ids.</summary>
public sealed class CardNumberScannerTests
{
    [Theory]
    [InlineData("{\"pan\":\"4571730000000011\"}", "4571730000000011")]
    [InlineData("dankort 5019717010103742", "5019717010103742")]
    [InlineData("card 5413 3300 8909 9130 approved", "5413330089099130")]
    [InlineData("\u0001\u00024111111111111111\u0000", "4111111111111111")]
    [InlineData("track 6011000990139424=2512", "6011000990139424")]
    public void A_luhn_valid_card_number_is_found_in_text_or_binary(string text, string expected) =>
        Assert.Equal([expected], CardNumberScanner.Find(text));

    [Theory]
    [InlineData("4571730000000012")] // fails the Luhn check
    [InlineData("20261127021436_Initial")] // a migration id: not an issuer range
    [InlineData("457173******0012")] // masked, as terminals send it
    [InlineData("a4111111111111111f")] // inside a hex hash
    [InlineData("0192f000-0000-7000-8000-000000000001")] // a uuid
    [InlineData("0192F000-0000-7000-8000-467688402053\u0031\u0000")] // a uuid in a raw page, then a binary byte that reads as '1'

    [InlineData("2026-11-27 03:41:08.123+00")]
    [InlineData("411111111111")] // 12 digits
    public void Masked_numbers_hashes_ids_and_dates_are_not_card_numbers(string text) =>
        Assert.Empty(CardNumberScanner.Find(text));

    [Fact]
    public void A_barcode_from_the_catalogue_is_excused_and_nothing_else()
    {
        const string ean = "5701234567806"; // a valid EAN-13 that happens to pass the Luhn check too
        Assert.Equal([ean], CardNumberScanner.Find($"barcode {ean}"));
        Assert.Empty(CardNumberScanner.Find($"barcode {ean}", new HashSet<string> { ean }));
        Assert.Equal(["4111111111111111"], CardNumberScanner.Find($"barcode {ean} pan 4111111111111111", new HashSet<string> { ean }));
    }
}
