using Kasse.Application.CashControl;
using Kasse.Application.Payments;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Data;

namespace Kasse.Application.Staff;

/// <summary>
/// The till's gated actions end to end — the approval gate, the change itself, its audit line and the fraud rules
/// that watch it — so the API and the till's own screen do exactly the same thing.
/// </summary>
public sealed class GatedActions(KasseDbContext db, SalesService sales, ApprovalGates gates, FraudDetector fraud, CashControlService cash,
    TerminalPaymentService payments)
{
    /// <summary>Adds a line; a price other than the product's own is a price override.</summary>
    public async Task<SaleView> AddLineAsync(Guid saleId, AddLine command, CancellationToken ct)
    {
        if (command.ProductId is null || command.UnitPrice is null)
            return await sales.AddLineAsync(saleId, command, ct);
        await gates.PriceOverrideAsync(await sales.GetAsync(saleId, ct), command, ct);
        var sale = await sales.AddLineAsync(saleId, command, ct);
        await gates.SaveAsync(ct);
        await fraud.AfterEventAsync(sale.StoreId, ct);
        return sale;
    }

    /// <summary>Sets (or, with kind None, clears) a discount on one line or, with no line, on the whole sale.</summary>
    public async Task<SaleView> SetDiscountAsync(Guid saleId, Guid? lineId, SetDiscount command, CancellationToken ct)
    {
        var giving = command.Kind != Kasse.Domain.Sales.DiscountKind.None;
        if (giving)
            await gates.DiscountAsync(await sales.GetAsync(saleId, ct), lineId, command, ct);
        var sale = lineId is { } line
            ? await sales.SetLineDiscountAsync(saleId, line, command, ct)
            : await sales.SetSaleDiscountAsync(saleId, command, ct);
        await gates.SaveAsync(ct);
        if (giving)
            await fraud.AfterEventAsync(sale.StoreId, ct);
        return sale;
    }

    /// <summary>Voids a sale; money taken by a card terminal or MobilePay goes back first.</summary>
    public async Task<SaleView> VoidSaleAsync(Guid saleId, CancellationToken ct)
    {
        await payments.ReverseAllAsync(saleId, ct);
        var sale = await sales.VoidAsync(saleId, ct);
        await gates.SaleVoidedAsync(sale, ct);
        await gates.SaveAsync(ct);
        await fraud.AfterEventAsync(sale.StoreId, ct);
        return sale;
    }

    /// <summary>Takes back a payment already made (the money is handed back) before the sale completes.</summary>
    public async Task<SaleView> RemovePaymentAsync(Guid saleId, Guid paymentId, VoidPayment command, CancellationToken ct)
    {
        await gates.VoidPaymentAsync(await sales.GetAsync(saleId, ct), paymentId, command, ct);
        var sale = await sales.RemovePaymentAsync(saleId, paymentId, ct);
        await gates.SaveAsync(ct);
        await fraud.AfterEventAsync(sale.StoreId, ct);
        return sale;
    }

    /// <summary>Opens the drawer without a sale ("no sale").</summary>
    public async Task<DrawerOpenedView> OpenDrawerAsync(Guid registerId, OpenDrawer command, CancellationToken ct)
    {
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        await gates.NoSaleAsync(register.Id, register.StoreId, command, ct);
        var opened = await cash.OpenDrawerAsync(registerId, command, ct);
        await gates.SaveAsync(ct);
        await fraud.AfterEventAsync(register.StoreId, ct);
        return opened;
    }
}
