using Kasse.Domain.Customers;
using Kasse.Domain.Sales;

namespace Kasse.Application.Customers;

public sealed record SaveCustomer(Guid Id, string Name, string? Phone = null, string? Email = null, string? Number = null, string? CardCode = null,
    string? Notes = null, string? Preferences = null, Guid? GroupId = null);

public sealed record StampBalanceView(Guid StampCardId, string Name, long Stamps, int StampsForReward, long RewardsAvailable);

public sealed record CustomerView(Guid Id, Guid StoreId, string Number, string Name, string? Phone, string? Email, string? CardCode, string? Notes,
    string? Preferences, Guid? GroupId, string? GroupName, long PointsBalance, long LifetimePoints, string? Tier, decimal PointsWorth,
    IReadOnlyList<StampBalanceView> Stamps, DateTimeOffset CreatedAt, bool IsErased);

public sealed record CustomerSaleView(Guid SaleId, SaleKind Kind, long? ReceiptNumber, DateTimeOffset? ClosedAt, decimal TotalAmount,
    IReadOnlyList<string> Items, long PointsMoved);

public sealed record CustomerGroupView(Guid Id, Guid StoreId, string Name)
{
    public static CustomerGroupView From(CustomerGroup g) => new(g.Id, g.StoreId, g.Name);
}

public sealed record LoyaltyMovementView(Guid Id, LoyaltyMovementKind Kind, long Amount, Guid? StampCardId, Guid? SaleId, Guid? PaymentId,
    DateTimeOffset At)
{
    public static LoyaltyMovementView From(LoyaltyMovement m) => new(m.Id, m.Kind, m.Amount, m.StampCardId, m.SaleId, m.PaymentId, m.At);
}

public sealed record AttachCustomer(Guid? CustomerId);

public sealed record EraseCustomer(string Reason);

public sealed record RedeemStampReward(Guid StampCardId, Guid LineId);

public sealed record RedeemPointsAsDiscount(long Points);
