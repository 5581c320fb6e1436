namespace Kasse.Domain.CashControl;

public enum SessionStatus
{
    Open,
    /// <summary>Closed by a blind count; the counted, expected and over/short amounts are recorded.</summary>
    Counted,
}

/// <summary>
/// A register's cash from the opening float to the closing count. The cashier counts blind: the expected
/// amount is worked out and recorded only together with the count, and the difference (over/short) is
/// kept as it is — a count is never forced to match.
/// </summary>
public sealed class RegisterSession
{
    public const int MaxNoteLength = 120;

    private RegisterSession() { }

    private RegisterSession(Guid id, Guid storeId, Guid registerId, Guid? openedById, decimal openingFloat, DateTimeOffset now)
    {
        Id = id;
        StoreId = storeId;
        RegisterId = registerId;
        OpenedById = openedById;
        OpeningFloat = openingFloat;
        OpenedAt = now;
        Status = SessionStatus.Open;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid RegisterId { get; private set; }
    public SessionStatus Status { get; private set; }

    /// <summary>The cash counted into the drawer at the start.</summary>
    public decimal OpeningFloat { get; private set; }
    public Guid? OpenedById { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>The journal sequence of the opening entry: the session owns the register's receipts after it.</summary>
    public long OpenedSequence { get; private set; }

    public decimal? CountedCash { get; private set; }
    public decimal? ExpectedCash { get; private set; }

    /// <summary>Counted − expected: positive is over, negative is short.</summary>
    public decimal? Difference { get; private set; }
    public Guid? CountedById { get; private set; }
    public DateTimeOffset? CountedAt { get; private set; }
    public long? CountedSequence { get; private set; }
    public string? CountNote { get; private set; }

    public static RegisterSession Open(Guid id, Guid storeId, Guid registerId, Guid? openedById, decimal openingFloat, DateTimeOffset now)
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid(SessionErrors.Id, "Give the session an id (a new UUID chosen by the till).");
        return new RegisterSession(id, storeId, registerId, openedById,
            CashAmount.Valid(openingFloat, "session.opening-float", "The opening float", allowZero: true), now);
    }

    /// <summary>Set once the opening is journaled, in the same transaction.</summary>
    public void Journaled(long sequence) => OpenedSequence = sequence;

    /// <summary>Records the blind count and, only now, the expected amount and the difference.</summary>
    public void Count(decimal counted, decimal expected, Guid? countedById, string? note, DateTimeOffset now, long sequence)
    {
        if (Status != SessionStatus.Open)
            throw DomainException.Conflict(SessionErrors.Counted, "This session is already counted and closed; a count is final.");
        CountedCash = CashAmount.Valid(counted, "count.amount", "The counted cash", allowZero: true);
        CountNote = Text.Optional(note, MaxNoteLength, "count.note", "The note");
        ExpectedCash = CashAmount.Round(expected);
        Difference = CashAmount.Round(CountedCash.Value - ExpectedCash.Value);
        CountedById = countedById;
        CountedAt = now;
        CountedSequence = sequence;
        Status = SessionStatus.Counted;
    }
}
