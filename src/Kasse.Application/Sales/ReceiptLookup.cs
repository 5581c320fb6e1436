using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Sales;

/// <summary>What the back office asks to find a receipt: any mix of its number, its business day and its total.</summary>
public sealed record ReceiptQuery(Guid StoreId, long? ReceiptNumber = null, DateOnly? BusinessDay = null, decimal? TotalAmount = null);

/// <summary>One receipt in a look-up: enough to recognise it, and whether its one copy has been printed.</summary>
public sealed record ReceiptMatch(Guid SaleId, Guid RegisterId, string RegisterName, long ReceiptNumber, SaleKind Kind,
    DateTimeOffset ClosedAt, DateOnly BusinessDay, decimal TotalAmount, string Currency, bool IsTraining, bool CopyPrinted);

/// <summary>Finds completed receipts for a manager (a customer's question, a missing copy, a check of the day).</summary>
public sealed class ReceiptLookup(KasseDbContext db)
{
    public const int MaxMatches = 100;

    public async Task<IReadOnlyList<ReceiptMatch>> FindAsync(ReceiptQuery query, CancellationToken ct)
    {
        if (query.ReceiptNumber is < 1)
            throw DomainException.Invalid(ReceiptErrors.Number, "A receipt number is 1 or more.");
        var sales = db.Sales.AsNoTracking().Where(s => s.StoreId == query.StoreId && s.Status == SaleStatus.Completed && s.ReceiptNumber != null);
        if (query.ReceiptNumber is { } number)
            sales = sales.Where(s => s.ReceiptNumber == number);
        if (query.BusinessDay is { } day)
            sales = sales.Where(s => s.BusinessDay == day);
        if (query.TotalAmount is { } total)
            sales = sales.Where(s => s.TotalAmount == total || s.TotalAmount == -total);
        var found = await sales.OrderByDescending(s => s.ClosedAt).Take(MaxMatches)
            .Select(s => new { s.Id, s.RegisterId, s.ReceiptNumber, s.Kind, s.ClosedAt, s.BusinessDay, s.TotalAmount, s.Currency, s.IsTraining })
            .ToListAsync(ct);
        var ids = found.Select(s => s.Id).ToList();
        var registerIds = found.Select(s => s.RegisterId).Distinct().ToList();
        var registers = await db.Registers.Where(r => registerIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var copied = (await db.JournalEntries.Where(e => e.SaleId != null && ids.Contains(e.SaleId.Value) && e.Kind == nameof(JournalEventKind.CopyReceipt))
            .Select(e => e.SaleId!.Value).ToListAsync(ct)).ToHashSet();
        return found.Select(s => new ReceiptMatch(s.Id, s.RegisterId, registers.GetValueOrDefault(s.RegisterId, "?"), s.ReceiptNumber!.Value, s.Kind,
            s.ClosedAt!.Value, s.BusinessDay!.Value, s.TotalAmount, s.Currency, s.IsTraining, copied.Contains(s.Id))).ToList();
    }

    /// <summary>Whether the one copy a sale may have has been printed.</summary>
    public Task<bool> CopyPrintedAsync(Guid saleId, CancellationToken ct) =>
        db.JournalEntries.AnyAsync(e => e.SaleId == saleId && e.Kind == nameof(JournalEventKind.CopyReceipt), ct);
}
