using Kasse.Domain;

namespace Kasse.Server.Security;

/// <summary>
/// Cross-site request forgery: an API write that rides on a session cookie must come from Kasse's own pages. The
/// cookie is already SameSite=Strict; this also refuses a write whose browser says it came from another site
/// (Sec-Fetch-Site, or an Origin that is not this server). Requests with an API key carry no ambient credential and
/// pass; so do clients that are not browsers (they send neither header, and no browser omits both on a cross-site write).
/// </summary>
public sealed class SameOriginWrites(RequestDelegate next)
{
    public const string SessionCookie = "kasse.session";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || !request.Path.StartsWithSegments("/api") || !request.Cookies.ContainsKey(SessionCookie)
            || ApiKeyAuthenticationHandler.PresentedKey(request) is not null)
            return next(context);
        if (CrossSite(request) is { } reason)
            throw DomainException.Forbidden(CsrfErrors.CrossSite,
                $"This change came from another web site ({reason}) with Kasse's session cookie, so it was refused. Use Kasse's own pages, or an API key for integrations.");
        return next(context);
    }

    private static string? CrossSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
            return "Sec-Fetch-Site: " + fetchSite;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
            return null;
        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? null : "Origin: " + origin;
    }
}
