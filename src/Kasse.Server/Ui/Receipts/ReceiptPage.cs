using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kasse.Application.Sales;
using Kasse.Domain;
using QRCoder;

namespace Kasse.Server.Ui.Receipts;

/// <summary>The digital receipt a customer opens from the QR code on the till's receipt screen.</summary>
public static class ReceiptPage
{
    // Danish letters stay letters in the page; only what HTML needs escaped is escaped.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string LinkFor(Uri baseUri, Guid saleId) => new Uri(baseUri, $"/receipt/{saleId}").ToString();

    /// <summary>An SVG QR code for a text, to put straight into a page.</summary>
    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4);
    }

    /// <param name="errors">Why there is no receipt, told in the page's language (the customer's phone gets the shop's).</param>
    public static async Task<IResult> RenderAsync(Guid saleId, ReceiptService receipts, Localization.ErrorTexts errors, CancellationToken ct)
    {
        ReceiptView receipt;
        try
        {
            receipt = await receipts.GetAsync(saleId, ct);
        }
        catch (DomainException e) when (e.Kind is ErrorKind.NotFound or ErrorKind.Conflict)
        {
            var title = Localization.UiLanguages.Current == Localization.UiLanguages.Danish ? "Kvittering" : "Receipt";
            return Results.Content(Page(title, $"<p>{Html.Encode(errors.For(e))}</p>"), "text/html; charset=utf-8", statusCode: 404);
        }
        var text = Html.Encode(ReceiptText.Render(receipt));
        return Results.Content(Page($"{receipt.StoreName} – {receipt.ReceiptNumber}", $"<pre class=\"receipt-paper\">{text}</pre>"),
            "text/html; charset=utf-8");
    }

    /// <summary>The receipt's 42 columns (0.6 em each in a monospace font, 25.6 em with a margin) fit a phone: the type shrinks with the screen.</summary>
    private static string Page(string title, string body) => $$"""
        <!doctype html>
        <html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Html.Encode(title)}}</title>
        <style>body{font-family:system-ui,sans-serif;background:#eef1f2;margin:0;padding:1rem;display:flex;justify-content:center}
        .receipt-paper{background:#fff;padding:1rem 1.25rem;font:14px/1.35 "DejaVu Sans Mono",monospace;box-shadow:0 1px 6px #0002;max-width:100%;overflow-x:auto}
        @media (max-width:480px){body{padding:.5rem}.receipt-paper{padding:.75rem .5rem;font-size:min(14px,calc((100vw - 2rem) / 25.6)) } }</style>
        </head><body>{{body}}</body></html>
        """;
}
