using System.Globalization;

namespace Kasse.Domain.Inventory;

public enum PurchaseOrderStatus
{
    Draft,
    Sent,
    PartlyReceived,
    Received,
    Closed,
}

/// <summary>An order to one supplier for one store location: drafted (often suggested), sent, received in one or more deliveries, closed.</summary>
public sealed class PurchaseOrder
{
    private readonly List<PurchaseOrderLine> _lines = [];

    private PurchaseOrder() { }

    public PurchaseOrder(Guid id, Guid storeId, Guid supplierId, Guid locationId, long number, DateTimeOffset now)
    {
        Id = id;
        StoreId = storeId;
        SupplierId = supplierId;
        LocationId = locationId;
        Number = number;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid SupplierId { get; private set; }

    /// <summary>Where the goods are put away when they arrive.</summary>
    public Guid LocationId { get; private set; }
    public long Number { get; private set; }
    public PurchaseOrderStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public IReadOnlyList<PurchaseOrderLine> Lines => _lines;

    public decimal TotalCost => _lines.Sum(l => Money.Money.RoundToMinor(l.Ordered * l.UnitCost));

    public void SetLine(Guid productId, string? supplierSku, decimal quantity, decimal unitCost)
    {
        if (Status != PurchaseOrderStatus.Draft)
            throw DomainException.Conflict(PurchaseOrderErrors.NotDraft, $"Purchase order {Number} has been sent; its lines can't be changed any more.");
        var existing = _lines.FirstOrDefault(l => l.ProductId == productId);
        if (quantity == 0m)
        {
            if (existing is not null)
                _lines.Remove(existing);
            return;
        }
        Quantities.Positive(quantity, "purchase-order.quantity", "The ordered quantity");
        if (unitCost < 0m || Money.Money.RoundToMinor(unitCost) != unitCost)
            throw DomainException.Invalid(PurchaseOrderErrors.Cost, "The unit cost must be 0 or more, in whole øre.");
        if (existing is null)
            _lines.Add(new PurchaseOrderLine(Guid.CreateVersion7(), Id, productId, supplierSku, quantity, unitCost));
        else
            existing.Change(quantity, unitCost);
    }

    public void Send(DateTimeOffset now)
    {
        if (Status != PurchaseOrderStatus.Draft)
            return;
        if (_lines.Count == 0)
            throw DomainException.Invalid(PurchaseOrderErrors.Empty, $"Purchase order {Number} has no lines; add what to order before sending it.");
        Status = PurchaseOrderStatus.Sent;
        SentAt = now;
    }

    /// <summary>Books a delivered quantity; a product not on the order becomes a line ordered 0 (an over-delivery).</summary>
    public PurchaseOrderLine Receive(Guid productId, decimal quantity, decimal unitCostIfUnordered)
    {
        if (Status is PurchaseOrderStatus.Draft)
            throw DomainException.Conflict(PurchaseOrderErrors.NotSent, $"Purchase order {Number} has not been sent; send it before receiving goods.");
        if (Status is PurchaseOrderStatus.Closed)
            throw DomainException.Conflict(PurchaseOrderErrors.Closed, $"Purchase order {Number} is closed; receive the goods on a new order.");
        Quantities.Positive(quantity, "purchase-order.received", "The received quantity");
        var line = _lines.FirstOrDefault(l => l.ProductId == productId);
        if (line is null)
        {
            line = new PurchaseOrderLine(Guid.CreateVersion7(), Id, productId, null, 0m, unitCostIfUnordered);
            _lines.Add(line);
        }
        line.AddReceived(quantity);
        Status = _lines.All(l => l.Received >= l.Ordered) ? PurchaseOrderStatus.Received : PurchaseOrderStatus.PartlyReceived;
        return line;
    }

    public void Close(DateTimeOffset now)
    {
        if (Status == PurchaseOrderStatus.Closed)
            return;
        if (Status == PurchaseOrderStatus.Draft)
            throw DomainException.Conflict(PurchaseOrderErrors.NotSent, $"Purchase order {Number} was never sent; delete nothing, just leave the draft or send it.");
        Status = PurchaseOrderStatus.Closed;
        ClosedAt = now;
    }

    public string Reference => "PO-" + Number.ToString("D5", CultureInfo.InvariantCulture);
}

public sealed class PurchaseOrderLine
{
    private PurchaseOrderLine() { }

    internal PurchaseOrderLine(Guid id, Guid purchaseOrderId, Guid productId, string? supplierSku, decimal ordered, decimal unitCost)
    {
        Id = id;
        PurchaseOrderId = purchaseOrderId;
        ProductId = productId;
        SupplierSku = supplierSku;
        Ordered = ordered;
        UnitCost = unitCost;
    }

    public Guid Id { get; private set; }
    public Guid PurchaseOrderId { get; private set; }
    public Guid ProductId { get; private set; }
    public string? SupplierSku { get; private set; }
    public decimal Ordered { get; private set; }
    public decimal Received { get; private set; }
    public decimal UnitCost { get; private set; }

    /// <summary>Positive: more arrived than ordered; negative: still missing (an under-delivery once the order is closed).</summary>
    public decimal Difference => Received - Ordered;

    internal void Change(decimal ordered, decimal unitCost)
    {
        Ordered = ordered;
        UnitCost = unitCost;
    }

    internal void AddReceived(decimal quantity) => Received += quantity;
}
