using Kasse.Domain;
using Kasse.Domain.Staff;

namespace Kasse.Application.Staff;

/// <summary>
/// Who is asking: a signed-in employee, an API key, or the machine's own command line. <see cref="Stores"/> are
/// the stores it may act in; null means the whole chain (an Owner or Accountant made chain-wide, the command line).
/// </summary>
public sealed record Actor(string Name, Guid? EmployeeId, Guid? ApiKeyId, Guid? RegisterId, IReadOnlySet<Permission> Permissions,
    IReadOnlySet<Guid>? Stores = null)
{
    private static readonly IReadOnlySet<Guid> NoStore = new HashSet<Guid>();

    /// <summary>The <c>kasse</c> command line runs on the machine itself, as its administrator, with every right.</summary>
    public static readonly Actor Local = new("kasse (command line)", null, null, null, Enum.GetValues<Permission>().ToHashSet());

    public static readonly Actor Anonymous = new("anonymous", null, null, null, new HashSet<Permission>(), NoStore);

    public bool May(Permission permission) => Permissions.Contains(permission);

    public bool IsChainWide => Stores is null;

    public bool MayActIn(Guid storeId) => StoreAccess.Includes(Stores, storeId);

    /// <summary>Refuses a store outside the actor's stores, with the code every caller (API, UI, CLI) answers alike.</summary>
    public void EnsureMayActIn(Guid storeId)
    {
        if (!MayActIn(storeId))
            throw NotYours();
    }

    public static DomainException NotYours(string what = "This") => DomainException.Forbidden("store.not-yours",
        $"{what} belongs to a store you do not work in. Your sign-in (or API key) is limited to its own stores; ask the owner to add the store.");
}

/// <summary>The actor of the current request or command; the web host sets it after authentication.</summary>
public sealed class CurrentActor
{
    public Actor Value { get; set; } = Actor.Local;
}
