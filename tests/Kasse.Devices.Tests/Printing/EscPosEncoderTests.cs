using Kasse.Application.Printing;
using Kasse.Devices.Printing;
using Kasse.Domain.Sales;
using Kasse.PrinterEmulator;

namespace Kasse.Devices.Tests.Printing;

/// <summary>What Kasse encodes reads back, on the emulator's decoder, as the paper should show it.</summary>
public sealed class EscPosEncoderTests
{
    private static Paper Print(PrintDocument document, int columns = 42, bool paperOut = false)
    {
        var decoder = new EscPosDecoder(() => paperOut);
        var replies = decoder.Feed(EscPosEncoder.Encode(document, columns));
        Assert.Empty(replies);
        decoder.Finish();
        Assert.Empty(decoder.Unknown);
        return decoder.Paper;
    }

    [Fact]
    public void Danish_letters_print_in_the_Nordic_code_page()
    {
        var bytes = EscPosEncoder.Encode(new PrintDocument([new TextBlock("Rødgrød med fløde, æbler og Århus ÆØÅ\n")]), 42);

        Assert.Equal([0x1B, (byte)'t', 5], bytes[2..5]);
        var line = Assert.IsType<PrintedLine>(Assert.Single(Print(new PrintDocument([new TextBlock("Rødgrød med fløde, æbler og Århus ÆØÅ\n")])).Items));
        Assert.Equal("Rødgrød med fløde, æbler og Århus ÆØÅ", line.Text);
    }

    [Fact]
    public void A_euro_sign_switches_to_PC858_which_still_has_the_Danish_letters()
    {
        var document = new PrintDocument([new TextBlock("Betalt 12,50 € på Ærø\n")]);

        Assert.Equal([0x1B, (byte)'t', 19], EscPosEncoder.Encode(document, 42)[2..5]);
        Assert.Equal("Betalt 12,50 € på Ærø", Assert.IsType<PrintedLine>(Assert.Single(Print(document).Items)).Text);
    }

    [Fact]
    public void Bold_double_size_and_alignment_reach_the_paper_and_are_switched_off_after()
    {
        var paper = Print(new PrintDocument([
            new TextBlock("*** KOPI ***\n", Bold: true, Large: true, Align: TextAlign.Centre),
            new TextBlock("Mælk\n"),
        ]));

        Assert.Equal(new PrintedLine("*** KOPI ***", true, true, 1), paper.Items[0]);
        Assert.Equal(new PrintedLine("Mælk", false, false, 0), paper.Items[1]);
    }

    [Theory]
    [InlineData(48)]
    [InlineData(42)]
    [InlineData(32)]
    public void The_receipt_code_prints_as_CODE128_on_every_paper_width(int columns)
    {
        var code = ReceiptCode.For(Guid.CreateVersion7());
        var bytes = EscPosEncoder.Code128(code, columns * 12);

        var barcode = Assert.IsType<PrintedBarcode>(Assert.Single(Print(new PrintDocument([new BarcodeBlock(code)]), columns).Items));
        Assert.Equal(new PrintedBarcode("CODE128", code), barcode);
        // 39 digits: 19 pairs in code set C and the last digit in set B, so the symbol fits 58 mm paper.
        Assert.Equal(2 + 19 + 2 + 1, bytes[Array.IndexOf(bytes, (byte)73) + 1]);
    }

    [Fact]
    public void Text_barcodes_and_QR_codes_keep_their_content()
    {
        var paper = Print(new PrintDocument([new BarcodeBlock("RET-{42}"), new QrCodeBlock("https://example.org/kvittering?id=æø")]));

        Assert.Equal(new PrintedBarcode("CODE128", "RET-{42}"), paper.Items[0]);
        Assert.Equal(new PrintedQrCode("https://example.org/kvittering?id=æø"), paper.Items[1]);
    }

    [Fact]
    public void Feed_cut_and_drawer_kick()
    {
        var paper = Print(new PrintDocument([new DrawerKickBlock(), new TextBlock("Tak\n"), new FeedBlock(2), new CutBlock()]));

        Assert.Equal(new DrawerPulse(2), paper.Items[0]);
        Assert.Equal(new PrintedLine("Tak", false, false, 0), paper.Items[1]);
        Assert.Equal(2, paper.Items.OfType<PrintedLine>().Count(l => l.Text.Length == 0));
        Assert.IsType<PaperCut>(paper.Items[^1]);
        Assert.Equal("\u001Bp\0\u0019\u00FA", new string(EscPos.DrawerKick.Select(b => (char)b).ToArray()));
    }

    [Fact]
    public void A_printer_out_of_paper_prints_nothing_but_still_opens_the_drawer()
    {
        var paper = Print(new PrintDocument([new DrawerKickBlock(), new TextBlock("Tak\n"), new CutBlock()]), paperOut: true);

        Assert.Equal([new DrawerPulse(2)], paper.Items);
    }

    [Fact]
    public void A_document_survives_the_queue_as_JSON()
    {
        var document = new PrintDocument([new TextBlock("Øl\n", Bold: true, Align: TextAlign.Right), new BarcodeBlock("123"), new QrCodeBlock("q"),
            new FeedBlock(3), new CutBlock(), new DrawerKickBlock()]);

        Assert.Equal(document.Blocks, PrintDocument.FromJson(document.ToJson()).Blocks);
    }
}
