namespace Kasse.Domain.Inventory;

public enum MovementKind
{
    Sale,
    Return,
    Received,
    Adjustment,
    Count,
    TransferOut,
    TransferIn,
    Waste,
}

/// <summary>
/// One row of the stock ledger: a signed quantity of one product moving in or out of one location. Rows are only ever
/// added; the on-hand figure is their running sum, kept in <see cref="StockLevel"/> by the same transaction.
/// </summary>
public sealed class StockMovement
{
    public const int MaxReasonLength = 120;

    private StockMovement() { }

    public StockMovement(Guid id, Guid storeId, Guid locationId, Guid productId, MovementKind kind, decimal quantity, decimal onHandAfter,
        DateTimeOffset at, string? reason, Guid? referenceId, decimal? unitCost)
    {
        Id = id;
        StoreId = storeId;
        LocationId = locationId;
        ProductId = productId;
        Kind = kind;
        Quantity = quantity;
        OnHandAfter = onHandAfter;
        At = at;
        Reason = reason;
        ReferenceId = referenceId;
        UnitCost = unitCost;
        // A movement out that leaves less than nothing means the figure is wrong somewhere: count it.
        WentBelowZero = quantity < 0m && onHandAfter < 0m;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid LocationId { get; private set; }
    public Guid ProductId { get; private set; }
    public MovementKind Kind { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal OnHandAfter { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Reason { get; private set; }

    /// <summary>The sale, purchase order, count or transfer behind the movement.</summary>
    public Guid? ReferenceId { get; private set; }
    public decimal? UnitCost { get; private set; }
    public bool WentBelowZero { get; private set; }

    /// <summary>Adjustments and waste must say why, so shrinkage can be told apart from miscounts.</summary>
    public static bool NeedsReason(MovementKind kind) => kind is MovementKind.Adjustment or MovementKind.Waste;
}
