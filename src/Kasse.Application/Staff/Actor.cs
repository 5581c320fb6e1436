using Kasse.Domain.Staff;

namespace Kasse.Application.Staff;

/// <summary>Who is asking: a signed-in employee, an API key, or the machine's own command line.</summary>
public sealed record Actor(string Name, Guid? EmployeeId, Guid? ApiKeyId, Guid? RegisterId, IReadOnlySet<Permission> Permissions)
{
    /// <summary>The <c>kasse</c> command line runs on the machine itself, as its administrator, with every right.</summary>
    public static readonly Actor Local = new("kasse (command line)", null, null, null, Enum.GetValues<Permission>().ToHashSet());

    public static readonly Actor Anonymous = new("anonymous", null, null, null, new HashSet<Permission>());

    public bool May(Permission permission) => Permissions.Contains(permission);
}

/// <summary>The actor of the current request or command; the web host sets it after authentication.</summary>
public sealed class CurrentActor
{
    public Actor Value { get; set; } = Actor.Local;
}
