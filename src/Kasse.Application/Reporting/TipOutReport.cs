using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Reporting;
using Kasse.Domain.Stores;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Reporting;

/// <summary>The tips one employee took in the period: how many payments carried one, and the amount, by tender.</summary>
/// <param name="EmployeeId">The sale's cashier (the waiter who served); null for sales no one was signed in on.</param>
public sealed record TipOutLine(Guid? EmployeeId, string EmployeeName, int Count, decimal Amount, decimal Cash, decimal Card, decimal Other);

/// <summary>What the store owes its staff in tips for the business days <see cref="From"/>..<see cref="To"/> (both included).</summary>
public sealed record TipOutReport(Guid StoreId, DateOnly From, DateOnly To, string Currency, IReadOnlyList<TipOutLine> Employees, int Count,
    decimal Amount);

/// <summary>
/// The tip-out report: the tips taken with payments on the store's completed real (not training) receipts, per employee who
/// served the sale. The same tips the X/Z reports count and the Z voucher books to TipsPayable (6810 Skyldige drikkepenge).
/// </summary>
public sealed class TipOutReports(KasseDbContext db, CurrentActor actor)
{
    public const int MaxDays = 366;

    public async Task<TipOutReport> ReportAsync(Guid storeId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        actor.Value.Require(Permission.SeeReports);
        actor.Value.EnsureMayActIn(storeId);
        if (to < from)
            throw DomainException.Invalid(ReportErrors.Range, $"The report starts ({Day(from)}) after it ends ({Day(to)}); swap from and to.");
        if (to.DayNumber - from.DayNumber >= MaxDays)
            throw DomainException.Invalid(ReportErrors.Range, $"A report covers at most {MaxDays} days; choose a shorter period.");
        var store = await db.Stores.AsNoTracking().FirstOrDefaultAsync(s => s.Id == storeId, ct)
            ?? throw DomainException.NotFound(StoreErrors.NotFound, $"No store has id {storeId}.");
        // A join, not SelectMany over the navigation: SQLite has no APPLY.
        var tips = await db.Sales.AsNoTracking()
            .Where(s => s.StoreId == storeId && s.Status == SaleStatus.Completed && !s.IsTraining && s.BusinessDay >= from && s.BusinessDay <= to)
            .Join(db.Payments.AsNoTracking().Where(p => p.Tip != 0m), s => s.Id, p => p.SaleId, (s, p) => new { s.CashierId, p.Method, p.Tip })
            .ToListAsync(ct);
        var ids = tips.Where(t => t.CashierId is not null).Select(t => t.CashierId!.Value).Distinct().ToList();
        var names = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var lines = tips.GroupBy(t => t.CashierId)
            .Select(g => new TipOutLine(g.Key, g.Key is { } id ? names.GetValueOrDefault(id, "?") : "Ingen / no one", g.Count(), g.Sum(t => t.Tip),
                g.Where(t => t.Method == PaymentMethod.Cash).Sum(t => t.Tip), g.Where(t => t.Method == PaymentMethod.Card).Sum(t => t.Tip),
                g.Where(t => t.Method is not (PaymentMethod.Cash or PaymentMethod.Card)).Sum(t => t.Tip)))
            .OrderBy(l => l.EmployeeName, StringComparer.CurrentCulture).ToList();
        return new TipOutReport(storeId, from, to, store.Currency, lines, lines.Sum(l => l.Count), lines.Sum(l => l.Amount));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
