using System.Collections.Concurrent;
using Kasse.Domain.Staff;

namespace Kasse.Application.Staff;

/// <summary>
/// Limits guessing a supervisor's PIN through approvals. Kept in memory (one node per shop), because an
/// approval is checked inside the transaction of the action it approves, which a refusal rolls back.
/// </summary>
public sealed class ApprovalThrottle
{
    private readonly ConcurrentDictionary<Guid, (int Failures, DateTimeOffset? Until)> _state = new();

    public DateTimeOffset? LockedUntil(Guid approverId, DateTimeOffset now) =>
        _state.TryGetValue(approverId, out var s) && s.Until > now ? s.Until : null;

    public void Fail(Guid approverId, DateTimeOffset now) =>
        _state.AddOrUpdate(approverId, _ => (1, null), (_, s) =>
        {
            var failures = s.Failures + 1;
            var lockout = SignInLockout.After(failures);
            return (failures, lockout > TimeSpan.Zero ? now + lockout : s.Until);
        });

    public void Succeed(Guid approverId) => _state.TryRemove(approverId, out _);
}
