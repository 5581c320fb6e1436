namespace Kasse.Domain.Inventory;

/// <summary>What a till does when a sale would take a product's stock below zero at a location.</summary>
public enum BelowZeroPolicy
{
    /// <summary>Sell anyway (the shelf is often right and the figure wrong) and flag the movement for a count.</summary>
    AllowAndFlag,
    /// <summary>Refuse the line and the sale's completion: for goods that must not be sold unseen (serialised, tickets).</summary>
    Block,
}

/// <summary>
/// On-hand of one product at one location: a projection of the ledger, changed only by the ledger in the same
/// transaction as the movement. Also holds the location's reorder settings and below-zero policy for the product.
/// </summary>
public sealed class StockLevel
{
    private StockLevel() { }

    public StockLevel(Guid locationId, Guid productId, Guid storeId)
    {
        LocationId = locationId;
        ProductId = productId;
        StoreId = storeId;
    }

    public Guid LocationId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid StoreId { get; private set; }
    public decimal OnHand { get; private set; }
    public decimal? ReorderPoint { get; private set; }
    public decimal? ReorderQuantity { get; private set; }
    public BelowZeroPolicy BelowZero { get; private set; }

    public bool IsOut => OnHand <= 0m;
    public bool IsLow => ReorderPoint is { } point && OnHand <= point;

    public void Configure(decimal? reorderPoint, decimal? reorderQuantity, BelowZeroPolicy belowZero)
    {
        ReorderPoint = reorderPoint is null ? null : Quantities.Valid(reorderPoint.Value, "stock.reorder-point", "The reorder point", allowNegative: false);
        ReorderQuantity = reorderQuantity is null ? null : Quantities.Positive(reorderQuantity.Value, "stock.reorder-quantity", "The reorder quantity");
        BelowZero = belowZero;
    }
}
