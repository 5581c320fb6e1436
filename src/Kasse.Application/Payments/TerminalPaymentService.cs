using System.Security.Cryptography;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kasse.Application.Payments;

/// <summary>
/// Card and MobilePay payments through a device, charged at most once: the request is saved before it is sent;
/// a lost answer is asked for by the same ids and never re-sent; only a device that never got the request
/// ("not found", or not reachable) leaves the payment not charged, and then the till may try again.
/// Database work happens in short transactions, never while waiting for a device.
/// </summary>
public sealed class TerminalPaymentService(KasseDbContext db, IEnumerable<IPaymentTerminal> terminals, PaymentDevices devices,
    PaymentsInFlight inFlight, TimeProvider clock, ILogger<TerminalPaymentService> logger, SaleChanges changes, OpenSaleMemory memory, HeldSaleTurns held)
{
    /// <summary>Unsettled, as a query both databases translate (the states are stored as text).</summary>
    public static readonly System.Linq.Expressions.Expression<Func<TerminalPayment, bool>> Unsettled = p =>
        p.State == TerminalPaymentState.Sending || p.State == TerminalPaymentState.AwaitingCustomer || p.State == TerminalPaymentState.Unknown;

    public async Task<TerminalPaymentView> StartAsync(Guid saleId, StartDevicePayment command, CancellationToken ct)
    {
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid(PaymentErrors.Id, "Give the payment an id (a new UUID chosen by the till).");
        var terminal = TerminalFor(command.Method);
        using var hold = inFlight.TryHold(command.Id);
        if (hold is null)
            return await OtherTapAsync(command.Id, ct);
        var (payment, device, created) = await db.CreateOnceAsync(() => SavePendingAsync(saleId, command, ct));
        if (!created)
            return TerminalPaymentView.From(payment);

        logger.LogInformation("Sending {Method} payment {PaymentId} ({ServiceId}) for {Amount} to {Device}",
            payment.Method, payment.Id, payment.ServiceId, payment.RequestedAmount, device.Url);
        var request = DeviceRequest.For(payment);
        var answer = await terminal.StartAsync(device, request, CancellationToken.None);
        var view = await RecordAsync(payment.Id, answer, firstSend: true);
        if (view.State == TerminalPaymentState.Unknown)
            view = await RecordAsync(payment.Id, NoAnswerIfUnreachable(await terminal.StatusAsync(device, request, CancellationToken.None)), firstSend: false);
        if (answer is DeviceAnswer.Unreachable unreachable)
        {
            // The address and the network's reason are for whoever sets the device up (the log), not for the cashier.
            logger.LogWarning("The {Device} at {Url} is not reachable: {Reason}", Describe(payment.Method), device.Url, unreachable.Reason);
            throw DomainException.Unavailable(payment.Method == PaymentMethod.MobilePay ? MobilePayErrors.Unreachable : TerminalErrors.Unreachable,
                $"The {Describe(payment.Method)} is not reachable. Nothing was charged. Check that it is on and connected, then try again.");
        }
        return view;
    }

    public async Task<TerminalPaymentView> GetAsync(Guid paymentId, CancellationToken ct) =>
        TerminalPaymentView.From(await FindAsync(paymentId, ct));

    /// <summary>Asks the device about an unsettled payment (unless this process is already talking to it about it).</summary>
    public async Task<TerminalPaymentView> RefreshAsync(Guid paymentId, CancellationToken ct)
    {
        var payment = await FindAsync(paymentId, ct);
        if (!payment.IsUnresolved)
            return TerminalPaymentView.From(payment);
        using var hold = inFlight.TryHold(paymentId);
        if (hold is null)
            return TerminalPaymentView.From(payment);
        var terminal = TerminalFor(payment.Method);
        var device = await devices.ConnectionForAsync(payment.RegisterId, payment.Method, ct);
        var answer = await terminal.StatusAsync(device, DeviceRequest.For(payment), CancellationToken.None);
        logger.LogInformation("Status of {Method} payment {PaymentId} ({ServiceId}): {Answer}", payment.Method, payment.Id, payment.ServiceId, answer.GetType().Name);
        return await RecordAsync(paymentId, NoAnswerIfUnreachable(answer), firstSend: false);
    }

    public async Task<IReadOnlyList<TerminalPaymentView>> ListForSaleAsync(Guid saleId, CancellationToken ct)
    {
        if (!await db.Sales.AnyAsync(s => s.Id == saleId, ct))
            throw DomainException.NotFound(SaleErrors.NotFound, $"No sale has id {saleId}.");
        var list = await db.TerminalPayments.AsNoTracking().Where(p => p.SaleId == saleId).ToListAsync(ct);
        return list.OrderByDescending(p => p.CreatedAt).Select(TerminalPaymentView.From).ToList();
    }

    /// <summary>The unsettled payments, oldest first, for the recovery after a restart.</summary>
    public async Task<IReadOnlyList<Guid>> UnsettledAsync(CancellationToken ct) =>
        await db.TerminalPayments.AsNoTracking().Where(Unsettled)
            .OrderBy(p => p.CreatedAt).Select(p => p.Id).Take(500).ToListAsync(ct);

    public async Task<TerminalPaymentView> CancelAsync(Guid paymentId, CancellationToken ct)
    {
        var payment = await db.InTransactionAsync(async () =>
        {
            var p = await db.TerminalPayments.FirstOrDefaultAsync(x => x.Id == paymentId, ct) ?? throw NotFound(paymentId);
            p.RequestCancel(clock.Now());
            await db.SaveChangesAsync(ct);
            return p;
        }, ct);
        if (!payment.IsUnresolved)
            return TerminalPaymentView.From(payment);
        var terminal = TerminalFor(payment.Method);
        var device = await devices.ConnectionForAsync(payment.RegisterId, payment.Method, ct);
        await terminal.CancelAsync(device, DeviceRequest.For(payment), CancellationToken.None);
        // A request in flight (the payment itself, or a status query) gets its answer first; then ask (bounded wait).
        for (var i = 0; i < 100 && inFlight.IsHeld(paymentId); i++)
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        return await RefreshAsync(paymentId, ct);
    }

    /// <summary>Takes back every approved device payment of an open sale (before it is voided).</summary>
    public async Task ReverseAllAsync(Guid saleId, CancellationToken ct)
    {
        var approved = await db.TerminalPayments.AsNoTracking()
            .Where(p => p.SaleId == saleId && p.State == TerminalPaymentState.Approved).Select(p => p.Id).ToListAsync(ct);
        foreach (var id in approved)
            await ReverseAsync(id, ct);
    }

    public async Task<TerminalPaymentView> ReverseAsync(Guid paymentId, CancellationToken ct)
    {
        var payment = await FindAsync(paymentId, ct);
        if (payment.State == TerminalPaymentState.Reversed)
            return TerminalPaymentView.From(payment);
        if (payment.State != TerminalPaymentState.Approved)
            throw DomainException.Conflict(PaymentErrors.NotApproved, $"Only an approved payment can be reversed; this one is {payment.State}.");
        var sale = await db.Sales.AsNoTracking().FirstAsync(s => s.Id == payment.SaleId, ct);
        if (sale.Status != SaleStatus.Open)
            throw DomainException.Conflict(SaleErrors.NotOpen, "Only a payment of an open sale is reversed; a completed sale is refunded by a return.");
        var terminal = TerminalFor(payment.Method);
        var device = await devices.ConnectionForAsync(payment.RegisterId, payment.Method, ct);
        var answer = await terminal.ReverseAsync(device, DeviceRequest.For(payment), payment.DeviceReference ?? payment.ServiceId,
            payment.ApprovedTotal ?? payment.RequestedAmount + payment.RequestedTip, CancellationToken.None);
        switch (answer)
        {
            case DeviceAnswer.Approved:
                db.ChangeTracker.Clear();
                return await memory.ExclusiveAsync(payment.SaleId, held, db, () => db.InTransactionAsync(async () =>
                {
                    await db.LockSaleAsync(payment.SaleId, CancellationToken.None);
                    var p = await db.TerminalPayments.FirstAsync(x => x.Id == paymentId, CancellationToken.None);
                    var s = await db.Sales.FirstAsync(x => x.Id == p.SaleId, CancellationToken.None);
                    var onSale = s.Payments.Any(x => x.Id == paymentId);
                    if (onSale)
                        s.RemovePayment(paymentId);
                    p.MarkReversed(clock.Now());
                    await db.SaveChangesAsync(CancellationToken.None);
                    if (onSale)
                        changes.Changed(s);
                    return TerminalPaymentView.From(p);
                }, CancellationToken.None), CancellationToken.None);
            case DeviceAnswer.Declined or DeviceAnswer.Aborted or DeviceAnswer.NotFound:
                throw DomainException.Conflict(PaymentErrors.ReversalRefused,
                    $"The {Describe(payment.Method)} refused to reverse the payment ({Reason(answer)}). Refund it on the device, or by a return.");
            default:
                throw DomainException.Unavailable(payment.Method == PaymentMethod.MobilePay ? MobilePayErrors.Unreachable : TerminalErrors.Unreachable,
                    $"The {Describe(payment.Method)} did not confirm the reversal ({Reason(answer)}). Nothing changed in Kasse; try again (reversing twice is safe).");
        }
    }

    /// <remarks>With the sale's turn: what memory holds of the sale is written first, and no edit comes between.</remarks>
    private async Task<(TerminalPayment Payment, DeviceConnection Device, bool Created)> SavePendingAsync(Guid saleId, StartDevicePayment command, CancellationToken ct) =>
        await memory.ExclusiveAsync(saleId, held, db, () => db.InTransactionAsync(async () =>
        {
            if (await db.LockSaleAsync(saleId, ct) == 0)
                throw DomainException.NotFound(SaleErrors.NotFound, $"No sale has id {saleId}.");
            var existing = await db.TerminalPayments.FirstOrDefaultAsync(p => p.Id == command.Id, ct);
            if (existing is not null)
            {
                if (existing.SaleId != saleId || existing.Method != command.Method)
                    throw DomainException.Conflict(PaymentErrors.IdUsed, $"Payment id {command.Id} is already used for another payment.");
                var known = await devices.ConnectionForAsync(existing.RegisterId, existing.Method, ct);
                return (existing, known, false);
            }
            SalesService.ForgetTracked(db, saleId);
            var sale = await db.Sales.FirstAsync(s => s.Id == saleId, ct);
            if (sale.Payments.Any(p => p.Id == command.Id))
                throw DomainException.Conflict(PaymentErrors.IdUsed, $"Payment id {command.Id} is already used in this sale.");
            if (await db.TerminalPayments.Where(p => p.SaleId == saleId).AnyAsync(Unsettled, ct))
                throw DomainException.Conflict(PaymentErrors.InProgress,
                    "Another card or MobilePay payment on this sale is still in progress. Wait for it or cancel it first.");
            var device = await devices.ConnectionForAsync(sale.RegisterId, command.Method, ct);
            var tip = Tips.Resolve(command.Tip, command.TipPercent, sale.TotalAmount);
            var payment = TerminalPayment.Start(command.Id, sale, command.Method, command.Amount, NewServiceId(), clock.Now(), tip, command.AskForTip);
            db.TerminalPayments.Add(payment);
            await db.SaveChangesAsync(ct);
            return (payment, device, true);
        }, ct), ct);

    /// <summary>Records what a device said, in its own short transaction; an approval becomes the sale's payment.</summary>
    private async Task<TerminalPaymentView> RecordAsync(Guid paymentId, DeviceAnswer answer, bool firstSend)
    {
        // Once the device has answered, the answer is saved even if the till has gone away.
        var ct = CancellationToken.None;
        db.ChangeTracker.Clear();
        var saleId = await db.TerminalPayments.Where(p => p.Id == paymentId).Select(p => p.SaleId).FirstAsync(ct);
        return await memory.ExclusiveAsync(saleId, held, db, () => db.InTransactionAsync(async () =>
        {
            await db.LockSaleAsync(saleId, ct);
            var payment = await db.TerminalPayments.FirstAsync(p => p.Id == paymentId, ct);
            var now = clock.Now();
            switch (answer)
            {
                case DeviceAnswer.Approved a:
                    if (payment.Approve(a.Amount, a.DeviceReference, a.Card, now, a.Tip))
                    {
                        var sale = await db.Sales.FirstAsync(s => s.Id == saleId, ct);
                        try
                        {
                            sale.AddDevicePayment(payment.Id, payment.Method, a.Amount, payment.DeviceReference ?? payment.ServiceId, a.Card, now, a.Tip);
                            changes.Changed(sale);
                        }
                        catch (DomainException e)
                        {
                            // The money is taken: keep the approval (it can be reversed) even if the sale can't take it any more.
                            logger.LogError("Approved {Method} payment {PaymentId} could not be added to sale {SaleId}: {Reason}",
                                payment.Method, payment.Id, saleId, e.Message);
                        }
                        logger.LogInformation("{Method} payment {PaymentId} approved: {Amount} of {Requested}",
                            payment.Method, payment.Id, a.Amount, payment.RequestedAmount);
                    }
                    break;
                case DeviceAnswer.Declined d:
                    payment.Decline(d.Reason, now);
                    break;
                case DeviceAnswer.Aborted x:
                    payment.Abort(x.Reason, now);
                    break;
                case DeviceAnswer.InProgress:
                    payment.AwaitCustomer(now);
                    break;
                case DeviceAnswer.NotFound:
                    payment.NotCharged("The device has no record of this request, so nothing was charged. Try again.", now);
                    break;
                case DeviceAnswer.Unreachable u when firstSend:
                    payment.NotCharged("The device could not be reached, so nothing was charged: " + u.Reason, now);
                    break;
                case DeviceAnswer.Unreachable or DeviceAnswer.NoAnswer:
                    if (payment.State == TerminalPaymentState.Sending)
                        payment.LoseAnswer("No answer from the device (" + Reason(answer) + "); Kasse asks it for the outcome.", now);
                    break;
            }
            await db.SaveChangesAsync(ct);
            return TerminalPaymentView.From(payment);
        }, ct), ct);
    }

    private async Task<TerminalPaymentView> OtherTapAsync(Guid paymentId, CancellationToken ct)
    {
        // A double tap: the first tap is sending. Answer with the saved payment; never send it again.
        for (var i = 0; i < 20; i++)
        {
            var saved = await db.TerminalPayments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, ct);
            if (saved is not null)
                return TerminalPaymentView.From(saved);
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, ct);
        }
        throw DomainException.Conflict(PaymentErrors.InProgress, $"Payment {paymentId} is being sent to the device; ask GET /api/v1/terminal-payments/{paymentId} for its outcome.");
    }

    private async Task<TerminalPayment> FindAsync(Guid paymentId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.TerminalPayments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, ct) ?? throw NotFound(paymentId);
    }

    private IPaymentTerminal TerminalFor(PaymentMethod method) =>
        terminals.FirstOrDefault(t => t.Method == method)
        ?? throw DomainException.Invalid(PaymentErrors.MethodNoDevice, $"{method} is not taken through a device here; use Card or MobilePay.");

    private static DeviceAnswer NoAnswerIfUnreachable(DeviceAnswer answer) =>
        answer is DeviceAnswer.Unreachable u ? new DeviceAnswer.NoAnswer(u.Reason) : answer;

    private static string NewServiceId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(TerminalPayment.ServiceIdLength / 2));

    private static string Describe(PaymentMethod method) => method == PaymentMethod.MobilePay ? "MobilePay service" : "card terminal";

    private static string Reason(DeviceAnswer answer) => answer switch
    {
        DeviceAnswer.Declined d => d.Reason,
        DeviceAnswer.Aborted a => a.Reason,
        DeviceAnswer.Unreachable u => u.Reason,
        DeviceAnswer.NoAnswer n => n.Reason,
        DeviceAnswer.NotFound => "no such transaction",
        DeviceAnswer.InProgress => "still in progress",
        _ => "unexpected answer",
    };

    private static DomainException NotFound(Guid id) => DomainException.NotFound(PaymentErrors.NotFound, $"No card or MobilePay payment has id {id}.");
}
