using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

public sealed record RoleView(string Name, bool IsBuiltIn, IReadOnlyList<Permission> Permissions);

public sealed record PermissionView(Permission Permission, string Name);

/// <summary>The permission matrix: read by anyone who manages staff, changed by the owner, every change audited.</summary>
public sealed class RoleService(KasseDbContext db, PermissionMatrix matrix, ApiKeyCache keys, AuditTrail audit)
{
    public async Task<IReadOnlyList<RoleView>> ListAsync(CancellationToken ct)
    {
        var stored = await db.Roles.AsNoTracking().ToListAsync(ct);
        var builtIn = Enum.GetValues<Role>().Select(r => stored.FirstOrDefault(s => s.Name == r.ToString()) is { } s
            ? new RoleView(s.Name, true, s.Permissions.Order().ToList())
            : new RoleView(r.ToString(), true, BuiltInRoles.Defaults(r).Order().ToList()));
        var custom = stored.Where(s => !BuiltInRoles.IsBuiltIn(s.Name)).OrderBy(s => s.Name)
            .Select(s => new RoleView(s.Name, false, s.Permissions.Order().ToList()));
        return [.. builtIn, .. custom];
    }

    /// <summary>Sets what a role may do; a new name makes a custom role.</summary>
    public async Task<RoleView> SaveAsync(string name, IReadOnlyCollection<Permission> permissions, CancellationToken ct)
    {
        name = RoleDefinition.ValidName(name);
        var before = (await matrix.PermissionsOfAsync(db, name, ct)).Order().ToList();
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == name, ct);
        if (role is null)
        {
            role = new RoleDefinition(name, before);
            db.Roles.Add(role);
        }
        role.Grant(permissions);
        var after = role.Permissions.Order().ToList();
        var added = after.Except(before).ToList();
        var removed = before.Except(after).ToList();
        audit.Record(AuditAction.RolePermissionsChanged,
            $"Role {name}: " + (added.Count + removed.Count == 0 ? "unchanged" :
                string.Join("; ", new[] { added.Count > 0 ? "may now " + string.Join(", ", added) : null, removed.Count > 0 ? "may no longer " + string.Join(", ", removed) : null }.OfType<string>())),
            subject: name, before: before, after: after);
        await db.SaveChangesAsync(ct);
        matrix.Forget();
        keys.Forget();
        return new RoleView(name, BuiltInRoles.IsBuiltIn(name), after);
    }

    public static IReadOnlyList<PermissionView> Catalogue() => Enum.GetValues<Permission>().Select(p => new PermissionView(p, p.ToString())).ToList();

    public async Task<RoleView> GetAsync(string name, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(r => r.Name == name) ?? throw DomainException.NotFound("role.not-found", $"There is no role '{name}'.");
}
