using Kasse.Domain.Staff;

namespace Kasse.Application.Staff;

/// <summary>
/// Limits guessing a supervisor's PIN through approvals. Kept in memory (one node per shop), because an
/// approval is checked inside the transaction of the action it approves, which a refusal rolls back.
/// Each check reserves its guess — counted as a failure, locking at the last free one — before the PIN is
/// verified, under one lock, so however many approvals arrive at once no more than the free attempts are
/// ever verified; a right PIN clears the count again.
/// </summary>
public sealed class ApprovalThrottle
{
    private readonly Lock _lock = new();
    private readonly Dictionary<Guid, (int Failures, DateTimeOffset? Until)> _state = [];

    /// <summary>Takes one guess for this approver: null when it may be checked, else the end of the lock that refuses it.</summary>
    public DateTimeOffset? Reserve(Guid approverId, DateTimeOffset now)
    {
        lock (_lock)
        {
            var (failures, until) = _state.GetValueOrDefault(approverId);
            if (until > now)
                return until;
            _state[approverId] = SignInLockout.AfterFailure(failures, until, now);
            return null;
        }
    }

    public void Succeed(Guid approverId)
    {
        lock (_lock)
            _state.Remove(approverId);
    }
}
