using Kasse.Domain;
using Kasse.Domain.Staff;

namespace Kasse.Application.Staff;

/// <summary>
/// Who is asking: a signed-in employee, an API key, or the machine's own command line. <see cref="Stores"/> are
/// the stores it may act in; null means the whole chain (an Owner or Accountant made chain-wide, the command line).
/// <see cref="KioskDeviceId"/> is set for a paired self-service kiosk: it acts on its own register only, and takes no cash.
/// </summary>
public sealed record Actor(string Name, Guid? EmployeeId, Guid? ApiKeyId, Guid? RegisterId, IReadOnlySet<Permission> Permissions,
    IReadOnlySet<Guid>? Stores = null, Guid? KioskDeviceId = null)
{
    public bool IsKiosk => KioskDeviceId is not null;

    private static readonly IReadOnlySet<Guid> NoStore = new HashSet<Guid>();

    /// <summary>The <c>kasse</c> command line runs on the machine itself, as its administrator, with every right.</summary>
    public static readonly Actor Local = new("kasse (command line)", null, null, null, Enum.GetValues<Permission>().ToHashSet());

    public static readonly Actor Anonymous = new("anonymous", null, null, null, new HashSet<Permission>(), NoStore);

    public bool May(Permission permission) => Permissions.Contains(permission);

    /// <summary>Refuses, in the words the API uses, what this actor's own role may not do.</summary>
    public void Require(Permission needed)
    {
        if (!May(needed))
            throw EmployeeId is null && ApiKeyId is null && Permissions.Count == 0
                ? DomainException.Forbidden(PermissionErrors.Denied, "Sign in first.")
                : DomainException.Forbidden(PermissionErrors.Denied, $"Your role may not do this. It needs the permission {needed}; ask the owner.");
    }

    /// <summary>
    /// The employee an action is recorded for (a sale's cashier, who opened the drawer, who counted). A signed-in
    /// employee acts as themself: naming anyone else is refused, so no one borrows another's name or rights. An API
    /// key or the command line acts with its own rights and may name the employee it serves (e.g. a till integration
    /// names the cashier at the register); that name goes on the receipt, never into a permission check.
    /// </summary>
    public Guid? Serving(Guid? named)
    {
        if (EmployeeId is not { } self)
            return named;
        if (named is { } other && other != self)
            throw DomainException.Forbidden(ActorErrors.NotYourself,
                "You are signed in as yourself and act as yourself: leave out the employee id, or sign in as that employee.");
        return self;
    }

    /// <summary>As <see cref="Serving(Guid?)"/>, where the command always names someone (signing out names who leaves).</summary>
    public Guid Serving(Guid named) => Serving((Guid?)named) ?? named;

    public bool IsChainWide => Stores is null;

    public bool MayActIn(Guid storeId) => StoreAccess.Includes(Stores, storeId);

    /// <summary>Refuses a store outside the actor's stores, with the code every caller (API, UI, CLI) answers alike.</summary>
    public void EnsureMayActIn(Guid storeId)
    {
        if (!MayActIn(storeId))
            throw NotYours();
    }

    public static DomainException NotYours(string what = "This") => DomainException.Forbidden(StoreErrors.NotYours,
        $"{what} belongs to a store you do not work in. Your sign-in (or API key) is limited to its own stores; ask the owner to add the store.");
}

/// <summary>The actor of the current request or command; the web host sets it after authentication.</summary>
public sealed class CurrentActor
{
    public Actor Value { get; set; } = Actor.Local;
}
