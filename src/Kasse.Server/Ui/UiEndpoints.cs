using Kasse.Server.Security;
using Kasse.Server.Ui.Localization;
using Kasse.Server.Ui.Receipts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;

namespace Kasse.Server.Ui;

/// <summary>The few plain HTTP endpoints the UI needs besides its Blazor pages.</summary>
public static class UiEndpoints
{
    public static WebApplication MapUiEndpoints(this WebApplication app)
    {
        app.MapGet("/ui/language/{code}", SetLanguage).ExcludeFromDescription()
            .AllowAnonymous("it only sets the page-language cookie and redirects within the site");
        app.MapGet("/ui/product-images/{productId:guid}/{pixels:int}", Api.CatalogEndpoints.ServeImageAsync).ExcludeFromDescription()
            .AllowAnonymous("a product's picture is what the shop shows its customers; the till's tiles load it as an image, with no API session");
        app.MapGet("/receipt/{saleId:guid}", ReceiptPage.RenderAsync).ExcludeFromDescription()
            .AllowAnonymous("the customer's digital receipt behind the QR code; found only by the sale's unguessable id");
        app.MapGet("/t/{token}", Guest.GuestPage.RenderAsync).ExcludeFromDescription()
            .AllowAnonymous("a guest's phone opens the table's menu from its QR code; the unguessable table token is the credential");
        app.MapGet("/backoffice/floor/qr-codes", Guest.QrSheetPage.RenderAsync).ExcludeFromDescription().RequirePermission(Kasse.Domain.Staff.Permission.ManageSettings);
        app.MapGet(Access.PageAccess.SignOutPath, SignOutAsync).ExcludeFromDescription()
            .AllowAnonymous("ends the caller's own session, if any; the cookie is SameSite=Strict, so another site cannot trigger it");
        return app;
    }

    /// <summary>Ends the back-office session (the sign-out button, and the idle timer) and shows the sign-in page.</summary>
    private static async Task<IResult> SignOutAsync(HttpContext context, bool? idle)
    {
        var actor = context.RequestServices.GetRequiredService<Kasse.Application.Staff.CurrentActor>().Value;
        if (actor.EmployeeId is not null && actor.ApiKeyId is null)
        {
            var audit = context.RequestServices.GetRequiredService<Kasse.Application.Staff.AuditTrail>();
            audit.Record(Kasse.Domain.Staff.AuditAction.SignedOut, Kasse.Application.Staff.AuditTexts.SignedOut(idle == true),
                subject: actor.EmployeeId.ToString());
            await context.RequestServices.GetRequiredService<Kasse.Data.KasseDbContext>().SaveChangesAsync(context.RequestAborted);
        }
        await context.SignOutAsync(KasseSchemes.Cookie);
        return Results.LocalRedirect(idle == true ? Access.PageAccess.SignInPath + "?idle=true" : Access.PageAccess.SignInPath);
    }

    /// <summary>
    /// Remembers the language in a cookie (a year) and goes back to where the person was: a local path only, else the
    /// start page. A language Kasse does not speak leaves the choice as it was.
    /// </summary>
    private static IResult SetLanguage(HttpContext context, string code, string? returnUrl)
    {
        if (UiLanguages.Find(code) is { } language)
            context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language.Culture)),
                new CookieOptions { Expires = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
        return Results.Redirect(Access.PageAccess.LocalTarget(returnUrl, "/"));
    }
}
