using Kasse.Domain.CashControl;

namespace Kasse.Application.CashControl;

/// <summary>Open the register's session with the cash counted into the drawer.</summary>
public sealed record OpenSession(Guid Id, decimal OpeningFloat, Guid? EmployeeId = null);

/// <summary>The cash counted at close, entered before the till shows what it expected.</summary>
public sealed record CountCash(decimal CountedCash, Guid? EmployeeId = null, string? Note = null);

public sealed record RecordCashMovement(Guid Id, CashMovementKind Kind, decimal Amount, string Reason, Guid? EmployeeId = null);

/// <summary>Open the drawer without a sale ("no sale"), e.g. to give change; journaled and counted on X and Z.</summary>
public sealed record OpenDrawer(Guid? EmployeeId = null, string? Reason = null, Kasse.Application.Staff.Approval? Approval = null);

/// <summary>The drawer was shut again: reported by the drawer's sensor (through the till) or by the till itself.</summary>
public sealed record CloseDrawer(Guid? EmployeeId = null);

/// <summary>Make an X or Z report; the id is the client's, so a retried request makes one report.</summary>
public sealed record MakeReport(Guid Id, Guid? EmployeeId = null);

/// <summary>
/// A session as the till may see it. Until the count is recorded the expected amount is not shown
/// anywhere (<see cref="ExpectedCash"/> is null): the count is blind.
/// </summary>
public sealed record SessionView(Guid Id, Guid RegisterId, SessionStatus Status, decimal OpeningFloat, Guid? OpenedById, DateTimeOffset OpenedAt,
    decimal? CountedCash, decimal? ExpectedCash, decimal? Difference, Guid? CountedById, DateTimeOffset? CountedAt, string? CountNote)
{
    public static SessionView From(RegisterSession s) => new(s.Id, s.RegisterId, s.Status, s.OpeningFloat, s.OpenedById, s.OpenedAt,
        s.CountedCash, s.ExpectedCash, s.Difference, s.CountedById, s.CountedAt, s.CountNote);
}

/// <summary>A drop or pay-in; <see cref="TransactionNumber"/> and <see cref="Signature"/> are its SAF-T transaction's (11010/11011).</summary>
public sealed record CashMovementView(Guid Id, Guid RegisterId, Guid SessionId, CashMovementKind Kind, decimal Amount, string Reason,
    Guid? EmployeeId, DateTimeOffset At, long? TransactionNumber, string? Signature, string? KeyVersion)
{
    public static CashMovementView From(CashMovement m) =>
        new(m.Id, m.RegisterId, m.SessionId, m.Kind, m.Amount, m.Reason, m.EmployeeId, m.At, m.TransactionNumber, m.Signature, m.KeyVersion);
}

public sealed record DrawerOpenedView(Guid RegisterId, DateTimeOffset At, long JournalSequence);

public sealed record DrawerClosedView(Guid RegisterId, DateTimeOffset At, long JournalSequence);
