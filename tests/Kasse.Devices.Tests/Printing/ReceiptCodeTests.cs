using FsCheck.Xunit;
using Kasse.Domain.Sales;

namespace Kasse.Devices.Tests.Printing;

public sealed class ReceiptCodeTests
{
    [Property]
    public bool Every_sale_id_reads_back_from_its_receipt_code(Guid saleId) =>
        ReceiptCode.For(saleId) is var code && code.Length == ReceiptCode.Length && code.All(char.IsAsciiDigit)
        && ReceiptCode.TryParse(code, out var back) && back == saleId;

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("99999999999999999999999999999999999999999")]
    [InlineData("999999999999999999999999999999999999999")] // 39 digits but above 2^128
    [InlineData("12345678901234567890123456789012345678x")]
    public void Anything_else_is_not_a_receipt_code(string code) => Assert.False(ReceiptCode.TryParse(code, out _));
}
