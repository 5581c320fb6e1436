using Kasse.Server.Security;
using Kasse.Server.Ui.Access;
using Microsoft.AspNetCore.Components.Endpoints;
using Kasse.Server.Ui.Display;
using Kasse.Server.Ui.Localization;
using Kasse.Server.Ui.Receipts;
using Microsoft.AspNetCore.Localization;

namespace Kasse.Server.Ui;

/// <summary>The browser UI: Blazor with interactive server rendering, its languages, and the seams it needs.</summary>
public static class UiComposition
{
    public static IServiceCollection AddKasseUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddLocalization();
        services.AddSingleton<ErrorTexts>();
        services.AddSingleton<UiText>();
        services.AddScoped<Shared.Backend>();
        services.AddScoped<UiSession>();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<CustomerDisplayHub>();
        // The display follows the sales on the server: it hears of every committed change of a sale, wherever it came from.
        services.AddSingleton<Kasse.Application.Sales.ISaleChangeListener>(sp => sp.GetRequiredService<CustomerDisplayHub>());
        services.AddSingleton<IReceiptMailer, FolderReceiptMailer>();
        services.AddSingleton<StoreLanguage>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var supported = UiLanguages.All.Select(l => l.Culture).ToList();
            options.DefaultRequestCulture = new RequestCulture(UiLanguages.Danish.Culture);
            options.SupportedCultures = supported;
            options.SupportedUICultures = supported;
            // Only the person's own choice (a cookie) picks the language; a browser's Accept-Language does not,
            // so a till in a Danish shop speaks Danish whatever the PC was set up with.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new StoreLanguageCultureProvider()];
        });
        return services;
    }

    public static WebApplication MapKasseUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous("scripts, styles and icons of the pages");
        // Each page has its own rule (PageNeeds / PageOpen), asked by UsePageAccess for the page's request and by the
        // router for every navigation in the circuit; the till signs its cashier in with a PIN on its own page.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .AllowAnonymous("each page's own rule (PageNeeds/PageOpen) decides, on the request and in the circuit; the till's PIN pad signs cashiers in");
        app.MapUiEndpoints();
        return app;
    }

    /// <summary>Called early in the pipeline: the request's culture is the UI's language for the whole circuit.</summary>
    public static WebApplication UseKasseUi(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAntiforgery();
        app.Use(PageAccessAsync);
        return app;
    }

    /// <summary>
    /// A page's own request: nobody signed in goes to the sign-in page; a role that may not use the page gets 403
    /// (the page then says "not allowed" in the person's language).
    /// </summary>
    private static Task PageAccessAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>()?.Type is not { } page || !HttpMethods.IsGet(context.Request.Method))
            return next(context);
        switch (PageAccess.Decide(page, context.RequestServices.GetRequiredService<Kasse.Application.Staff.CurrentActor>().Value))
        {
            case PageVerdict.SignInFirst:
                context.Response.Redirect(PageAccess.SignInUrl(context.Request.Path + context.Request.QueryString));
                return Task.CompletedTask;
            case PageVerdict.NotAllowed:
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
        }
        return next(context);
    }
}
