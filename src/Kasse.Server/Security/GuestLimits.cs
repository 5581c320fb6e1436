using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Kasse.Server.Security;

/// <summary>Marks the guest's writes (orders, calls to the waiter) for <see cref="GuestLimits"/>.</summary>
public sealed record GuestWrite;

/// <summary>
/// Abuse of QR ordering is bounded: a table's orders (and calls to the waiter) are limited per minute, and so are one
/// device's (its guest cookie, else its address), whichever runs out first. Refused with 429 and a problem (<c>guest.rate-limited</c>).
/// </summary>
public static class GuestLimits
{
    public const string DeviceCookie = "kasse.guest";

    /// <summary>The guest's phone: the cookie the table's page gave it, else the address it calls from.</summary>
    public static string DeviceOf(HttpContext context) =>
        context.Request.Cookies.TryGetValue(DeviceCookie, out var device) && device.Length is > 0 and <= 64
            ? device
            : "ip:" + (context.Connection.RemoteIpAddress ?? IPAddress.None);

    public static bool IsGuestWrite(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<GuestWrite>() is not null;

    /// <summary>Both limits at once (a chained limiter); every other request passes untouched.</summary>
    public static PartitionedRateLimiter<HttpContext> Limiter(Func<IServiceProvider, (int PerTable, int PerDevice)> permits) => PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<HttpContext, string>(c => IsGuestWrite(c)
            ? RateLimitPartition.GetFixedWindowLimiter("table:" + c.Request.RouteValues["token"],
                _ => Window(permits(c.RequestServices).PerTable))
            : RateLimitPartition.GetNoLimiter("")),
        PartitionedRateLimiter.Create<HttpContext, string>(c => IsGuestWrite(c)
            ? RateLimitPartition.GetFixedWindowLimiter("device:" + DeviceOf(c), _ => Window(permits(c.RequestServices).PerDevice))
            : RateLimitPartition.GetNoLimiter("")));

    private static FixedWindowRateLimiterOptions Window(int permits) =>
        new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };

    /// <summary>The guest's refusal: a problem in the words of the guest's page.</summary>
    public static async ValueTask RejectAsync(OnRejectedContext context)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many orders",
            Detail = context.HttpContext.RequestServices.GetRequiredService<Ui.Localization.ErrorTexts>().For(Kasse.Domain.DomainException.Invalid(
                Kasse.Domain.Restaurant.GuestOrderErrors.RateLimited,
                "Too many orders came from this table or this phone in a minute. Wait a minute and try again, or ask the staff.")),
        };
        problem.Extensions["code"] = Kasse.Domain.Restaurant.GuestOrderErrors.RateLimited;
        context.HttpContext.Response.Headers.RetryAfter = "60";
        await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
            .TryWriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = problem });
    }
}
