using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>Back-office sign-in by password: a session cookie that ends after idle time.</summary>
public static class AuthEndpoints
{
    public sealed record PasswordSignInRequest(string UserName, string Password);

    public sealed record MeView(string Name, Guid? EmployeeId, Guid? ApiKeyId, Guid? RegisterId, IReadOnlyList<Permission> Permissions);

    public static RouteGroupBuilder MapAuth(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Sign-in");
        auth.MapPost("/sign-in", SignIn).AllowAnonymous("signing in to the back office is how a person gets a session")
            .RequireRateLimiting(KasseSecurity.SignInRateLimit)
            .WithSummary("Sign in to the back office with user name and password (audited; locks out after repeated failures)");
        auth.MapPost("/sign-out", SignOut).RequireSignedIn().WithSummary("End the back-office session");
        auth.MapGet("/me", Me).RequireSignedIn().WithSummary("Who the caller is and what they may do");
        return api;
    }

    private static async Task<Ok<EmployeeView>> SignIn(PasswordSignInRequest request, EmployeeService employees, HttpContext http, CancellationToken ct)
    {
        var signedIn = await employees.SignInWithPasswordAsync(request.UserName, request.Password, ct);
        await KasseSecurity.SignInAsync(http, signedIn, null);
        return TypedResults.Ok(signedIn.Employee);
    }

    private static async Task<NoContent> SignOut(HttpContext http, AuditTrail audit, Kasse.Data.KasseDbContext db, CancellationToken ct)
    {
        audit.Record(AuditAction.SignedOut, AuditTexts.SignedOut());
        await db.SaveChangesAsync(ct);
        await EndSessionAsync(http);
        return TypedResults.NoContent();
    }

    private static Ok<MeView> Me(CurrentActor actor) => TypedResults.Ok(new MeView(actor.Value.Name, actor.Value.EmployeeId, actor.Value.ApiKeyId,
        actor.Value.RegisterId, actor.Value.Permissions.Order().ToList()));

    public static Task EndSessionAsync(HttpContext http) => http.SignOutAsync(KasseSchemes.Cookie);
}
