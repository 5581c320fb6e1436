namespace Kasse.Domain.Staff;

/// <summary>
/// Repeated wrong PINs or passwords lock the employee out for a while, doubling with every further failure,
/// so guessing a 4-digit PIN takes weeks instead of minutes.
/// </summary>
public static class SignInLockout
{
    public const int FreeAttempts = 5;
    public static readonly TimeSpan FirstLockout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestLockout = TimeSpan.FromHours(1);

    /// <summary>How long to lock after this many consecutive failures (zero while attempts are free).</summary>
    public static TimeSpan After(int consecutiveFailures)
    {
        if (consecutiveFailures < FreeAttempts)
            return TimeSpan.Zero;
        var doublings = Math.Min(consecutiveFailures - FreeAttempts, 20);
        var lockout = FirstLockout * Math.Pow(2, doublings);
        return lockout > LongestLockout ? LongestLockout : lockout;
    }

    /// <summary>
    /// The count and lock after one more failure at <paramref name="now"/>: the lock it brings, else the one there was.
    /// Callers take this state before the secret is checked (a reserved guess), so guesses beyond the free ones find it locked.
    /// </summary>
    public static (int Failures, DateTimeOffset? LockedUntil) AfterFailure(int failures, DateTimeOffset? lockedUntil, DateTimeOffset now)
    {
        var lockout = After(failures + 1);
        return (failures + 1, lockout > TimeSpan.Zero ? now + lockout : lockedUntil);
    }
}
