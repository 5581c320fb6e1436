using Kasse.Domain.Catalog;
using Kasse.Domain.Inventory;

namespace Kasse.Application.Inventory;

public sealed record LocationView(Guid Id, Guid StoreId, string Name, LocationKind Kind, bool IsDefaultSelling)
{
    public static LocationView From(StockLocation l) => new(l.Id, l.StoreId, l.Name, l.Kind, l.IsDefaultSelling);
}

public enum StockState
{
    Ok,
    Low,
    Out,
}

public sealed record StockLevelView(Guid ProductId, string Sku, string Name, Unit Unit, Guid LocationId, string LocationName, decimal OnHand,
    decimal? ReorderPoint, decimal? ReorderQuantity, BelowZeroPolicy BelowZero, decimal? UnitCost, decimal Value, StockState State);

public sealed record MovementView(Guid Id, DateTimeOffset At, MovementKind Kind, Guid LocationId, Guid ProductId, decimal Quantity,
    decimal OnHandAfter, string? Reason, Guid? ReferenceId, decimal? UnitCost, bool WentBelowZero)
{
    public static MovementView From(StockMovement m) => new(m.Id, m.At, m.Kind, m.LocationId, m.ProductId, m.Quantity, m.OnHandAfter,
        m.Reason, m.ReferenceId, m.UnitCost, m.WentBelowZero);
}

/// <summary>Stock of one product across every location, as a webshop reads it.</summary>
public sealed record ProductStockView(Guid ProductId, string Sku, decimal OnHand, IReadOnlyList<StockLevelView> Locations);
