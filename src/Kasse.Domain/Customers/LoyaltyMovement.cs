namespace Kasse.Domain.Customers;

public enum LoyaltyMovementKind
{
    /// <summary>Points for a completed sale.</summary>
    Earned,
    /// <summary>Points taken back because goods were returned (proportional to the refund).</summary>
    TakenBackByReturn,
    /// <summary>Points spent as a tender or a discount.</summary>
    Redeemed,
    /// <summary>Points given back: a points payment removed, or a sale paid with points returned.</summary>
    Refunded,
    /// <summary>Stamps for a completed sale.</summary>
    StampsEarned,
    /// <summary>Stamps taken back because stamped goods were returned.</summary>
    StampsTakenBack,
    /// <summary>Stamps spent on a free item.</summary>
    StampsRedeemed,
}

/// <summary>
/// One movement of a customer's points or stamps: the auditable ledger behind every balance. Points movements
/// update <see cref="Customer.PointsBalance"/> in the same transaction; stamp balances are this ledger's sums.
/// </summary>
public sealed class LoyaltyMovement
{
    private LoyaltyMovement() { }

    public LoyaltyMovement(Guid storeId, Guid customerId, LoyaltyMovementKind kind, long amount, Guid? saleId, Guid? paymentId, Guid? stampCardId,
        DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        StoreId = storeId;
        CustomerId = customerId;
        Kind = kind;
        Amount = amount;
        SaleId = saleId;
        PaymentId = paymentId;
        StampCardId = stampCardId;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid CustomerId { get; private set; }
    public LoyaltyMovementKind Kind { get; private set; }
    /// <summary>Points (or stamps for a stamp card), signed: what the balance moved by.</summary>
    public long Amount { get; private set; }
    public Guid? SaleId { get; private set; }
    public Guid? PaymentId { get; private set; }
    public Guid? StampCardId { get; private set; }
    public DateTimeOffset At { get; private set; }

    public bool IsStamps => StampCardId is not null;
}

/// <summary>A free item (stamp reward) or a points discount given on an open sale; the stamps or points are spent when it completes.</summary>
public sealed class PendingLoyaltyReward
{
    private PendingLoyaltyReward() { }

    public PendingLoyaltyReward(Guid saleId, Guid customerId, Guid? stampCardId, Guid? lineId, long amount)
    {
        Id = Guid.CreateVersion7();
        SaleId = saleId;
        CustomerId = customerId;
        StampCardId = stampCardId;
        LineId = lineId;
        Amount = amount;
    }

    public Guid Id { get; private set; }
    public Guid SaleId { get; private set; }
    public Guid CustomerId { get; private set; }
    /// <summary>Set for a stamp reward; null for a points discount.</summary>
    public Guid? StampCardId { get; private set; }
    public Guid? LineId { get; private set; }
    /// <summary>Stamps or points to spend.</summary>
    public long Amount { get; private set; }
}
