using Kasse.Domain.Inventory;

namespace Kasse.Application.Inventory;

public sealed record CreateLocation(Guid Id, string Name, LocationKind Kind = LocationKind.BackRoom, bool IsDefaultSelling = false);

public sealed record UpdateLocation(string Name, LocationKind Kind, bool IsDefaultSelling);

public sealed record StockSettings(decimal? ReorderPoint, decimal? ReorderQuantity, BelowZeroPolicy BelowZero = BelowZeroPolicy.AllowAndFlag);

/// <summary>A manual movement: an adjustment (found, damaged in the count, …) or waste, always with a reason.</summary>
public sealed record AdjustStock(Guid Id, Guid ProductId, decimal Quantity, string Reason, MovementKind Kind = MovementKind.Adjustment);
