using System.Globalization;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.GiftCards;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using M = Kasse.Domain.Money.Money;

namespace Kasse.Application.GiftCards;

/// <summary>
/// Moves card balances with one conditional UPDATE of the card's row plus a ledger entry, in the transaction of the sale:
/// two tills redeeming one card at once serialise on the row, and the second finds the balance already spent.
/// </summary>
public sealed class GiftCardBalances(KasseDbContext db)
{
    public async Task<bool> TryMoveAsync(GiftCard card, decimal amount, bool mustCover, CancellationToken ct)
    {
        var minor = M.ToMinorUnits(amount);
        var moved = mustCover
            ? await db.Database.ExecuteSqlAsync($"""UPDATE "GiftCards" SET "Balance" = "Balance" + {minor} WHERE "Id" = {card.Id} AND "Balance" + {minor} >= 0""", ct)
            : await db.Database.ExecuteSqlAsync($"""UPDATE "GiftCards" SET "Balance" = "Balance" + {minor} WHERE "Id" = {card.Id}""", ct);
        return moved == 1;
    }

    public async Task<decimal> BalanceAsync(Guid cardId, CancellationToken ct) =>
        M.FromMinorUnits(await db.Database.SqlQuery<long>($"""SELECT "Balance" AS "Value" FROM "GiftCards" WHERE "Id" = {cardId}""").SingleAsync(ct), "DKK").Amount;
}

/// <summary>Redeeming a card as a tender (payment method GiftCard, reference = the card's code), and undoing it.</summary>
public sealed class GiftCardPaymentStep(KasseDbContext db, GiftCardBalances balances, TimeProvider clock) : IPaymentStep
{
    public async Task OnPaymentAddedAsync(Sale sale, Payment payment, Store store, CancellationToken ct)
    {
        if (payment.Method != PaymentMethod.GiftCard)
            return;
        if (payment.Reference is null)
            throw DomainException.Invalid(GiftCardErrors.Code, "Scan the gift card or credit note: send its code as the payment's reference.");
        var code = GiftCardCode.Validate(payment.Reference);
        if (sale.IsTraining)
            throw DomainException.Conflict(GiftCardErrors.Training, "Gift cards can't be redeemed in training mode.");
        var card = await db.GiftCards.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code && c.StoreId == store.Id, ct)
            ?? throw GiftCardService.NotFound(code);
        var now = clock.GetUtcNow();
        card.EnsureUsableAt(now);
        if (!await balances.TryMoveAsync(card, -payment.Amount, mustCover: true, ct))
        {
            var balance = await balances.BalanceAsync(card.Id, ct);
            throw balance == 0m
                ? DomainException.Conflict(GiftCardErrors.Insufficient, $"Card {GiftCardCode.Masked(code)} is used up.")
                : DomainException.Conflict(GiftCardErrors.Insufficient, $"Card {GiftCardCode.Masked(code)} has {balance.ToString("0.00", CultureInfo.InvariantCulture)} left; take that amount from it and the rest another way.");
        }
        db.GiftCardMovements.Add(card.Redeemed(payment.Amount, sale.Id, payment.Id, now));
    }

    public async Task OnPaymentRemovedAsync(Sale sale, Payment payment, CancellationToken ct)
    {
        if (payment.Method != PaymentMethod.GiftCard)
            return;
        var redeemed = await db.GiftCardMovements.FirstOrDefaultAsync(m => m.PaymentId == payment.Id && m.Kind == GiftCardMovementKind.Redeemed, ct);
        if (redeemed is null)
            return;
        var card = await db.GiftCards.AsNoTracking().FirstAsync(c => c.Id == redeemed.GiftCardId, ct);
        await balances.TryMoveAsync(card, -redeemed.Amount, mustCover: false, ct);
        // The payment's own redemption stays in the ledger; its reversal is a new movement (the ledger is append-only).
        db.GiftCardMovements.Add(card.Movement(GiftCardMovementKind.RedemptionReversed, -redeemed.Amount, sale.Id, null, clock.GetUtcNow()));
    }
}

/// <summary>
/// Issues and tops up cards sold on a completed sale, and on a return: pays refunds back onto the card they came from,
/// issues credit notes (a refund to "gift card" with a new code), and takes back an unused card that is returned.
/// </summary>
public sealed class GiftCardCompletionStep(KasseDbContext db, GiftCardBalances balances) : ISaleCompletionStep
{
    public async Task OnCompletedAsync(Sale sale, Store store, CancellationToken ct)
    {
        if (sale.IsTraining || sale.ClosedAt is not { } at)
            return;
        // Most sales neither sell, take back nor refund to a card: no query for them.
        if (!sale.Lines.Any(l => l.IsVoucher) && !sale.Payments.Any(p => p.Method == PaymentMethod.GiftCard && p.Amount < 0m && p.Reference is not null))
            return;
        if (await db.GiftCardMovements.AnyAsync(m => m.SaleId == sale.Id && m.Kind != GiftCardMovementKind.Redeemed
                && m.Kind != GiftCardMovementKind.RedemptionReversed, ct))
            return;
        foreach (var line in sale.Lines.Where(l => l.IsVoucher).OrderBy(l => l.Position))
        {
            var code = line.Barcode!;
            var card = await db.GiftCards.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
            if (line.TotalAmount > 0m)
            {
                if (card is null)
                    Issue(store, code, GiftCardKind.GiftCard, line.TotalAmount, sale.Id, at, null);
                else
                {
                    await balances.TryMoveAsync(card, line.TotalAmount, mustCover: false, ct);
                    db.GiftCardMovements.Add(card.Movement(GiftCardMovementKind.ToppedUp, line.TotalAmount, sale.Id, null, at));
                }
            }
            else if (card is not null)
            {
                // A returned gift card is only taken back while its money is still on it.
                if (!await balances.TryMoveAsync(card, line.TotalAmount, mustCover: true, ct))
                    throw DomainException.Conflict(GiftCardErrors.ReturnUsed,
                        $"Card {GiftCardCode.Masked(code)} has been spent from, so it can't be returned for money.");
                db.GiftCardMovements.Add(card.Movement(GiftCardMovementKind.Returned, line.TotalAmount, sale.Id, null, at));
            }
        }
        foreach (var refund in sale.Payments.Where(p => p.Method == PaymentMethod.GiftCard && p.Amount < 0m && p.Reference is not null))
        {
            var code = refund.Reference!;
            var card = await db.GiftCards.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
            if (card is null)
                Issue(store, code, GiftCardKind.CreditNote, -refund.Amount, sale.Id, at, refund.Id);
            else
            {
                await balances.TryMoveAsync(card, -refund.Amount, mustCover: false, ct);
                db.GiftCardMovements.Add(card.Movement(GiftCardMovementKind.Refunded, -refund.Amount, sale.Id, refund.Id, at));
            }
        }
    }

    private void Issue(Store store, string code, GiftCardKind kind, decimal amount, Guid saleId, DateTimeOffset at, Guid? paymentId)
    {
        var card = new GiftCard(store.Id, code, kind, store.Currency, at, at + GiftCardService.Validity, saleId);
        db.GiftCards.Add(card);
        db.GiftCardMovements.Add(card.Credit(GiftCardMovementKind.Issued, amount, saleId, paymentId, at));
    }
}
