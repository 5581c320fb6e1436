namespace Kasse.Domain.Inventory;

public enum StockCountStatus
{
    Counting,
    Submitted,
    Approved,
    Cancelled,
}

/// <summary>
/// A count of one location, of all its products or of one category. Each product's expected figure is taken again when
/// it is first counted, and approving books counted − expected as a Count movement: a sale before the shelf was counted
/// is already in both figures, and a sale after it (before approval) still comes off the stock.
/// </summary>
public sealed class StockCount
{
    private readonly List<StockCountLine> _lines = [];

    private StockCount() { }

    public StockCount(Guid id, Guid storeId, Guid locationId, Guid? categoryId, bool blind, DateTimeOffset now)
    {
        Id = id;
        StoreId = storeId;
        LocationId = locationId;
        CategoryId = categoryId;
        Blind = blind;
        StartedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid LocationId { get; private set; }

    /// <summary>Set for a partial count of one category; null counts everything at the location.</summary>
    public Guid? CategoryId { get; private set; }

    /// <summary>Counters don't see the expected figure, so they count what is there, not what should be.</summary>
    public bool Blind { get; private set; }
    public StockCountStatus Status { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public IReadOnlyList<StockCountLine> Lines => _lines;

    public void Expect(Guid productId, decimal expected) =>
        _lines.Add(new StockCountLine(Guid.CreateVersion7(), Id, productId, expected));

    public StockCountLine Count(Guid productId, decimal quantity, bool add, Func<decimal> onHandNow)
    {
        EnsureCounting();
        Quantities.Valid(quantity, "count.quantity", "The counted quantity", allowNegative: add);
        var line = _lines.FirstOrDefault(l => l.ProductId == productId);
        if (line is null)
        {
            line = new StockCountLine(Guid.CreateVersion7(), Id, productId, onHandNow());
            _lines.Add(line);
        }
        else if (line.Counted is null)
            line.Rebase(onHandNow());
        line.SetCounted(add ? (line.Counted ?? 0m) + quantity : quantity);
        if (line.Counted < 0m)
            throw DomainException.Invalid(CountErrors.Quantity, "A counted quantity can't go below 0.");
        return line;
    }

    public void Submit()
    {
        EnsureCounting();
        if (_lines.All(l => l.Counted is null))
            throw DomainException.Invalid(CountErrors.NothingCounted, "Nothing has been counted yet; scan or enter what is on the shelf first.");
        Status = StockCountStatus.Submitted;
    }

    public void Approve(DateTimeOffset now)
    {
        if (Status != StockCountStatus.Submitted)
            throw DomainException.Conflict(CountErrors.NotSubmitted, "Only a submitted count can be approved; submit the count first.");
        Status = StockCountStatus.Approved;
        ApprovedAt = now;
    }

    public void Cancel()
    {
        if (Status == StockCountStatus.Approved)
            throw DomainException.Conflict(CountErrors.Approved, "An approved count has already adjusted stock; count again to correct it.");
        Status = StockCountStatus.Cancelled;
    }

    private void EnsureCounting()
    {
        if (Status != StockCountStatus.Counting)
            throw DomainException.Conflict(CountErrors.NotCounting, $"This count is {Status.ToString().ToLowerInvariant()}; counting is over.");
    }
}

public sealed class StockCountLine
{
    private StockCountLine() { }

    internal StockCountLine(Guid id, Guid stockCountId, Guid productId, decimal expected)
    {
        Id = id;
        StockCountId = stockCountId;
        ProductId = productId;
        Expected = expected;
    }

    public Guid Id { get; private set; }
    public Guid StockCountId { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal Expected { get; private set; }

    /// <summary>Null until counted: an uncounted line is left as it is on approval, not set to 0.</summary>
    public decimal? Counted { get; private set; }
    public decimal? Variance => Counted - Expected;

    internal void SetCounted(decimal counted) => Counted = counted;

    internal void Rebase(decimal expected) => Expected = expected;
}
