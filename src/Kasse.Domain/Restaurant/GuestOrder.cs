namespace Kasse.Domain.Restaurant;

public enum GuestOrderStatus
{
    /// <summary>Waits for a waiter to confirm it (the store's "staff confirms guest orders" is on); not sent to the kitchen.</summary>
    Pending,
    /// <summary>Sent to the kitchen: at once, or when a waiter confirmed it.</summary>
    Sent,
    /// <summary>A waiter took its lines off the table's sale.</summary>
    Rejected,
}

/// <summary>
/// What a guest ordered from the table's QR code: the lines it put on the table's sale (through the sale use cases, like any
/// line), whether it waits for a waiter's confirmation, and who decided. The lines themselves live on the sale.
/// </summary>
public sealed class GuestOrder
{
    public const int MaxDeviceLength = 64;

    private GuestOrder() { Device = ""; LineIds = ""; }

    public GuestOrder(Guid id, Guid storeId, Guid tableId, Guid saleId, string device, IReadOnlyList<Guid> lineIds, bool pending, DateTimeOffset at)
    {
        Id = id;
        StoreId = storeId;
        TableId = tableId;
        SaleId = saleId;
        Device = device.Length <= MaxDeviceLength ? device : device[..MaxDeviceLength];
        LineIds = string.Join(',', lineIds);
        Status = pending ? GuestOrderStatus.Pending : GuestOrderStatus.Sent;
        PlacedAt = at;
        if (!pending)
            DecidedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid TableId { get; private set; }
    public Guid SaleId { get; private set; }

    /// <summary>The guest's phone as its cookie names it (no account): for the per-device rate limit and the audit.</summary>
    public string Device { get; private set; }

    /// <summary>The sale lines the order added, comma-separated.</summary>
    public string LineIds { get; private set; }

    public GuestOrderStatus Status { get; private set; }
    public DateTimeOffset PlacedAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The waiter who confirmed or rejected it (the actor's name).</summary>
    public string? DecidedBy { get; private set; }

    public IReadOnlyList<Guid> Lines => LineIds.Length == 0 ? [] : LineIds.Split(',').Select(Guid.Parse).ToList();

    public void Confirm(string by, DateTimeOffset at) => Decide(GuestOrderStatus.Sent, by, at);

    public void Reject(string by, DateTimeOffset at) => Decide(GuestOrderStatus.Rejected, by, at);

    private void Decide(GuestOrderStatus status, string by, DateTimeOffset at)
    {
        if (Status != GuestOrderStatus.Pending)
            throw DomainException.Conflict(GuestOrderErrors.Decided, $"This guest order was already {Status}.");
        Status = status;
        DecidedBy = by.Length <= 120 ? by : by[..120];
        DecidedAt = at;
    }
}

/// <summary>A store's QR ordering: closed for the whole store, and whether a waiter confirms each guest order before the kitchen sees it.</summary>
public sealed class GuestOrderingSettings
{
    private GuestOrderingSettings() { }

    public GuestOrderingSettings(Guid storeId) => StoreId = storeId;

    public Guid StoreId { get; private set; }
    public bool Closed { get; set; }
    public bool StaffConfirms { get; set; }
}

/// <summary>The codes (DomainException.Code) of QR ordering's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class GuestOrderErrors
{
    public const string UnknownTable = "guest.unknown-table";
    public const string Closed = "guest.closed";
    public const string Empty = "guest.empty";
    public const string TooMany = "guest.too-many";
    public const string Quantity = "guest.quantity";
    public const string NotOnMenu = "guest.not-on-menu";
    public const string Decided = "guest.decided";
    public const string NotFound = "guest.not-found";
    public const string NoRegister = "guest.no-register";
    public const string RateLimited = "guest.rate-limited";
}
