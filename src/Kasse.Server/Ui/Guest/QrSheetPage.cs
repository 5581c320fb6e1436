using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kasse.Application.Restaurant;
using Kasse.Server.Ui.Receipts;

namespace Kasse.Server.Ui.Guest;

/// <summary>
/// The printable sheet of the tables' QR codes (<c>/backoffice/floor/qr-codes?store=…</c>, ManageSettings): one page per
/// room, a grid of cards, each with the table's name, its code (the receipt page's QR maker) and the link written out.
/// </summary>
public static class QrSheetPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task<IResult> RenderAsync(Guid store, HttpContext context, GuestOrdering guest, CancellationToken ct)
    {
        var areas = await guest.SheetAsync(store, ct);
        var danish = Localization.UiLanguages.Current == Localization.UiLanguages.Danish;
        var baseUri = new Uri($"{context.Request.Scheme}://{context.Request.Host}");
        var body = new StringBuilder();
        foreach (var area in areas.Where(a => a.Tables.Count > 0))
        {
            body.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<section class="sheet"><h2>{Html.Encode(area.Name)}</h2><div class="cards">""");
            foreach (var table in area.Tables)
            {
                var link = GuestPage.LinkFor(baseUri, table.Token);
                body.Append(System.Globalization.CultureInfo.InvariantCulture, $"""<figure class="card" data-table="{Html.Encode(table.Name)}"><figcaption>{(danish ? "Bord" : "Table")} {Html.Encode(table.Name)}</figcaption>""")
                    .Append(ReceiptPage.QrSvg(link))
                    .Append(System.Globalization.CultureInfo.InvariantCulture, $"""<p>{(danish ? "Scan og bestil" : "Scan to order")}</p><a href="{Html.Encode(link)}">{Html.Encode(link)}</a>""")
                    .Append(table.Closed ? $"""<p class="closed">{(danish ? "Lukket for bestilling" : "Closed for ordering")}</p>""" : "")
                    .Append("</figure>");
            }
            body.Append("</div></section>");
        }
        var title = danish ? "QR-koder til bordene" : "The tables' QR codes";
        return Results.Content($$"""
            <!doctype html>
            <html lang="{{(danish ? "da" : "en")}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}}</title>
            <style>body{font-family:system-ui,sans-serif;margin:1rem;color:#111}.sheet{page-break-after:always;break-after:page}
            .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem}
            .card{border:1px solid #999;border-radius:8px;padding:1rem;margin:0;text-align:center;break-inside:avoid}
            .card figcaption{font-size:1.6rem;font-weight:700}.card svg{width:12rem;height:12rem}.card a{font-size:.7rem;word-break:break-all;color:#111}
            .closed{color:#8a1c1c;font-weight:700}@media print{body{margin:0} }</style>
            </head><body><main><h1>{{title}}</h1>{{body}}</main></body></html>
            """, "text/html; charset=utf-8");
    }
}
