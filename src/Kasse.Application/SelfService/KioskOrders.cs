using System.Collections.Concurrent;
using Kasse.Application.Payments;
using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Sales;
using Kasse.Domain.Restaurant;
using Kasse.Domain.SelfService;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.SelfService;

/// <summary>One number on the pickup board: still being made, or ready (since when).</summary>
public sealed record PickupNumber(int OrderNumber, Guid SaleId, DateTimeOffset SentAt, DateTimeOffset? ReadyAt);

/// <summary>What the pickup counter's board shows: the numbers being made (oldest first) and the ready ones (newest first).</summary>
public sealed record PickupBoardView(Guid StoreId, DateTimeOffset At, IReadOnlyList<PickupNumber> Preparing, IReadOnlyList<PickupNumber> Ready);

/// <summary>
/// The short order numbers of self-service orders: 1–999 per store per business day, then round again. Given out in this
/// process (one node serves a store's kiosks, as it does its kitchen screens), started from the day's highest number in the
/// database, so a restart carries on where it was.
/// </summary>
public sealed class KioskOrderNumbers : IDisposable
{
    private readonly ConcurrentDictionary<(Guid Store, DateOnly Day), int> _last = new();
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task<int> NextAsync(KasseDbContext db, Guid storeId, DateOnly day, CancellationToken ct)
    {
        await _turn.WaitAsync(ct);
        try
        {
            if (!_last.TryGetValue((storeId, day), out var last))
                last = await db.Sales.AsNoTracking()
                    .Where(s => s.StoreId == storeId && s.OrderNumber != null && s.BusinessDay == day)
                    .MaxAsync(s => s.OrderNumber, ct) ?? 0;
            var next = last % Sale.MaxOrderNumber + 1;
            _last[(storeId, day)] = next;
            return next;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose() => _turn.Dispose();
}

/// <summary>
/// A kiosk's order from payment to kitchen, through the same front door as the till: the payment goes to the register's card
/// terminal or MobilePay (<see cref="TerminalPaymentService"/>, never cash), and once it is paid the order gets its number, is
/// sent to the kitchen and completed with its receipt (<see cref="SaleUseCases"/>: signed, journaled, in SAF-T and the register's X/Z).
/// </summary>
public sealed class KioskOrders(SaleUseCases saleUseCases, SalesService sales, TerminalPaymentService payments, KioskOrderNumbers numbers,
    KitchenSetupCache kitchenSetup, KasseDbContext db, CurrentActor actor, TimeProvider clock)
{
    private Actor Caller => actor.Value;

    public async Task<TerminalPaymentView> PayAsync(Guid saleId, StartDevicePayment command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        if (command.Method is not (PaymentMethod.Card or PaymentMethod.MobilePay))
            throw DomainException.Forbidden(KioskErrors.NoCash, "A kiosk takes payment only on the card terminal or by MobilePay.");
        await OwnSaleAsync(saleId, ct);
        return await payments.StartAsync(saleId, command, ct);
    }

    /// <summary>The paid order: numbered, sent to the kitchen (every course at once) and completed. A second call answers the same.</summary>
    public async Task<SaleView> FinishAsync(Guid saleId, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        var sale = await OwnSaleAsync(saleId, ct);
        if (sale.Status == SaleStatus.Completed)
            return sale;
        if (sale.AmountDue != 0m || sale.Lines.Count == 0)
            throw DomainException.Conflict(KioskErrors.NotPaid, $"The order is not paid yet: {sale.AmountDue} is still due.");
        if (sale.OrderNumber is null)
        {
            var store = await Kasse.Application.Stores.StoreService.FindStoreAsync(db, sale.StoreId, ct);
            var number = await numbers.NextAsync(db, sale.StoreId, store.BusinessDayOf(clock.GetUtcNow()), ct);
            sale = await sales.EditAsync(saleId, (s, _) =>
            {
                s.NumberOrder(number);
                return Task.CompletedTask;
            }, ct);
        }
        if ((await kitchenSetup.SetupAsync(db, sale.StoreId, ct)).Stations.Count > 0)
            await saleUseCases.SendToKitchenAsync(saleId, new SendToKitchen(HoldLaterCourses: false), ct);
        return await saleUseCases.CompleteAsync(saleId, printReceipt: true, ct);
    }

    /// <summary>The pickup board of a store: numbered orders of the last 12 hours, ready ones for <paramref name="readyFor"/> after the kitchen bumped them.</summary>
    public async Task<PickupBoardView> BoardAsync(Guid storeId, TimeSpan readyFor, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        Caller.EnsureMayActIn(storeId);
        var now = clock.GetUtcNow();
        var since = now.AddHours(-12);
        var tickets = await db.KitchenTickets.AsNoTracking().IgnoreAutoIncludes()
            .Where(t => t.StoreId == storeId && t.OrderNumber != null && t.SentAt >= since && t.Status != KitchenTicketStatus.Moved)
            .Select(t => new { t.SaleId, t.OrderNumber, t.SentAt, t.Status, t.BumpedAt })
            .ToListAsync(ct);
        var orders = tickets.GroupBy(t => t.SaleId).Select(g => new PickupNumber(g.First().OrderNumber!.Value, g.Key, g.Min(t => t.SentAt),
            g.All(t => t.Status == KitchenTicketStatus.Bumped) ? g.Max(t => t.BumpedAt) : null)).ToList();
        return new PickupBoardView(storeId, now,
            orders.Where(o => o.ReadyAt is null).OrderBy(o => o.SentAt).ToList(),
            orders.Where(o => o.ReadyAt is { } ready && now - ready < readyFor).OrderByDescending(o => o.ReadyAt).ToList());
    }

    private async Task<SaleView> OwnSaleAsync(Guid saleId, CancellationToken ct)
    {
        var sale = await sales.GetAsync(saleId, ct);
        Caller.EnsureMayActIn(sale.StoreId);
        if (Caller.IsKiosk && sale.RegisterId != Caller.RegisterId)
            throw DomainException.Forbidden(KioskErrors.OtherRegister, "A kiosk sells only on its own register.");
        return sale;
    }
}
