namespace Kasse.Domain.Staff;

public enum FraudRule
{
    /// <summary>An employee's voids and refunds are far above their peers' (as a multiple of the peer average).</summary>
    ManyVoidsOrRefunds,
    RefundsWithoutReceipt,
    RefundToDifferentCard,
    NoSaleDrawerOpens,
    DiscountsAboveThreshold,
    SalesJustUnderApprovalLimit,
    PriceOverrides,
    TrainingOutsideTraining,
    CashOverShort,
    ManyPinAttempts,
}

/// <summary>
/// A suspicion raised by a rule, explained in words a manager reads: which rule, which events, and what it
/// was compared with. A manager acknowledges it with a note.
/// </summary>
public sealed class FraudAlert
{
    private FraudAlert() { Explanation = ""; Events = ""; }

    public FraudAlert(Guid id, FraudRule rule, DateTimeOffset raisedAt, Guid? storeId, Guid? employeeId, DateOnly day, decimal observed,
        decimal threshold, string explanation, string events)
    {
        Id = id;
        Rule = rule;
        RaisedAt = raisedAt;
        StoreId = storeId;
        EmployeeId = employeeId;
        Day = day;
        Observed = observed;
        Threshold = threshold;
        Explanation = explanation;
        Events = events.Length <= 4000 ? events : events[..4000];
    }

    public Guid Id { get; private set; }
    public FraudRule Rule { get; private set; }
    public DateTimeOffset RaisedAt { get; private set; }
    public Guid? StoreId { get; private set; }
    public Guid? EmployeeId { get; private set; }
    public DateOnly Day { get; private set; }
    public decimal Observed { get; private set; }
    public decimal Threshold { get; private set; }
    public string Explanation { get; private set; }

    /// <summary>The ids of the events behind the alert (sales, journal sequences, audit entries), comma separated.</summary>
    public string Events { get; private set; }
    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public Guid? AcknowledgedById { get; private set; }
    public string? AcknowledgementNote { get; private set; }

    public void Acknowledge(DateTimeOffset at, Guid? by, string note)
    {
        if (AcknowledgedAt is not null)
            throw DomainException.Conflict(FraudAlertErrors.Acknowledged, "This alert is already acknowledged.");
        AcknowledgementNote = Text.Required(note, 500, "fraud-alert.note", "A note");
        AcknowledgedAt = at;
        AcknowledgedById = by;
    }
}

/// <summary>An owner-tunable number: a fraud rule's threshold or an approval limit.</summary>
public sealed class StaffSetting
{
    private StaffSetting() { Key = ""; }

    public StaffSetting(string key, decimal value)
    {
        Key = key;
        Value = value;
    }

    public string Key { get; private set; }
    public decimal Value { get; private set; }

    public void Change(decimal value) => Value = value;
}
