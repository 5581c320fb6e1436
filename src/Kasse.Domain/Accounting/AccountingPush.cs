namespace Kasse.Domain.Accounting;

public enum PushStatus
{
    /// <summary>Made, not yet accepted by the accounting system (a push is under way, or was cut off).</summary>
    Pending,
    /// <summary>The accounting system holds the voucher (<see cref="AccountingPush.VoucherNumber"/>).</summary>
    Pushed,
    /// <summary>The last attempt failed; <see cref="AccountingPush.LastError"/> says why. Pushing again retries it.</summary>
    Failed,
}

/// <summary>
/// One voucher sent (or to be sent) to the accounting system for a store's business day. Its content is fixed when
/// it is made — the Z reports it books — so a retry sends exactly what the first attempt sent, under the same
/// external id, and the accounting system can recognise it. A Z report closed on the day after the day was pushed
/// goes into the day's next part.
/// </summary>
public sealed class AccountingPush
{
    public const int MaxErrorLength = 500;

    private AccountingPush() { ExternalId = ""; ZReportIds = ""; }

    public AccountingPush(Guid id, Guid storeId, DateOnly businessDay, int part, IEnumerable<Guid> zReportIds, decimal total, DateTimeOffset now) : this()
    {
        Id = id;
        StoreId = storeId;
        BusinessDay = businessDay;
        Part = part;
        ExternalId = $"kasse-{storeId:N}-{businessDay:yyyyMMdd}-{part}";
        ZReportIds = string.Join(',', zReportIds);
        Total = total;
        CreatedAt = now;
        Status = PushStatus.Pending;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public DateOnly BusinessDay { get; private set; }
    public int Part { get; private set; }

    /// <summary>Our id of the voucher in the accounting system: the same on every attempt (idempotency).</summary>
    public string ExternalId { get; private set; }
    public string ZReportIds { get; private set; }
    public decimal Total { get; private set; }
    public PushStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public string? VoucherNumber { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public DateTimeOffset? PushedAt { get; private set; }

    public IReadOnlyList<Guid> ZReports => ZReportIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    public void Attempted(DateTimeOffset now)
    {
        Attempts++;
        LastAttemptAt = now;
    }

    public void Accepted(string voucherNumber, DateTimeOffset now)
    {
        Status = PushStatus.Pushed;
        VoucherNumber = voucherNumber;
        LastError = null;
        PushedAt = now;
    }

    public void Failed(string error)
    {
        Status = PushStatus.Failed;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
    }
}
