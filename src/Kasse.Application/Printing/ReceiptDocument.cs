using Kasse.Application.Sales;
using Kasse.Domain.Sales;

namespace Kasse.Application.Printing;

/// <summary>A receipt for the printer: the kassebon text, its marks in bold, and a barcode a return can scan.</summary>
public static class ReceiptDocument
{
    public static PrintDocument For(ReceiptView receipt, int columns)
    {
        var blocks = new List<PrintBlock>();
        blocks.AddRange(PaperText.Emphasise(ReceiptText.Render(receipt, columns)));
        // A provisional receipt is not a receipt: nothing to scan for a return.
        if (receipt.Copy != ReceiptCopyKind.Provisional)
            blocks.Add(new BarcodeBlock(ReceiptCode.For(receipt.SaleId)));
        blocks.Add(new FeedBlock(3));
        blocks.Add(new CutBlock());
        return new PrintDocument(blocks);
    }
}

/// <summary>Turns laid-out text into blocks, printing the "*** … ***" marks (KOPI, ØVELSE, Z-RAPPORT) in bold.</summary>
internal static class PaperText
{
    public static IEnumerable<PrintBlock> Emphasise(string text)
    {
        var plain = new System.Text.StringBuilder();
        foreach (var line in text.Split('\n')[..^1])
        {
            if (line.TrimStart().StartsWith("***", StringComparison.Ordinal))
            {
                if (plain.Length > 0)
                    yield return new TextBlock(plain.ToString());
                plain.Clear();
                yield return new TextBlock(line + "\n", Bold: true);
            }
            else
                plain.Append(line).Append('\n');
        }
        if (plain.Length > 0)
            yield return new TextBlock(plain.ToString());
    }
}
