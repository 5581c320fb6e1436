using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Kasse.Server.Security;

/// <summary>401 and 403 as problem+json with a code, never a redirect to a login page.</summary>
public sealed class AuthorizationProblems(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        var challenged = authorizeResult.Challenged;
        var needed = policy.Requirements.OfType<RequiresPermission>().FirstOrDefault()?.AnyOf ?? [];
        context.Response.StatusCode = challenged ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
        if (challenged)
            context.Response.Headers.WWWAuthenticate = "ApiKey header=\"X-Api-Key\"";
        var problem = new ProblemDetails
        {
            Status = context.Response.StatusCode,
            Title = challenged ? "Sign in first" : "Not allowed",
            Detail = challenged
                ? "This needs a signed-in employee (PIN at the till, password in the back office) or an API key in the X-Api-Key header."
                : $"Your role may not do this. It needs the permission {string.Join(" or ", needed)}; ask the owner.",
        };
        problem.Extensions["code"] = challenged ? "auth.required" : "permission.denied";
        await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
