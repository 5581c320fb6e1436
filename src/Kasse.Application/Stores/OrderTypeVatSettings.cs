using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Domain.Stores;

namespace Kasse.Application.Stores;

/// <summary>A store's VAT rules per order type (eat-in, takeaway, delivery); an empty list where every type pays the same.</summary>
public sealed record OrderTypeVatRules(IReadOnlyList<OrderTypeVatRule> Rules);

/// <summary>Where a country taxes takeaway or delivery differently from eat-in, the store says so here (Denmark: nothing to set).</summary>
public sealed class OrderTypeVatSettings(KasseDbContext db, StoreCache stores, CurrentActor actor)
{
    public async Task<OrderTypeVatRules> GetAsync(Guid storeId, CancellationToken ct)
    {
        actor.Value.EnsureMayActIn(storeId);
        return new((await StoreService.FindStoreAsync(db, storeId, ct)).OrderTypeVatRules);
    }

    public async Task<OrderTypeVatRules> SaveAsync(Guid storeId, OrderTypeVatRules command, CancellationToken ct)
    {
        actor.Value.Require(Permission.ManageSettings);
        actor.Value.EnsureMayActIn(storeId);
        var saved = await db.InTransactionAsync(async () =>
        {
            var store = await StoreService.FindStoreAsync(db, storeId, ct);
            store.SetOrderTypeVatRules(command.Rules ?? []);
            await db.SaveChangesAsync(ct);
            return new OrderTypeVatRules(store.OrderTypeVatRules);
        }, ct);
        stores.Forget(storeId); // sales take the rules from their next line
        return saved;
    }
}
