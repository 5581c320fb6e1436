using Kasse.Application.Customers;
using Kasse.Application.GiftCards;
using Kasse.Application.Promotions;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;

namespace Kasse.Application.Sales;

/// <summary>
/// The front door for what a customer brings to an open sale — their profile, loyalty points and stamps, a gift card
/// bought, a coupon — from the till and the API alike: each needs the caller's Sell, then the capability's own rules.
/// </summary>
public sealed class SaleCustomerUseCases(CustomerService customers, LoyaltyService loyalty, GiftCardService giftCards, SaleCoupons coupons,
    CurrentActor actor)
{
    public Task<SaleView> AttachCustomerAsync(Guid saleId, Guid? customerId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        return customers.AttachAsync(saleId, customerId, ct);
    }

    public Task<SaleView> RedeemStampRewardAsync(Guid saleId, RedeemStampReward command, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        return loyalty.RedeemStampRewardAsync(saleId, command, ct);
    }

    public Task<SaleView> RedeemPointsAsDiscountAsync(Guid saleId, RedeemPointsAsDiscount command, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        return loyalty.RedeemPointsAsDiscountAsync(saleId, command, ct);
    }

    public Task<SaleView> SellGiftCardAsync(Guid saleId, SellGiftCard command, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        return giftCards.SellAsync(saleId, command, ct);
    }

    public Task<SaleView> ApplyCouponAsync(Guid saleId, string code, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        return coupons.ApplyAsync(saleId, code, ct);
    }

    public Task<SaleView> RemoveCouponAsync(Guid saleId, CancellationToken ct)
    {
        actor.Value.Require(Permission.Sell);
        return coupons.RemoveAsync(saleId, ct);
    }
}
