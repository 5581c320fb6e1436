namespace Kasse.Domain.Staff;

/// <summary>
/// A row of the permission matrix: a role and what it may do. Built-in roles are stored once the owner
/// changes them; custom roles are stored from the start.
/// </summary>
public sealed class RoleDefinition
{
    public const int MaxNameLength = 40;

    private RoleDefinition() { Name = ""; PermissionList = ""; }

    public RoleDefinition(string name, IEnumerable<Permission> permissions)
    {
        Name = ValidName(name);
        PermissionList = Join(permissions);
    }

    public string Name { get; private set; }

    /// <summary>Permission names, comma separated, in catalogue order (stored by name so a new permission never shifts others).</summary>
    public string PermissionList { get; private set; }

    public IReadOnlySet<Permission> Permissions => Parse(PermissionList);

    public void Grant(IEnumerable<Permission> permissions)
    {
        var set = permissions.ToHashSet();
        if (Name == BuiltInRoles.OwnerRole && set.Count != Enum.GetValues<Permission>().Length)
            throw DomainException.Invalid(RoleErrors.OwnerFixed, "The owner role always has every permission, so nobody can lock the shop out.");
        PermissionList = Join(set);
    }

    public static string ValidName(string name)
    {
        var trimmed = Text.Required(name, MaxNameLength, "role.name", "A role name");
        if (!trimmed.All(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_'))
            throw DomainException.Invalid(RoleErrors.Name, "A role name has letters, digits, spaces, - and _ only.");
        return trimmed;
    }

    public static string Join(IEnumerable<Permission> permissions) =>
        string.Join(',', permissions.Distinct().Order().Select(p => p.ToString()));

    public static IReadOnlySet<Permission> Parse(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(name => Enum.TryParse<Permission>(name, out var p) ? p : (Permission?)null)
            .OfType<Permission>().ToHashSet();
}
