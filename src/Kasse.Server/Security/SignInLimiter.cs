using System.Threading.RateLimiting;

namespace Kasse.Server.Security;

/// <summary>
/// The sign-in rate limit for paths that are not API endpoints: the back office's password form (per client
/// address) and the till's PIN pad (per register). Same permits a minute as the API's sign-in endpoints.
/// </summary>
public sealed class SignInLimiter(int permitsPerMinute) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        }));

    public int PermitsPerMinute => permitsPerMinute;

    /// <returns>False when this place has used up its attempts for the minute.</returns>
    public bool TryAttempt(string place)
    {
        using var lease = _limiter.AttemptAcquire(place);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
