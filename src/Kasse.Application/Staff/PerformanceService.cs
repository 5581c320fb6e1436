using Kasse.Data;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

public sealed record EmployeePerformance(Guid EmployeeId, string Name, decimal SalesAmount, int SalesCount, decimal AverageBasket, int Items,
    decimal HoursWorked, decimal? ItemsPerHour, int Voids, int Refunds, decimal RefundAmount, int Discounts, int NoSaleOpens);

/// <summary>What each employee did in a period: sales, baskets, pace per hour worked, and the events a manager watches.</summary>
public sealed class PerformanceService(KasseDbContext db, TimeClockService timeClock)
{
    public async Task<IReadOnlyList<EmployeePerformance>> ForStoreAsync(Guid storeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var sales = await db.Sales.AsNoTracking()
            .Where(s => s.StoreId == storeId && !s.IsTraining && s.OpenedAt >= from && s.OpenedAt < to)
            .Select(s => new { s.Id, s.CashierId, s.Kind, s.Status, s.TotalAmount, HasLines = s.Lines.Any() }).ToListAsync(ct);
        var completedSaleIds = sales.Where(s => s.Kind == SaleKind.Sale && s.Status == SaleStatus.Completed).Select(s => s.Id).ToList();
        var lines = await db.SaleLines.AsNoTracking().Where(l => completedSaleIds.Contains(l.SaleId)).Select(l => l.SaleId).ToListAsync(ct);
        var audits = await db.AuditEntries.AsNoTracking()
            .Where(a => a.StoreId == storeId && a.At >= from && a.At < to
                && (a.Action == AuditAction.DiscountGiven || a.Action == AuditAction.DrawerOpened || a.Action == AuditAction.PaymentVoided))
            .Select(a => new { a.Action, a.ActorEmployeeId }).ToListAsync(ct);
        var hours = (await timeClock.TimesheetsAsync(from, to, null, ct)).ToDictionary(t => t.EmployeeId, t => t.TotalWorkedHours);
        var ids = sales.Select(s => s.CashierId).OfType<Guid>().Union(hours.Keys).Distinct().ToList();
        var names = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var saleCashier = sales.ToDictionary(s => s.Id, s => s.CashierId);
        return ids.Select(id =>
        {
            var mine = sales.Where(s => s.CashierId == id).ToList();
            var sold = mine.Where(s => s.Kind == SaleKind.Sale && s.Status == SaleStatus.Completed).ToList();
            var returns = mine.Where(s => s.Kind == SaleKind.Return && s.Status == SaleStatus.Completed).ToList();
            var items = lines.Count(saleId => saleCashier[saleId] == id);
            var worked = hours.GetValueOrDefault(id);
            var amount = sold.Sum(s => s.TotalAmount);
            return new EmployeePerformance(id, names.GetValueOrDefault(id, "?"), amount, sold.Count, sold.Count == 0 ? 0m : Math.Round(amount / sold.Count, 2),
                items, worked, worked > 0m ? Math.Round(items / worked, 1) : null,
                mine.Count(s => s.Status == SaleStatus.Voided && s.HasLines) + audits.Count(a => a.Action == AuditAction.PaymentVoided && a.ActorEmployeeId == id),
                returns.Count, -returns.Sum(s => s.TotalAmount),
                audits.Count(a => a.Action == AuditAction.DiscountGiven && a.ActorEmployeeId == id),
                audits.Count(a => a.Action == AuditAction.DrawerOpened && a.ActorEmployeeId == id));
        }).OrderByDescending(p => p.SalesAmount).ToList();
    }
}
