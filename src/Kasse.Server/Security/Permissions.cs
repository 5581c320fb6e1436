using System.Security.Claims;
using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Kasse.Server.Security;

/// <summary>
/// Endpoint metadata naming what the caller must be allowed (any one of <see cref="AnyOf"/>); empty means any
/// signed-in person or key. The endpoint test reads it to check every role against the matrix.
/// </summary>
public sealed record RequiresPermission(IReadOnlyList<Permission> AnyOf) : IAuthorizationRequirement;

/// <summary>Why an endpoint is open to everyone (health, the API description, signing in).</summary>
public sealed record AnonymousBecause(string Reason);

public static class PermissionEndpointExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, params Permission[] anyOf) where TBuilder : IEndpointConventionBuilder
    {
        var requirement = new RequiresPermission(anyOf);
        builder.WithMetadata(requirement);
        return builder.RequireAuthorization(policy => policy.AddAuthenticationSchemes(KasseSchemes.Selector).AddRequirements(requirement));
    }

    /// <summary>Any signed-in employee or valid API key (e.g. "who am I", sign out).</summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder.RequirePermission();

    public static TBuilder AllowAnonymous<TBuilder>(this TBuilder builder, string because) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AnonymousBecause(because)).AllowAnonymous();
}

/// <summary>
/// Resolves what the caller may do from the live matrix (so an owner's change applies at once), narrowed by an
/// API key's scope.
/// </summary>
public sealed class PermissionAuthorizationHandler(PermissionMatrix matrix) : AuthorizationHandler<RequiresPermission>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RequiresPermission requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.Resource is not HttpContext http)
            return;
        var permissions = await PermissionsOfAsync(context.User, http, matrix);
        if (requirement.AnyOf.Count == 0 || requirement.AnyOf.Any(permissions.Contains))
            context.Succeed(requirement);
    }

    public static async Task<IReadOnlySet<Permission>> PermissionsOfAsync(ClaimsPrincipal user, HttpContext http, PermissionMatrix matrix)
    {
        if (http.Items.TryGetValue(typeof(PermissionAuthorizationHandler), out var known) && known is IReadOnlySet<Permission> cached)
            return cached;
        var permissions = await PermissionsOfAsync(user, http.RequestServices.GetRequiredService<KasseDbContext>(), matrix, http.RequestAborted);
        http.Items[typeof(PermissionAuthorizationHandler)] = permissions;
        return permissions;
    }

    /// <summary>What a signed-in principal may do now: its role in the live matrix, narrowed by an API key's scope.</summary>
    public static async Task<IReadOnlySet<Permission>> PermissionsOfAsync(ClaimsPrincipal user, KasseDbContext db, PermissionMatrix matrix, CancellationToken ct)
    {
        var role = user.FindFirstValue(KasseClaims.Role) ?? "";
        var permissions = (await matrix.PermissionsOfAsync(db, role, ct)).ToHashSet();
        if (user.FindFirst(KasseClaims.ApiKeyId) is not null)
            permissions.IntersectWith(user.FindAll(KasseClaims.Scope).Select(c => Enum.Parse<Permission>(c.Value)));
        return permissions;
    }
}
