using Kasse.Data;
using Kasse.Domain.Accounting;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Inventory;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Accounting;

/// <summary>A store's business day as the accounting sources see it: the Z reports closed that day.</summary>
public sealed record AccountingDay(Store Store, DateOnly BusinessDay, IReadOnlyList<RegisterReport> ZReports);

/// <summary>
/// A capability that adds balanced postings to a day's voucher, beyond what the Z reports hold. Register one with
/// <c>services.AddScoped&lt;IAccountingSource, YourSource&gt;()</c>. Built: <see cref="CardSchemeSource"/>,
/// <see cref="GiftCardsSoldSource"/>, <see cref="CostOfGoodsSoldSource"/>. Tips need no source: when payments carry
/// tips, the Z report's Tips already credit <see cref="AccountRole.TipsPayable"/>.
/// </summary>
public interface IAccountingSource
{
    Task<IReadOnlyList<AccountingContribution>> ContributeAsync(AccountingDay day, CancellationToken ct);
}

/// <summary>
/// Splits the Z reports' card payments by the scheme the terminal named (Dankort, Visa …), so each acquirer's
/// settlement can be matched on its own clearing account. Card payments recorded without a terminal keep no
/// scheme and stay on the generic card account.
/// </summary>
public sealed class CardSchemeSource(KasseDbContext db) : IAccountingSource
{
    public const string Name = "card-schemes";

    public async Task<IReadOnlyList<AccountingContribution>> ContributeAsync(AccountingDay day, CancellationToken ct)
    {
        var bySchemes = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var z in day.ZReports.Where(z => z.Payments.Any(p => p.Method == PaymentMethod.Card)))
        {
            var saleIds = ZReceipts.SaleIds(db, z);
            var schemes = await db.Payments.AsNoTracking()
                .Where(p => saleIds.Contains(p.SaleId) && p.Method == PaymentMethod.Card && p.CardScheme != null && p.CardScheme != "")
                .Select(p => new { p.CardScheme, p.Amount, p.Tip }).ToListAsync(ct);
            // The Z report's card payments carry their tips: the scheme settles both.
            foreach (var payment in schemes)
                bySchemes[payment.CardScheme!] = bySchemes.GetValueOrDefault(payment.CardScheme!) + payment.Amount + payment.Tip;
        }
        var postings = bySchemes.Where(s => s.Value != 0m).OrderBy(s => s.Key, StringComparer.Ordinal)
            .SelectMany(s => new[]
            {
                new Posting(AccountRole.PaymentCards, null, -s.Value, $"Betalingskort: {s.Key}"),
                new Posting(AccountRole.PaymentCards, s.Key, s.Value, s.Key),
            }).ToList();
        return postings.Count == 0 ? [] : [new AccountingContribution(Name, postings)];
    }
}

/// <summary>The receipts a Z report counts: the sales and returns completed in its journal period.</summary>
public static class ZReceipts
{
    private static readonly string[] ReceiptKinds = [nameof(JournalEventKind.SaleCompleted), nameof(JournalEventKind.ReturnCompleted)];

    public static IQueryable<Guid> SaleIds(KasseDbContext db, RegisterReport z) => db.JournalEntries.AsNoTracking()
        .Where(e => e.StoreId == z.StoreId && e.RegisterId == z.RegisterId && e.Sequence > z.Period.AfterSequence
            && e.Sequence <= z.Period.ToSequence && ReceiptKinds.Contains(e.Kind) && e.SaleId != null)
        .Select(e => e.SaleId!.Value);

    /// <summary>Only what the Z report itself adds up: completed, and not in training mode.</summary>
    public static IQueryable<Guid> CountedSaleIds(KasseDbContext db, RegisterReport z)
    {
        var ids = SaleIds(db, z);
        return db.Sales.AsNoTracking().Where(s => ids.Contains(s.Id) && s.Status == SaleStatus.Completed && !s.IsTraining).Select(s => s.Id);
    }
}

/// <summary>
/// A gift card sold is a debt, not a sale: the Z report counts its line as 0 % revenue, so this moves the day's
/// voucher lines (a returned card negative) from that revenue to <see cref="AccountRole.GiftCardLiability"/>. The
/// revenue qualifier is the VAT code the Z report used for the line's rate, so the two meet on the same line.
/// Redemptions, refunds onto a card and credit notes issued by returns are GiftCard payments in the Z report and are
/// booked on the liability already.
/// </summary>
public sealed class GiftCardsSoldSource(KasseDbContext db) : IAccountingSource
{
    public const string Name = "gift-cards-sold";

    public async Task<IReadOnlyList<AccountingContribution>> ContributeAsync(AccountingDay day, CancellationToken ct)
    {
        var byVatCode = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var z in day.ZReports)
        {
            var saleIds = ZReceipts.CountedSaleIds(db, z);
            var vouchers = await db.SaleLines.AsNoTracking().Where(l => l.IsVoucher && saleIds.Contains(l.SaleId))
                .Select(l => new { l.VatPercent, l.VatCode, l.TotalAmount }).ToListAsync(ct);
            foreach (var line in vouchers)
            {
                var code = z.Vat.FirstOrDefault(v => v.Percent == line.VatPercent)?.Code ?? line.VatCode;
                byVatCode[code] = byVatCode.GetValueOrDefault(code) + line.TotalAmount;
            }
        }
        var postings = byVatCode.Where(v => v.Value != 0m).OrderBy(v => v.Key, StringComparer.Ordinal)
            .SelectMany(v => new[]
            {
                new Posting(AccountRole.Revenue, v.Key, v.Value, $"Gavekort solgt ({v.Key}): ikke omsætning"),
                new Posting(AccountRole.GiftCardLiability, null, -v.Value, "Gavekort solgt"),
            }).ToList();
        return postings.Count == 0 ? [] : [new AccountingContribution(Name, postings)];
    }
}

/// <summary>
/// Cost of goods sold from the stock ledger: the Sale and Return movements of the Z reports' receipts at the unit
/// cost they carry (the product's moving average cost when it left the shelf), each movement's value rounded to the
/// øre; a return puts its cost back. Movements without a known cost are left out: there is nothing to book them at.
/// </summary>
public sealed class CostOfGoodsSoldSource(KasseDbContext db) : IAccountingSource
{
    public const string Name = "cost-of-goods-sold";

    public async Task<IReadOnlyList<AccountingContribution>> ContributeAsync(AccountingDay day, CancellationToken ct)
    {
        var cost = 0m;
        foreach (var z in day.ZReports)
        {
            var saleIds = ZReceipts.CountedSaleIds(db, z);
            var moved = await db.StockMovements.AsNoTracking()
                .Where(m => m.ReferenceId != null && saleIds.Contains(m.ReferenceId.Value)
                    && (m.Kind == MovementKind.Sale || m.Kind == MovementKind.Return) && m.UnitCost != null)
                .Select(m => new { m.Quantity, m.UnitCost }).ToListAsync(ct);
            // Out of stock is a negative quantity: its cost is a cost of the day.
            cost += moved.Sum(m => CashAmount.Round(-m.Quantity * m.UnitCost!.Value));
        }
        if (cost == 0m)
            return [];
        return [new AccountingContribution(Name, [
            new Posting(AccountRole.CostOfGoodsSold, null, cost, "Vareforbrug"),
            new Posting(AccountRole.Inventory, null, -cost, "Varelager: solgte varer til kostpris"),
        ])];
    }
}
