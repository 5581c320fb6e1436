using System.Security.Claims;
using System.Text.Encodings.Web;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Kasse.Server.Security;

/// <summary>Integrations send their key in <c>X-Api-Key</c> (or as <c>Authorization: Bearer</c>).</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeyService.Header, out var key) && key.ToString().Length > 0)
            return key.ToString();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer kasse_", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey(Request) is not { } presented)
            return AuthenticateResult.NoResult();
        var keys = Context.RequestServices.GetRequiredService<ApiKeyService>();
        var identity = await keys.AuthenticateAsync(presented, Context.RequestAborted);
        if (identity is null)
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        var claims = new List<Claim>
        {
            new(KasseClaims.ApiKeyId, identity.Id.ToString()),
            new(KasseClaims.Name, $"API key '{identity.Name}'"),
            new(KasseClaims.Role, identity.Role),
            new(KasseClaims.Stores, identity.Stores is null ? StoreAccess.AllStores : string.Join(',', identity.Stores)),
        };
        claims.AddRange(identity.Permissions.Select(p => new Claim(KasseClaims.Scope, p.ToString())));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name, KasseClaims.Name, KasseClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }
}
