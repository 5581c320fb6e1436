namespace Kasse.Domain.CashControl;

public enum CashMovementKind
{
    /// <summary>Cash taken out of the drawer (a drop to the safe, a bank deposit, a petty-cash payout).</summary>
    Drop,
    /// <summary>Cash put into the drawer (more change, a refill from the safe).</summary>
    PayIn,
}

/// <summary>
/// Cash moved in or out of a drawer without a sale, always with a reason, during an open session. It is a
/// transaction of its own in SAF-T terms (11010 out payment for a drop, 11011 in payment for a pay-in): numbered
/// with the company's <c>nr</c> and signed in the register's signature chain, like every receipt.
/// </summary>
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

    /// <summary>The company-wide SAF-T <c>nr</c>; null only for movements recorded before movements were signed.</summary>
    public long? TransactionNumber { get; private set; }

    /// <summary>The Danish signature, chained with the register's receipts (see <see cref="Fiscal.DanishSignature"/>).</summary>
    public string? Signature { get; private set; }

    /// <summary>The Norwegian signature, for a store in Norway.</summary>
    public string? NorwegianSignature { get; private set; }

    public string? KeyVersion { get; private set; }

    /// <summary>The SAF-T transaction type: 11010 out payment (a drop) or 11011 in payment (a pay-in).</summary>
    public string TransactionType => Kind == CashMovementKind.Drop ? Fiscal.SaftCodes.OutPayment : Fiscal.SaftCodes.InPayment;

    /// <summary>What the movement does to the cash in the drawer.</summary>
    public decimal SignedAmount => Kind == CashMovementKind.Drop ? -Amount : Amount;

    public void Sign(long transactionNumber, string signature, string keyVersion)
    {
        if (Signature is not null)
            throw new InvalidOperationException("A cash movement is signed once.");
        TransactionNumber = transactionNumber;
        Signature = signature;
        KeyVersion = keyVersion;
    }

    public void SignNorwegian(string signature)
    {
        if (NorwegianSignature is not null)
            throw new InvalidOperationException("A cash movement is signed once.");
        NorwegianSignature = signature;
    }

    public static CashMovement Record(Guid id, RegisterSession session, CashMovementKind kind, decimal amount, string? reason,
        Guid? employeeId, DateTimeOffset at)
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid(CashMovementErrors.Id, "Give the cash movement an id (a new UUID chosen by the till).");
        if (!Enum.IsDefined(kind))
            throw DomainException.Invalid(CashMovementErrors.Kind, "kind is Drop (cash out to the safe) or PayIn (cash into the drawer).");
        if (session.Status != SessionStatus.Open)
            throw DomainException.Conflict(SessionErrors.NotOpen, "Cash can only be moved while the register's session is open.");
        var valid = CashAmount.Valid(amount, "cash-movement.amount", "The amount", allowZero: false);
        var why = Text.Required(reason, MaxReasonLength, "cash-movement.reason", "A reason");
        return new CashMovement(id, session, kind, valid, why, employeeId, at);
    }
}
