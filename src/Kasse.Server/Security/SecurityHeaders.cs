namespace Kasse.Server.Security;

/// <summary>
/// Headers every answer carries. The CSP fits Blazor Server (its script from 'self', its circuit over a
/// same-origin WebSocket, inline styles that Blazor and MudBlazor write); the API reference page needs
/// inline script, so only it gets that.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    private const string ReferencePagePolicy = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // Set as the answer starts, not now: the exception handler clears the headers of a failed request before it
        // writes its problem, and a refusal needs them as much as any other answer.
        context.Response.OnStarting(static state => Apply((HttpContext)state), context);
        return next(context);
    }

    private static Task Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/scalar") ? ReferencePagePolicy : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (context.Request.IsHttps)
            headers.StrictTransportSecurity = "max-age=31536000";
        return Task.CompletedTask;
    }
}
