namespace Kasse.Domain.Inventory;

public enum TransferStatus
{
    InTransit,
    Received,
    Cancelled,
}

/// <summary>Goods on their way from one location to another (in the same store or another): out when sent, in when received.</summary>
public sealed class StockTransfer
{
    private readonly List<StockTransferLine> _lines = [];

    private StockTransfer() { }

    public StockTransfer(Guid id, Guid fromLocationId, Guid toLocationId, DateTimeOffset now)
    {
        if (fromLocationId == toLocationId)
            throw DomainException.Invalid(TransferErrors.SameLocation, "A transfer needs two different locations.");
        Id = id;
        FromLocationId = fromLocationId;
        ToLocationId = toLocationId;
        SentAt = now;
    }

    public Guid Id { get; private set; }
    public Guid FromLocationId { get; private set; }
    public Guid ToLocationId { get; private set; }
    public TransferStatus Status { get; private set; }
    public DateTimeOffset SentAt { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public IReadOnlyList<StockTransferLine> Lines => _lines;

    public void Add(Guid productId, decimal quantity)
    {
        Quantities.Positive(quantity, "transfer.quantity", "The quantity to transfer");
        if (_lines.Any(l => l.ProductId == productId))
            throw DomainException.Invalid(TransferErrors.Duplicate, $"Product {productId} is on the transfer twice; give it once with the total.");
        _lines.Add(new StockTransferLine(Guid.CreateVersion7(), Id, productId, quantity));
    }

    public void Receive(IReadOnlyDictionary<Guid, decimal>? received, DateTimeOffset now)
    {
        EnsureInTransit();
        foreach (var line in _lines)
            line.SetReceived(received is null ? line.Quantity
                : received.TryGetValue(line.ProductId, out var quantity) ? Quantities.Valid(quantity, "transfer.received", "The received quantity", allowNegative: false) : 0m);
        if (received is not null && received.Keys.Any(id => _lines.All(l => l.ProductId != id)))
            throw DomainException.Invalid(TransferErrors.UnknownProduct, "A received product is not on the transfer.");
        Status = TransferStatus.Received;
        ReceivedAt = now;
    }

    public void Cancel(DateTimeOffset now)
    {
        EnsureInTransit();
        Status = TransferStatus.Cancelled;
        ReceivedAt = now;
    }

    private void EnsureInTransit()
    {
        if (Status != TransferStatus.InTransit)
            throw DomainException.Conflict(TransferErrors.NotInTransit, $"This transfer is already {Status.ToString().ToLowerInvariant()}.");
    }
}

public sealed class StockTransferLine
{
    private StockTransferLine() { }

    internal StockTransferLine(Guid id, Guid transferId, Guid productId, decimal quantity)
    {
        Id = id;
        StockTransferId = transferId;
        ProductId = productId;
        Quantity = quantity;
    }

    public Guid Id { get; private set; }
    public Guid StockTransferId { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal Quantity { get; private set; }

    /// <summary>Set on receipt; less than sent means lost on the way (booked as waste at the receiving end's store).</summary>
    public decimal? Received { get; private set; }

    internal void SetReceived(decimal received) => Received = received;
}
