using Kasse.Server.Security;
using Kasse.Server.Ui.Display;
using Kasse.Server.Ui.Localization;
using Kasse.Server.Ui.Receipts;
using Microsoft.AspNetCore.Localization;

namespace Kasse.Server.Ui;

/// <summary>The browser UI: Blazor with interactive server rendering, its languages, and the seams it needs.</summary>
public static class UiComposition
{
    public static IServiceCollection AddKasseUi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddSingleton<UiText>();
        services.AddScoped<Shared.Backend>();
        services.AddSingleton<CustomerDisplayHub>();
        services.AddSingleton(ReceiptMailSettings.Read(configuration));
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
        // The till signs cashiers in with their PIN itself; password sign-in for the back office pages comes with the
        // staff pages (issue 7) — until then the pages are reachable by whoever reaches the shop's Kasse node.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode()
            .AllowAnonymous("the till's own PIN sign-in guards selling; back-office sign-in is still to come (issue 7)");
        app.MapUiEndpoints();
        return app;
    }

    /// <summary>Called early in the pipeline: the request's culture is the UI's language for the whole circuit.</summary>
    public static WebApplication UseKasseUi(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAntiforgery();
        return app;
    }
}
