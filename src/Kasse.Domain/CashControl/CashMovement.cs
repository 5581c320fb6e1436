namespace Kasse.Domain.CashControl;

public enum CashMovementKind
{
    /// <summary>Cash taken out of the drawer (a drop to the safe, a bank deposit, a petty-cash payout).</summary>
    Drop,
    /// <summary>Cash put into the drawer (more change, a refill from the safe).</summary>
    PayIn,
}

/// <summary>Cash moved in or out of a drawer without a sale, always with a reason, during an open session.</summary>
public sealed class CashMovement
{
    public const int MaxReasonLength = 120;

    private CashMovement() { Reason = ""; }

    private CashMovement(Guid id, RegisterSession session, CashMovementKind kind, decimal amount, string reason, Guid? employeeId, DateTimeOffset at)
    {
        Id = id;
        StoreId = session.StoreId;
        RegisterId = session.RegisterId;
        SessionId = session.Id;
        Kind = kind;
        Amount = amount;
        Reason = reason;
        EmployeeId = employeeId;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid RegisterId { get; private set; }
    public Guid SessionId { get; private set; }
    public CashMovementKind Kind { get; private set; }

    /// <summary>Always positive; <see cref="Kind"/> says which way the cash went.</summary>
    public decimal Amount { get; private set; }
    public string Reason { get; private set; }
    public Guid? EmployeeId { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>What the movement does to the cash in the drawer.</summary>
    public decimal SignedAmount => Kind == CashMovementKind.Drop ? -Amount : Amount;

    public static CashMovement Record(Guid id, RegisterSession session, CashMovementKind kind, decimal amount, string? reason,
        Guid? employeeId, DateTimeOffset at)
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid("cash-movement.id", "Give the cash movement an id (a new UUID chosen by the till).");
        if (!Enum.IsDefined(kind))
            throw DomainException.Invalid("cash-movement.kind", "kind is Drop (cash out to the safe) or PayIn (cash into the drawer).");
        if (session.Status != SessionStatus.Open)
            throw DomainException.Conflict("session.not-open", "Cash can only be moved while the register's session is open.");
        var valid = CashAmount.Valid(amount, "cash-movement.amount", "The amount", allowZero: false);
        var why = Text.Required(reason, MaxReasonLength, "cash-movement.reason", "A reason");
        return new CashMovement(id, session, kind, valid, why, employeeId, at);
    }
}
