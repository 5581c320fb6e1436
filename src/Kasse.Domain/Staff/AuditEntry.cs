namespace Kasse.Domain.Staff;

public enum AuditAction
{
    SignedIn,
    SignInFailed,
    SignedOut,
    LockedOut,
    RolePermissionsChanged,
    EmployeeCreated,
    EmployeeChanged,
    ApiKeyCreated,
    ApiKeyRevoked,
    ApprovalGiven,
    ApprovalRefused,
    PriceChanged,
    PriceOverridden,
    DiscountGiven,
    Refunded,
    SaleVoided,
    PaymentVoided,
    DrawerOpened,
    Exported,
    SettingChanged,
    TimeClockCorrected,
    FraudAlertAcknowledged,
    CustomerExported,
    CustomerErased,
    /// <summary>An open sale moved to another restaurant table (or tab).</summary>
    SaleMovedToTable,
    /// <summary>An open sale (a table) handed to another waiter.</summary>
    SaleHandedOver,
    /// <summary>A sale's lines sent to the kitchen (or a change or void of lines it was sent).</summary>
    SentToKitchen,
    /// <summary>A held course of a sale fired: the kitchen makes it now.</summary>
    CourseFired,
    /// <summary>Lines of an open sale moved to another (a move of lines, a merge of tables, a split bill).</summary>
    LinesMoved,
    /// <summary>An open sale's order type changed (eat-in, takeaway, delivery).</summary>
    OrderTypeChanged,
}

/// <summary>
/// One line of the append-only audit trail: who did what, when, at which register, and what changed.
/// Where the fiscal journal already records the event, <see cref="JournalSequence"/> links to it instead of
/// copying it.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxTextLength = 2000;
    public const int MaxKeyLength = 60;

    private AuditEntry() { Actor = ""; Detail = ""; }

    public AuditEntry(Guid id, DateTimeOffset at, AuditAction action, string actor, Guid? actorEmployeeId, Guid? approvedById, Guid? storeId,
        Guid? registerId, string? subject, string detail, string? before, string? after, long? journalSequence, string? textKey = null, string? textArguments = null)
    {
        Id = id;
        At = at;
        Action = action;
        Actor = Clip(actor, 120);
        ActorEmployeeId = actorEmployeeId;
        ApprovedById = approvedById;
        StoreId = storeId;
        RegisterId = registerId;
        Subject = subject is null ? null : Clip(subject, 120);
        Detail = Clip(detail, MaxTextLength);
        Before = before is null ? null : Clip(before, MaxTextLength);
        After = after is null ? null : Clip(after, MaxTextLength);
        JournalSequence = journalSequence;
        TextKey = textKey is null ? null : Clip(textKey, MaxKeyLength);
        TextArguments = textArguments is null || textArguments.Length > MaxTextLength ? null : textArguments;
    }

    public Guid Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public AuditAction Action { get; private set; }

    /// <summary>Who, as a person reads it: "Mette Demo (Manager)" or "API key 'webshop'".</summary>
    public string Actor { get; private set; }
    public Guid? ActorEmployeeId { get; private set; }
    public Guid? ApprovedById { get; private set; }
    public Guid? StoreId { get; private set; }
    public Guid? RegisterId { get; private set; }

    /// <summary>What the action was about: a product, sale, role, key or employee id.</summary>
    public string? Subject { get; private set; }
    public string Detail { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public long? JournalSequence { get; private set; }

    /// <summary>
    /// The description's template (a key of the application's audit texts) and its arguments as JSON, so a page tells it in
    /// its reader's language and store time; null on entries written before, which have only <see cref="Detail"/> (English).
    /// </summary>
    public string? TextKey { get; private set; }
    public string? TextArguments { get; private set; }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
