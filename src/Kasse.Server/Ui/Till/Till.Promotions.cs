using Kasse.Application.Promotions;
using Kasse.Application.Sales;

namespace Kasse.Server.Ui.Till;

/// <summary>The coupon a customer hands over at the till (docs/promotions.md).</summary>
public sealed partial class Till
{
    private string _couponCode = "";

    /// <summary>The coupon field shows on demand (from <em>More</em>), leaving the cart's height to its lines.</summary>
    private bool _couponOpen;

    private void OpenCoupon()
    {
        _dialog = TillDialog.None;
        _couponOpen = true;
        _focusAfterRender = "#coupon-input";
    }

    private async Task ApplyCouponAsync()
    {
        if (_sale is null || string.IsNullOrWhiteSpace(_couponCode))
            return;
        var code = _couponCode;
        var saleId = _sale.Id;
        var changed = await TryAsync(() => Backend.Call<SaleCustomerUseCases, SaleView>(c => c.ApplyCouponAsync(saleId, code, CancellationToken.None)));
        if (changed is null)
            return;
        _couponCode = "";
        _couponOpen = false;
        _sale = changed;
        AfterChange();
    }

    private async Task RemoveCouponAsync()
    {
        if (_sale is null)
            return;
        var saleId = _sale.Id;
        var changed = await TryAsync(() => Backend.Call<SaleCustomerUseCases, SaleView>(c => c.RemoveCouponAsync(saleId, CancellationToken.None)));
        if (changed is null)
            return;
        _sale = changed;
        AfterChange();
    }
}
