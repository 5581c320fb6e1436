using System.Security.Claims;
using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace Kasse.Server.Ui.Access;

/// <summary>
/// Who is acting in one browser circuit: the cashier signed in with their PIN at the till, else the employee of
/// the back-office session cookie, else nobody. Every call the UI makes into the application runs as this actor,
/// with permissions read from the live matrix at the time of the call, exactly as an API request would.
/// </summary>
public sealed class UiSession(AuthenticationStateProvider authentication, TimeProvider clock)
{
    private ClaimsPrincipal? _principal;
    private (EmployeeView Employee, Guid RegisterId)? _cashier;
    private string? _kioskToken;

    /// <summary>The actor as of the last call (permissions included); refreshed by every call.</summary>
    public Actor Actor { get; private set; } = Actor.Anonymous;

    /// <summary>When this person last did something here; the back office signs out after the idle time.</summary>
    public DateTimeOffset LastActivity { get; private set; } = clock.GetUtcNow();

    public bool HasCashier => _cashier is not null;

    /// <summary>The cashier who entered their PIN at this till acts from now on.</summary>
    public void ActAsCashier(EmployeeView cashier, Guid registerId, IReadOnlySet<Permission> permissions)
    {
        _cashier = (cashier, registerId);
        Actor = CashierActor(cashier, registerId, permissions);
        Touch();
    }

    /// <summary>
    /// This circuit is a paired kiosk's screen: from now on it acts as the kiosk (<see cref="Kasse.Application.SelfService.KioskIdentity.Actor"/>),
    /// looked up again by its device token at every call, so an unpaired device or a register made a till again stops at once.
    /// A staff member who signs in with a PIN for maintenance acts as themself until they sign out.
    /// </summary>
    public void ActAsKiosk(string deviceToken, Kasse.Application.SelfService.KioskIdentity kiosk)
    {
        _kioskToken = deviceToken;
        _cashier = null;
        Actor = kiosk.Actor;
        Touch();
    }

    public void EndKiosk()
    {
        _kioskToken = null;
        Actor = Actor.Anonymous;
    }

    /// <summary>The till's cashier signed out: the circuit is back to its session (or nobody).</summary>
    public void EndCashier()
    {
        _cashier = null;
        Actor = Actor.Anonymous;
    }

    public void Touch() => LastActivity = clock.GetUtcNow();

    /// <summary>Works out the actor now, against the given scope's database, and makes it that scope's <see cref="CurrentActor"/>.</summary>
    public async Task<Actor> ActInAsync(IServiceProvider scope)
    {
        var db = scope.GetRequiredService<KasseDbContext>();
        var matrix = scope.GetRequiredService<PermissionMatrix>();
        if (_cashier is { } cashier)
            Actor = CashierActor(cashier.Employee, cashier.RegisterId, await matrix.PermissionsOfAsync(db, cashier.Employee.Role, CancellationToken.None));
        else if (_kioskToken is { } token)
            Actor = (await scope.GetRequiredService<Kasse.Application.SelfService.KioskService>().IdentifyAsync(token, CancellationToken.None))?.Actor
                ?? Actor.Anonymous;
        else
        {
            _principal ??= (await authentication.GetAuthenticationStateAsync()).User;
            Actor = _principal.Identity?.IsAuthenticated == true
                ? KasseSecurity.ActorOf(_principal, await PermissionAuthorizationHandler.PermissionsOfAsync(_principal, db, matrix, CancellationToken.None))
                : Actor.Anonymous;
        }
        scope.GetRequiredService<CurrentActor>().Value = Actor;
        return Actor;
    }

    /// <summary>
    /// As <see cref="ActInAsync"/>, and also checks the employee is still active in the same role: a deactivated
    /// employee or one given another role loses the session at the next page, as a cookie session does.
    /// </summary>
    public async Task<Actor> CheckAsync(IServiceProvider scope)
    {
        var actor = await ActInAsync(scope);
        if (actor.EmployeeId is not { } id)
            return actor;
        var employee = await scope.GetRequiredService<KasseDbContext>().Employees.FindAsync([id]);
        var role = _cashier?.Employee.Role ?? _principal?.FindFirstValue(KasseClaims.Role);
        var stores = _cashier is { } c ? StoresOf(c.Employee) : KasseSecurity.StoresOf(_principal!);
        if (employee is { IsActive: true } && employee.Role == role && KasseSecurity.SameStores(employee.StoreIds, stores))
            return actor;
        _cashier = null;
        _principal = new ClaimsPrincipal(new ClaimsIdentity());
        return await ActInAsync(scope);
    }

    /// <summary>Refuses, in the words the API uses, what the actor's role may not do.</summary>
    public static void Require(Actor actor, Permission needed)
    {
        if (!actor.May(needed))
            throw PageAccess.IsAnonymous(actor)
                ? Kasse.Domain.DomainException.Forbidden(PermissionErrors.Denied, "Sign in first.")
                : Kasse.Domain.DomainException.Forbidden(PermissionErrors.Denied, $"Your role may not do this. It needs the permission {needed}; ask the owner.");
    }

    private static Actor CashierActor(EmployeeView cashier, Guid registerId, IReadOnlySet<Permission> permissions) =>
        new($"{cashier.Name} ({cashier.Role})", cashier.Id, null, registerId, permissions, StoresOf(cashier));

    private static HashSet<Guid>? StoresOf(EmployeeView employee) => employee.AllStores ? null : (employee.Stores ?? []).ToHashSet();
}
