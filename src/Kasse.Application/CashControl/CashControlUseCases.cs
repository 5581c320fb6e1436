using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Staff;

namespace Kasse.Application.CashControl;

/// <summary>
/// The front door for the register's cash and its reports, from the till and the API alike. Each command checks the
/// caller's permission; the employee it records is the caller (or the one an API key serves); a no-sale drawer open
/// takes a supervisor's approval when the caller's role may not; a cash count runs the fraud rules after its commit.
/// </summary>
public sealed class CashControlUseCases(KasseDbContext db, CashControlService cash, RegisterReportService reports, ApprovalGates gates,
    FraudDetector fraud, ServedEmployee served, CurrentActor actor)
{
    private Actor Caller => actor.Value;

    public async Task<SessionView> OpenSessionAsync(Guid registerId, OpenSession command, CancellationToken ct)
    {
        Caller.Require(Permission.CashControl);
        return await cash.OpenSessionAsync(registerId, command with { EmployeeId = await served.AtRegisterAsync(command.EmployeeId, registerId, ct) }, ct);
    }

    /// <summary>The blind count that closes a session; a difference beyond the owner's threshold raises an alert at once.</summary>
    public async Task<SessionView> CountAsync(Guid registerId, Guid sessionId, CountCash command, CancellationToken ct)
    {
        Caller.Require(Permission.CashControl);
        var counted = await cash.CountAsync(registerId, sessionId, command with { EmployeeId = await served.AtRegisterAsync(command.EmployeeId, registerId, ct) }, ct);
        await fraud.AfterEventAsync((await StoreService.FindRegisterAsync(db, registerId, ct)).StoreId, ct);
        return counted;
    }

    public async Task<CashMovementView> RecordMovementAsync(Guid registerId, RecordCashMovement command, CancellationToken ct)
    {
        Caller.Require(Permission.CashControl);
        return await cash.RecordMovementAsync(registerId, command with { EmployeeId = await served.AtRegisterAsync(command.EmployeeId, registerId, ct) }, ct);
    }

    /// <summary>Opens the drawer without a sale ("no sale"): NoSaleDrawerOpen or a supervisor's approval.</summary>
    public async Task<DrawerOpenedView> OpenDrawerAsync(Guid registerId, OpenDrawer command, CancellationToken ct)
    {
        RequireEither(Permission.Sell, Permission.CashControl);
        var acting = command with { EmployeeId = await served.AtRegisterAsync(command.EmployeeId, registerId, ct) };
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        await gates.NoSaleAsync(register.Id, register.StoreId, acting, ct);
        var opened = await cash.OpenDrawerAsync(registerId, acting, ct);
        await gates.SaveAsync(ct);
        await fraud.AfterEventAsync(register.StoreId, ct);
        return opened;
    }

    public async Task<DrawerClosedView> CloseDrawerAsync(Guid registerId, CloseDrawer command, CancellationToken ct)
    {
        RequireEither(Permission.Sell, Permission.CashControl);
        return await cash.CloseDrawerAsync(registerId, command with { EmployeeId = await served.AtRegisterAsync(command.EmployeeId, registerId, ct) }, ct);
    }

    public async Task<RegisterReport> XReportAsync(Guid registerId, MakeReport command, CancellationToken ct)
    {
        Caller.Require(Permission.XReport);
        return await reports.XReportAsync(registerId, command with { EmployeeId = await served.AtRegisterAsync(command.EmployeeId, registerId, ct) }, ct);
    }

    public async Task<RegisterReport> ZReportAsync(Guid registerId, MakeReport command, CancellationToken ct)
    {
        Caller.Require(Permission.ZReport);
        return await reports.ZReportAsync(registerId, command with { EmployeeId = await served.AtRegisterAsync(command.EmployeeId, registerId, ct) }, ct);
    }

    private void RequireEither(Permission one, Permission other)
    {
        if (!Caller.May(one))
            Caller.Require(other);
    }
}
