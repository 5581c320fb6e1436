using Kasse.Domain.Inventory;

namespace Kasse.Application.Inventory;

public sealed record StartCount(Guid Id, Guid LocationId, Guid? CategoryId = null, bool Blind = true);

public sealed record CountScan(string? Barcode = null, Guid? ProductId = null, decimal Quantity = 1m);

/// <summary>A count as counters see it: with a blind count, no expected figures.</summary>
public sealed record StockCountView(Guid Id, Guid StoreId, Guid LocationId, Guid? CategoryId, bool Blind, StockCountStatus Status,
    DateTimeOffset StartedAt, DateTimeOffset? ApprovedAt, IReadOnlyList<StockCountLineView> Lines);

public sealed record StockCountLineView(Guid ProductId, string Sku, string Name, decimal? Expected, decimal? Counted);

public sealed record VarianceLine(Guid ProductId, string Sku, string Name, decimal Expected, decimal? Counted, decimal? Variance, decimal? VarianceValue);

/// <summary>What approving the count would book: per product, and the value at cost of the difference.</summary>
public sealed record VarianceReport(Guid CountId, StockCountStatus Status, IReadOnlyList<VarianceLine> Lines, decimal TotalVarianceValue, int NotCounted);

public sealed record SendTransfer(Guid Id, Guid FromLocationId, Guid ToLocationId, IReadOnlyList<TransferItem> Lines);

public sealed record TransferItem(Guid ProductId, decimal Quantity);

/// <summary>Omit lines to receive everything sent; otherwise what arrived per product (the shortfall stays on the transfer as lost in transit).</summary>
public sealed record ReceiveTransfer(IReadOnlyList<TransferItem>? Lines = null);

public sealed record TransferView(Guid Id, Guid FromLocationId, Guid ToLocationId, TransferStatus Status, DateTimeOffset SentAt,
    DateTimeOffset? ReceivedAt, IReadOnlyList<TransferLineView> Lines)
{
    public static TransferView From(StockTransfer t) => new(t.Id, t.FromLocationId, t.ToLocationId, t.Status, t.SentAt, t.ReceivedAt,
        t.Lines.Select(l => new TransferLineView(l.ProductId, l.Quantity, l.Received)).ToList());
}

public sealed record TransferLineView(Guid ProductId, decimal Quantity, decimal? Received);

public sealed record SaveRecipe(decimal Yield, IReadOnlyList<RecipeComponentRequest> Components);

public sealed record RecipeComponentRequest(Guid ProductId, decimal Quantity, string Unit, decimal WastePercent = 0m);

public sealed record RecipeView(Guid ProductId, decimal Yield, IReadOnlyList<RecipeComponentView> Components);

/// <summary>An ingredient with what one sold unit uses of it, in the ingredient's stock unit.</summary>
public sealed record RecipeComponentView(Guid ProductId, string Name, decimal Quantity, RecipeUnit Unit, decimal WastePercent, decimal PerSoldUnit);
