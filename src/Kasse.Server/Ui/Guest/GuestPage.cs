using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kasse.Application.Restaurant;
using Kasse.Application.Stores;
using Kasse.Domain;
using Kasse.Server.Security;

namespace Kasse.Server.Ui.Guest;

/// <summary>
/// The page a guest's phone opens from a table's QR code (<c>/t/{token}</c>): no app, no account. The page is a shell in
/// the store's language; guest.js reads the menu and the bill and sends the order through the guest API
/// (<c>/api/v1/guest/{token}</c>), the one front door. A phone gets a random cookie so the per-device rate limit can know it.
/// </summary>
public static class GuestPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string LinkFor(Uri baseUri, string token) => new Uri(baseUri, $"/t/{token}").ToString();

    public static async Task<IResult> RenderAsync(string token, HttpContext context, GuestOrdering guest, Localization.ErrorTexts errors, CancellationToken ct)
    {
        if (!context.Request.Cookies.ContainsKey(GuestLimits.DeviceCookie))
            context.Response.Cookies.Append(GuestLimits.DeviceCookie, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps,
                    Expires = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(1) });
        try
        {
            var table = await guest.EnterAsync(token, ct);
            var store = await StoreService.FindStoreAsync(context.RequestServices.GetRequiredService<Kasse.Data.KasseDbContext>(), table.StoreId, ct);
            var title = store.Language == "da" ? $"Bord {table.Name} – {store.Name}" : $"Table {table.Name} – {store.Name}";
            var heading = store.Language == "da" ? $"Bord {table.Name}" : $"Table {table.Name}";
            var loading = store.Language == "da" ? "Henter menuen …" : "Loading the menu …";
            return Page(store.Language, title, $$"""
                <header class="g-head"><h1>{{Html.Encode(heading)}}</h1><p>{{Html.Encode(store.Name)}}</p></header>
                <main id="guest" data-token="{{Html.Encode(token)}}" data-lang="{{Html.Encode(store.Language)}}"><p class="g-note" role="status">{{Html.Encode(loading)}}</p></main>
                """, 200);
        }
        catch (DomainException e) when (e.Kind is ErrorKind.NotFound or ErrorKind.Conflict)
        {
            var danish = Localization.UiLanguages.Current == Localization.UiLanguages.Danish;
            return Page(danish ? "da" : "en", danish ? "Bestil ved bordet" : "Order at the table",
                $"""<main class="g-closed"><h1>{(danish ? "Bestil ved bordet" : "Order at the table")}</h1><p role="alert">{Html.Encode(errors.For(e))}</p></main>""",
                e.Kind == ErrorKind.NotFound ? 404 : 409);
        }
    }

    private static IResult Page(string language, string title, string body, int status) => Results.Content($$"""
        <!doctype html>
        <html lang="{{Html.Encode(language)}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Html.Encode(title)}}</title><link rel="stylesheet" href="/guest.css"><script src="/guest.js" defer></script>
        </head><body>{{body}}</body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
