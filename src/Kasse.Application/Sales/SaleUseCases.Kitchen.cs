using Kasse.Application.Restaurant;
using Kasse.Domain.Staff;

namespace Kasse.Application.Sales;

/// <summary>
/// The restaurant's kitchen commands on a sale: a line's course, sending the order (the first course now, later courses
/// held), firing a held course. Who sends is the caller; each send is snapshotted as kitchen tickets and audited.
/// </summary>
public sealed partial class SaleUseCases
{
    public async Task<SaleView> SetLineCourseAsync(Guid saleId, Guid lineId, SetLineCourse command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        Caller.EnsureMayActIn((await SeatingOfAsync(saleId, ct)).StoreId);
        return await sales.EditAsync(saleId, (s, _) =>
        {
            s.SetLineCourse(lineId, command.Course);
            return Task.CompletedTask;
        }, ct);
    }

    public async Task<SaleKitchenView> SendToKitchenAsync(Guid saleId, SendToKitchen command, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        await KioskOwnsAsync(saleId, ct);
        var sale = await sales.GetAsync(saleId, ct);
        Caller.EnsureMayActIn(sale.StoreId);
        EnsureOpen(sale);
        return await kitchen.SendAsync(sale, command, ct);
    }

    public async Task<SaleKitchenView> FireCourseAsync(Guid saleId, int course, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        var sale = await sales.GetAsync(saleId, ct);
        Caller.EnsureMayActIn(sale.StoreId);
        EnsureOpen(sale);
        return await kitchen.FireAsync(sale, course, ct);
    }

    /// <summary>The sale as the kitchen knows it: each line's course and whether it is unsent, held or fired.</summary>
    public async Task<SaleKitchenView> KitchenStateAsync(Guid saleId, CancellationToken ct)
    {
        Caller.Require(Permission.Sell);
        var sale = await sales.GetAsync(saleId, ct);
        Caller.EnsureMayActIn(sale.StoreId);
        return await kitchen.ViewAsync(sale, ct);
    }

    /// <summary>A line changed or removed, or the sale voided: the stations it was sent to hear of it at once.</summary>
    private async Task<SaleView> TellKitchenAsync(SaleView sale, CancellationToken ct)
    {
        await kitchen.AfterChangeAsync(sale, ct);
        return sale;
    }

    private static void EnsureOpen(SaleView sale)
    {
        if (sale.Status != Kasse.Domain.Sales.SaleStatus.Open)
            throw Kasse.Domain.DomainException.Conflict(KitchenErrors.SaleNotOpen, "Only an open sale is sent to the kitchen; resume it first.");
    }
}
