using Kasse.Application.Payments;
using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Sales;

/// <summary>
/// The one front door for every command on a sale, whichever client sends it (the HTTP API, the till, later the
/// kiosk and the restaurant). Each command checks the caller's permission, takes a supervisor's approval where the
/// caller's own role may not, makes the change, saves it with its audit line and, after the commit, runs the fraud
/// rules that watch it. Who acts is the caller (<see cref="CurrentActor"/>), never a field of the command.
/// </summary>
public sealed partial class SaleUseCases(SalesService sales, ApprovalGates gates, FraudDetector fraud, TerminalPaymentService payments, ServedEmployee served,
    CurrentActor actor, KasseTelemetry telemetry, TimeProvider clock, KasseDbContext db, SaleCustomerUseCases customers, SaleWriter writer,
    Kasse.Application.Restaurant.KitchenOrders kitchen)
{
    private Actor Caller => actor.Value;

    /// <summary>Opens a sale; its cashier is the signed-in caller, or the employee an API key serves.</summary>
    public async Task<SaleView> OpenAsync(OpenSale command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        KioskAtOwnRegister(command.RegisterId);
        return await sales.OpenAsync(command with { CashierId = await served.AtRegisterAsync(command.CashierId, command.RegisterId, ct) }, ct);
    }

    /// <summary>Adds a line; a product at a price other than its own is a price override.</summary>
    public async Task<SaleView> AddLineAsync(Guid saleId, AddLine command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        await KioskOwnsAsync(saleId, ct);
        using var span = KasseTelemetry.Tracing.StartActivity("sale.add-line");
        span?.SetTag("kasse.sale.id", saleId);
        var started = clock.GetTimestamp();
        var added = await AddLineGatedAsync(saleId, command, ct);
        telemetry.ScanTook(clock.GetElapsedTime(started));
        return added;
    }

    private async Task<SaleView> AddLineGatedAsync(Guid saleId, AddLine command, CancellationToken ct)
    {
        if (command.ProductId is null || command.UnitPrice is null)
            return await sales.AddLineAsync(saleId, command, ct);
        await gates.PriceOverrideAsync(await sales.GetAsync(saleId, ct), command, ct);
        var sale = await sales.AddLineAsync(saleId, command, ct);
        await gates.SaveAsync(ct);
        await fraud.AfterEventAsync(sale.StoreId, ct);
        return sale;
    }

    public async Task<SaleView> ChangeQuantityAsync(Guid saleId, Guid lineId, decimal quantity, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        await KioskOwnsAsync(saleId, ct);
        return await TellKitchenAsync(await sales.ChangeQuantityAsync(saleId, lineId, quantity, ct), ct);
    }

    public async Task<SaleView> RemoveLineAsync(Guid saleId, Guid lineId, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        await KioskOwnsAsync(saleId, ct);
        return await TellKitchenAsync(await sales.RemoveLineAsync(saleId, lineId, ct), ct);
    }

    /// <summary>A line's product sold at another price: one change, gated by PriceOverride or a supervisor's approval.</summary>
    public async Task<SaleView> OverridePriceAsync(Guid saleId, Guid lineId, OverridePrice command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        KioskMayNot();
        var current = await sales.GetAsync(saleId, ct);
        var line = current.Lines.FirstOrDefault(l => l.Id == lineId)
            ?? throw Kasse.Domain.DomainException.NotFound(LineErrors.NotFound, $"The sale has no line {lineId}.");
        if (line.ProductId is { } productId && line.UnitPrice != command.UnitPrice)
            await gates.PriceOverrideAsync(current, productId, command.UnitPrice, command.Approval, ct);
        var sale = await sales.OverridePriceAsync(saleId, lineId, command.UnitPrice, ct);
        await gates.SaveAsync(ct);
        await fraud.AfterEventAsync(sale.StoreId, ct);
        return sale;
    }

    /// <summary>Sets (or, with kind None, clears) a discount on one line or, with no line, on the whole sale.</summary>
    public async Task<SaleView> SetDiscountAsync(Guid saleId, Guid? lineId, SetDiscount command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        KioskMayNot();
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

    /// <summary>
    /// The sale open on a register (the newest, if a till ever left more than one), or null. The open sale belongs to the
    /// register, not to the browser that started it: any till that signs in on the register carries on with it.
    /// </summary>
    public async Task<SaleView?> OpenSaleOfRegisterAsync(Guid registerId, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        var sale = await db.Sales.AsNoTracking()
            .Where(s => s.RegisterId == registerId && s.Status == SaleStatus.Open)
            .OrderByDescending(s => s.OpenedAt)
            .FirstOrDefaultAsync(ct);
        return sale is null ? null : SaleView.From(sale);
    }

    /// <summary>
    /// The sales a cashier at this register may pick up: the store's parked sales, and this register's open sales that
    /// already hold money (they can't be parked) — newest first, without the one the till has in hand.
    /// </summary>
    public async Task<IReadOnlyList<SaleView>> WaitingSalesAsync(Guid registerId, Guid? inHand, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        var register = await Kasse.Application.Stores.StoreService.FindRegisterAsync(db, registerId, ct);
        // A manager also sees the part-paid sales open on the store's other registers (money taken that someone must settle).
        var seesOtherRegisters = Caller.May(Permission.VoidAfterPayment);
        var waiting = await db.Sales.AsNoTracking()
            .Where(s => s.Id != inHand
                && ((s.StoreId == register.StoreId && s.Status == SaleStatus.Parked)
                    || (s.Status == SaleStatus.Open && s.Payments.Any()
                        && (s.RegisterId == registerId || (seesOtherRegisters && s.StoreId == register.StoreId)))))
            .OrderByDescending(s => s.OpenedAt)
            .Take(100)
            .ToListAsync(ct);
        return waiting.Select(SaleView.From).ToList();
    }

    public Task<SaleView> ParkAsync(Guid saleId, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        KioskMayNot();
        return sales.ParkAsync(saleId, ct);
    }

    public Task<SaleView> ResumeAsync(Guid saleId, Guid registerId, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        KioskMayNot();
        return sales.ResumeAsync(saleId, registerId, ct);
    }

    /// <summary>Voids a sale; money taken by a card terminal or MobilePay goes back first.</summary>
    public async Task<SaleView> VoidAsync(Guid saleId, CancellationToken ct)
    {
        Caller.Require(Permission.VoidSale);
        await payments.ReverseAllAsync(saleId, ct);
        var sale = await sales.VoidAsync(saleId, ct);
        gates.SaleVoided(sale);
        await gates.SaveAsync(ct);
        await fraud.AfterEventAsync(sale.StoreId, ct);
        return await TellKitchenAsync(sale, ct);
    }

    public Task<SaleView> AddPaymentAsync(Guid saleId, AddPayment command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        // A kiosk has no drawer and no one to hand cash to: it is paid only through its card terminal or MobilePay.
        if (Caller.IsKiosk)
            throw Kasse.Domain.DomainException.Forbidden(Kasse.Domain.SelfService.KioskErrors.NoCash,
                "A kiosk takes payment only on the card terminal or by MobilePay.");
        return sales.AddPaymentAsync(saleId, command, ct);
    }

    /// <summary>Takes back a payment already made (the money is handed back) before the sale completes.</summary>
    public async Task<SaleView> RemovePaymentAsync(Guid saleId, Guid paymentId, VoidPayment command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        KioskMayNot();
        await gates.VoidPaymentAsync(await sales.GetAsync(saleId, ct), paymentId, command, ct);
        var sale = await sales.RemovePaymentAsync(saleId, paymentId, ct);
        await gates.SaveAsync(ct);
        await fraud.AfterEventAsync(sale.StoreId, ct);
        return sale;
    }

    public async Task<SaleView> CompleteAsync(Guid saleId, bool printReceipt, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        await KioskOwnsAsync(saleId, ct);
        using var span = KasseTelemetry.Tracing.StartActivity("sale.complete");
        span?.SetTag("kasse.sale.id", saleId);
        var started = clock.GetTimestamp();
        var sale = await sales.CompleteAsync(saleId, printReceipt, ct);
        telemetry.CompletionTook(clock.GetElapsedTime(started));
        span?.SetTag("kasse.receipt.number", sale.ReceiptNumber);
        return sale;
    }
}
