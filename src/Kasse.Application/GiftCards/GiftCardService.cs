using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.GiftCards;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;
using M = Kasse.Domain.Money.Money;

namespace Kasse.Application.GiftCards;

/// <summary>Gift cards and credit notes: sold and topped up as sale lines, checked by scanning, and the liability they represent.</summary>
public sealed class GiftCardService(KasseDbContext db, SalesService sales, TimeProvider clock)
{
    /// <summary>Forældelsesloven § 3: a claim lapses after three years, so that is how long a card stays valid.</summary>
    public static readonly TimeSpan Validity = TimeSpan.FromDays(3 * 365 + 1);

    public Task<SaleView> SellAsync(Guid saleId, SellGiftCard command, CancellationToken ct)
    {
        if (command.Amount <= 0m || command.Amount > GiftCard.MaxAmount || M.RoundToMinor(command.Amount) != command.Amount)
            throw DomainException.Invalid(GiftCardErrors.Amount, $"A gift card's amount must be above 0 and at most {GiftCard.MaxAmount:N0}, in whole øre.");
        return sales.EditAsync(saleId, async (sale, store) =>
        {
            var lineId = command.LineId ?? Guid.CreateVersion7();
            if (sale.Lines.Any(l => l.Id == lineId))
                return;
            var zeroRate = store.VatRates.FirstOrDefault(r => r.Percent == 0m)
                ?? throw DomainException.Conflict(GiftCardErrors.NoZeroVat, "Gift cards are sold without VAT, but the store has no 0 % VAT rate. Add one under the store's VAT rates.");
            string code, name;
            if (command.Code is null)
            {
                code = GiftCardCode.New();
                name = "Gavekort";
            }
            else
            {
                code = GiftCardCode.Validate(command.Code);
                var card = await db.GiftCards.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code && c.StoreId == store.Id, ct)
                    ?? throw NotFound(code);
                card.EnsureUsableAt(clock.GetUtcNow());
                if (card.Balance + command.Amount > GiftCard.MaxAmount)
                    throw DomainException.Invalid(GiftCardErrors.Amount, $"The card would hold more than {GiftCard.MaxAmount:N0}.");
                name = "Gavekort, optankning";
            }
            sale.AddVoucherLine(lineId, name, command.Amount, zeroRate, code);
        }, ct);
    }

    public async Task<GiftCardDetailView> FindAsync(Guid storeId, string code, CancellationToken ct)
    {
        var valid = GiftCardCode.Validate(code);
        var card = await db.GiftCards.AsNoTracking().FirstOrDefaultAsync(c => c.Code == valid && c.StoreId == storeId, ct) ?? throw NotFound(valid);
        var movements = await db.GiftCardMovements.AsNoTracking().Where(m => m.GiftCardId == card.Id).OrderBy(m => m.At).ToListAsync(ct);
        return new GiftCardDetailView(GiftCardView.From(card, clock.GetUtcNow()), movements.Select(GiftCardMovementView.From).ToList());
    }

    public async Task<IReadOnlyList<GiftCardView>> ListAsync(Guid storeId, int take, CancellationToken ct)
    {
        if (take is < 1 or > 1000)
            throw DomainException.Invalid(RequestErrors.Page, "take must be between 1 and 1000.");
        var now = clock.GetUtcNow();
        return (await db.GiftCards.AsNoTracking().Where(c => c.StoreId == storeId).OrderByDescending(c => c.IssuedAt).Take(take).ToListAsync(ct))
            .Select(c => GiftCardView.From(c, now)).ToList();
    }

    /// <summary>The balances outstanding at <paramref name="at"/>, summed from the ledger (so any past date is exact).</summary>
    public async Task<GiftCardLiabilityView> LiabilityAsync(Guid storeId, DateTimeOffset at, CancellationToken ct)
    {
        var store = await StoreService.FindStoreAsync(db, storeId, ct);
        var cards = await db.GiftCards.AsNoTracking().Where(c => c.StoreId == storeId && c.IssuedAt <= at).ToListAsync(ct);
        var sums = (await db.GiftCardMovements.AsNoTracking().Where(m => m.StoreId == storeId && m.At <= at)
                .GroupBy(m => m.GiftCardId).Select(g => new { g.Key, Sum = g.Sum(m => m.Amount) }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Sum);
        var lines = cards.Select(c => new GiftCardLiabilityLine(c.Code, c.Kind, c.IssuedAt, c.ExpiresAt, sums.GetValueOrDefault(c.Id), c.IsExpiredAt(at)))
            .Where(l => l.Balance != 0m).OrderBy(l => l.IssuedAt).ToList();
        var open = lines.Where(l => !l.Expired).ToList();
        var expired = lines.Where(l => l.Expired).ToList();
        return new GiftCardLiabilityView(storeId, at, store.Currency, open.Sum(l => l.Balance), open.Count,
            open.Where(l => l.Kind == GiftCardKind.GiftCard).Sum(l => l.Balance), open.Where(l => l.Kind == GiftCardKind.CreditNote).Sum(l => l.Balance),
            expired.Sum(l => l.Balance), expired.Count, lines);
    }

    internal static DomainException NotFound(string code) =>
        DomainException.NotFound(GiftCardErrors.NotFound, $"No gift card or credit note has the code {GiftCardCode.Masked(code)} in this store.");
}
