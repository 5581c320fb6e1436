using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Staff;

namespace Kasse.Application.Staff;

/// <summary>
/// The employee a till command is recorded for: the signed-in caller, or the one an API key names as served — who
/// must then work in the register's store, so an integration can't put another store's employee on a receipt.
/// </summary>
public sealed class ServedEmployee(KasseDbContext db, CurrentActor actor)
{
    public async Task<Guid?> AtRegisterAsync(Guid? named, Guid registerId, CancellationToken ct)
    {
        var served = actor.Value.Serving(named);
        if (served is not { } id || actor.Value.EmployeeId is not null)
            return served; // a signed-in employee was checked against the store when they signed in
        var employee = await db.Employees.FindAsync([id], ct);
        if (employee is null)
            return served; // the command's own check says "not found" in its words
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        if (!StoreAccess.Includes(employee.StoreIds, register.StoreId))
            throw Actor.NotYours($"{employee.Name}, named as the employee served,");
        return served;
    }
}
