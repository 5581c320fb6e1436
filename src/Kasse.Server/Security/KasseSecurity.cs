using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain.Staff;
using Kasse.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kasse.Server.Security;

/// <summary>Authentication (API keys, session cookies), permission policies, sign-in rate limits and security headers.</summary>
public static class KasseSecurity
{
    public const string SignInRateLimit = "sign-in";
    public const string SignInPermitsKey = SecurityOptions.Section + ":" + nameof(SecurityOptions.SignInAttemptsPerMinute);
    public const string IdleMinutesKey = SecurityOptions.Section + ":" + nameof(SecurityOptions.IdleMinutes);
    public const string SecureCookiesKey = SecurityOptions.Section + ":" + nameof(SecurityOptions.CookiesOnlyOverHttps);

    public static void AddKasseSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(KasseSchemes.Selector)
            .AddPolicyScheme(KasseSchemes.Selector, "API key or session", options =>
                options.ForwardDefaultSelector = context =>
                    ApiKeyAuthenticationHandler.PresentedKey(context.Request) is not null ? KasseSchemes.ApiKey : KasseSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(KasseSchemes.ApiKey, null)
            .AddCookie(KasseSchemes.Cookie, options =>
            {
                options.Cookie.Name = "kasse.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ValidateEmployeeAsync;
                options.Events.OnRedirectToLogin = context => { context.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
                options.Events.OnRedirectToAccessDenied = context => { context.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            });
        // The session's idle clock is the app's clock (tests move it).
        services.AddOptions<CookieAuthenticationOptions>(KasseSchemes.Cookie).Configure<TimeProvider, IOptions<SecurityOptions>>((options, clock, security) =>
        {
            options.TimeProvider = clock;
            // Secure whenever the request came over HTTPS (production); set CookiesOnlyOverHttps to refuse plain HTTP outright.
            options.Cookie.SecurePolicy = security.Value.CookiesOnlyOverHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromMinutes(security.Value.IdleMinutes);
        });
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationProblems>();

        services.AddSingleton(sp => new SignInLimiter(sp.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInAttemptsPerMinute));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                if (GuestLimits.IsGuestWrite(context.HttpContext))
                {
                    await GuestLimits.RejectAsync(context);
                    return;
                }
                var problem = new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many sign-in attempts",
                    Detail = $"At most {Permits(context.HttpContext.RequestServices)} sign-in attempts a minute come from one place. Wait a minute and try again.",
                };
                problem.Extensions["code"] = "sign-in.rate-limited";
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .TryWriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = problem });
            };
            options.GlobalLimiter = GuestLimits.Limiter(sp =>
            {
                var security = sp.GetRequiredService<IOptions<SecurityOptions>>().Value;
                return (security.GuestOrdersPerTablePerMinute, security.GuestOrdersPerDevicePerMinute);
            });
            options.AddPolicy(SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                (context.Connection.RemoteIpAddress ?? IPAddress.None).ToString(),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = Permits(context.RequestServices), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    private static int Permits(IServiceProvider services) => services.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInAttemptsPerMinute;

    /// <summary>Runs after routing: headers, rate limits, who is calling, what they may do, and the actor the services see.</summary>
    public static void UseKasseSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<SameOriginWrites>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(async (context, next) =>
        {
            context.RequestServices.GetRequiredService<CurrentActor>().Value = await ActorOfAsync(context);
            await next(context);
        });
    }

    private static async Task<Actor> ActorOfAsync(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
            return Actor.Anonymous;
        var permissions = await PermissionAuthorizationHandler.PermissionsOfAsync(user, context,
            context.RequestServices.GetRequiredService<PermissionMatrix>());
        return ActorOf(user, permissions);
    }

    /// <summary>The actor a signed-in principal is, with what it may do now.</summary>
    public static Actor ActorOf(ClaimsPrincipal user, IReadOnlySet<Permission> permissions) =>
        new(user.FindFirstValue(KasseClaims.Name) ?? "unknown", GuidClaim(user, KasseClaims.EmployeeId), GuidClaim(user, KasseClaims.ApiKeyId),
            GuidClaim(user, KasseClaims.RegisterId), permissions, StoresOf(user));

    /// <summary>The stores a principal may act in; a principal without the claim (an old session) reaches none.</summary>
    public static IReadOnlySet<Guid>? StoresOf(ClaimsPrincipal user) => StoreAccess.Parse(user.FindFirstValue(KasseClaims.Stores) ?? "");

    public static Guid? GuidClaim(ClaimsPrincipal user, string type) =>
        Guid.TryParse(user.FindFirstValue(type), CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A session ends as soon as its employee is deactivated, given another role or moved to other stores.</summary>
    private static async Task ValidateEmployeeAsync(CookieValidatePrincipalContext context)
    {
        var id = GuidClaim(context.Principal!, KasseClaims.EmployeeId);
        var db = context.HttpContext.RequestServices.GetRequiredService<KasseDbContext>();
        var employee = id is null ? null : await db.Employees.FindAsync([id.Value], context.HttpContext.RequestAborted);
        if (employee is null || !employee.IsActive || employee.Role != context.Principal!.FindFirstValue(KasseClaims.Role)
            || !SameStores(employee.StoreIds, StoresOf(context.Principal!)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(KasseSchemes.Cookie);
        }
    }

    public static bool SameStores(IReadOnlySet<Guid>? a, IReadOnlySet<Guid>? b) => a is null ? b is null : b is not null && a.SetEquals(b);

    /// <summary>Starts a browser or till session for a signed-in employee.</summary>
    public static Task SignInAsync(HttpContext context, SignedIn signedIn, Guid? registerId)
    {
        var claims = new List<Claim>
        {
            new(KasseClaims.EmployeeId, signedIn.Employee.Id.ToString()),
            new(KasseClaims.Name, $"{signedIn.Employee.Name} ({signedIn.Employee.Role})"),
            new(KasseClaims.Role, signedIn.Employee.Role),
            new(KasseClaims.Stores, signedIn.Employee.AllStores ? StoreAccess.AllStores : string.Join(',', signedIn.Employee.Stores ?? [])),
        };
        if (registerId is not null)
            claims.Add(new Claim(KasseClaims.RegisterId, registerId.Value.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, KasseSchemes.Cookie, KasseClaims.Name, KasseClaims.Role));
        return context.SignInAsync(KasseSchemes.Cookie, principal);
    }
}
