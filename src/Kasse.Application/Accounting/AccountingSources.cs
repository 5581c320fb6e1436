using Kasse.Data;
using Kasse.Domain.Accounting;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Accounting;

/// <summary>A store's business day as the accounting sources see it: the Z reports closed that day.</summary>
public sealed record AccountingDay(Store Store, DateOnly BusinessDay, IReadOnlyList<RegisterReport> ZReports);

/// <summary>
/// A capability that adds balanced postings to a day's voucher, beyond what the Z reports hold. Register one with
/// <c>services.AddScoped&lt;IAccountingSource, YourSource&gt;()</c>. The plug-in points waiting for their capability:
/// <list type="bullet">
/// <item>inventory: cost of goods sold — debit <see cref="AccountRole.CostOfGoodsSold"/>, credit <see cref="AccountRole.Inventory"/> — for the stock movements of the Z reports' receipts;</item>
/// <item>gift cards: cards sold — move their amount from <see cref="AccountRole.Revenue"/> (the sale line) to <see cref="AccountRole.GiftCardLiability"/>, since a gift card sold is a debt, not a sale;</item>
/// <item>tips: when payments carry tips, the Z report's Tips already credit <see cref="AccountRole.TipsPayable"/>.</item>
/// </list>
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

    private static readonly string[] ReceiptKinds = [nameof(JournalEventKind.SaleCompleted), nameof(JournalEventKind.ReturnCompleted)];

    public async Task<IReadOnlyList<AccountingContribution>> ContributeAsync(AccountingDay day, CancellationToken ct)
    {
        var bySchemes = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var z in day.ZReports.Where(z => z.Payments.Any(p => p.Method == PaymentMethod.Card)))
        {
            var saleIds = db.JournalEntries.AsNoTracking()
                .Where(e => e.StoreId == z.StoreId && e.RegisterId == z.RegisterId && e.Sequence > z.Period.AfterSequence
                    && e.Sequence <= z.Period.ToSequence && ReceiptKinds.Contains(e.Kind) && e.SaleId != null)
                .Select(e => e.SaleId!.Value);
            var schemes = await db.Payments.AsNoTracking()
                .Where(p => saleIds.Contains(p.SaleId) && p.Method == PaymentMethod.Card && p.CardScheme != null && p.CardScheme != "")
                .Select(p => new { p.CardScheme, p.Amount }).ToListAsync(ct);
            foreach (var payment in schemes)
                bySchemes[payment.CardScheme!] = bySchemes.GetValueOrDefault(payment.CardScheme!) + payment.Amount;
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
