using Kasse.Application.Restaurant;
using Kasse.Application.Staff;
using Kasse.Domain;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Sales;

/// <param name="TableId">The table to move the sale to; null takes it off its table (a tab).</param>
/// <param name="Covers">How many guests; left out, as before.</param>
/// <param name="TabName">The tab's name; left out, as before; empty clears it.</param>
public sealed record SeatSale(Guid? TableId, int? Covers = null, string? TabName = null);

/// <summary>The waiter who takes over: an active employee of the sale's store.</summary>
public sealed record HandOverSale(Guid EmployeeId);

/// <summary>
/// The restaurant's commands on an open sale: put it on (or move it to) a table, hand it to another waiter. Both are
/// edits of the sale, made in its turn (<see cref="SalesService.EditAsync"/>), and journaled in the audit trail.
/// </summary>
public sealed partial class SaleUseCases
{
    public async Task<SaleView> SeatAsync(Guid saleId, SeatSale command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        var before = await SeatingOfAsync(saleId, ct);
        var table = command.TableId is { } tableId ? await FloorService.FindTableAsync(db, before.StoreId, tableId, ct) : null;
        var covers = command.Covers ?? before.Covers;
        var tabName = command.TabName ?? before.TabName;
        var sale = await sales.EditAsync(saleId, (s, _) =>
        {
            s.SeatAt(table?.Id, covers, tabName);
            return Task.CompletedTask;
        }, ct);
        var fromName = before.TableId is { } from ? await db.DiningTables.Where(t => t.Id == from).Select(t => t.Name).FirstOrDefaultAsync(ct) : null;
        Audit.Record(AuditAction.SaleMovedToTable, AuditTexts.SaleMoved(fromName, table?.Name, tabName),
            subject: "sale:" + saleId, storeId: before.StoreId,
            before: new { Table = fromName, before.Covers, before.TabName }, after: new { Table = table?.Name, Covers = covers, TabName = tabName });
        await db.SaveChangesAsync(ct);
        await kitchen.FollowSaleAsync(sale, ct);
        return sale;
    }

    /// <summary>Another waiter takes over the sale; a table is handed over by handing over each of its open sales.</summary>
    public async Task<SaleView> HandOverAsync(Guid saleId, HandOverSale command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        var before = await SeatingOfAsync(saleId, ct);
        var employees = await db.Employees.AsNoTracking().Where(e => e.Id == command.EmployeeId || e.Id == before.CashierId).ToListAsync(ct);
        var to = employees.FirstOrDefault(e => e.Id == command.EmployeeId && e.IsActive)
            ?? throw DomainException.NotFound(EmployeeErrors.NotFound, $"No active employee has id {command.EmployeeId}.");
        if (!StoreAccess.Includes(to.StoreIds, before.StoreId))
            throw DomainException.Invalid(SaleErrors.HandOverStore, $"{to.Name} does not work in this store, so cannot take over the sale.");
        var sale = await sales.EditAsync(saleId, (s, _) =>
        {
            s.HandTo(to.Id);
            return Task.CompletedTask;
        }, ct);
        var from = employees.FirstOrDefault(e => e.Id == before.CashierId)?.Name;
        Audit.Record(AuditAction.SaleHandedOver, AuditTexts.SaleHandedOver(from, to.Name), subject: "sale:" + saleId, storeId: before.StoreId,
            before: new { Waiter = from }, after: new { Waiter = to.Name });
        await db.SaveChangesAsync(ct);
        await kitchen.FollowSaleAsync(sale, ct);
        return sale;
    }

    /// <summary>
    /// The sale a waiter picks on the floor, to carry on with at this register: an open sale as it stands, a parked one
    /// resumed here; null when it has been paid or voided meanwhile.
    /// </summary>
    public async Task<SaleView?> TakeUpAsync(Guid saleId, Guid registerId, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        var sale = await sales.GetAsync(saleId, ct);
        Caller.EnsureMayActIn(sale.StoreId);
        return sale.Status switch
        {
            SaleStatus.Open => sale,
            SaleStatus.Parked => await sales.ResumeAsync(saleId, registerId, ct),
            _ => null,
        };
    }

    private AuditTrail Audit => new(db, actor, clock);

    private sealed record Seating(Guid StoreId, Guid? TableId, int? Covers, string? TabName, Guid? CashierId);

    /// <summary>The sale's table, covers and waiter as written: they change only in the sale's exclusive turn, so the row has them.</summary>
    private async Task<Seating> SeatingOfAsync(Guid saleId, CancellationToken ct)
    {
        var seating = await db.Sales.AsNoTracking().Where(s => s.Id == saleId)
            .Select(s => new Seating(s.StoreId, s.TableId, s.Covers, s.TabName, s.CashierId)).FirstOrDefaultAsync(ct)
            ?? throw SalesService.SaleNotFound(saleId);
        Caller.EnsureMayActIn(seating.StoreId);
        return seating;
    }
}
