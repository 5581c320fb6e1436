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
            AuditTexts.RolePermissionsChanged(name, added.Select(p => p.ToString()).ToList(), removed.Select(p => p.ToString()).ToList()),
            subject: name, before: before, after: after);
        await db.SaveChangesAsync(ct);
        matrix.Forget();
        keys.Forget();
        return new RoleView(name, BuiltInRoles.IsBuiltIn(name), after);
    }

    /// <summary>Renames a custom role; its employees and API keys move with it (their sessions end, as on any change of role).</summary>
    public async Task<RoleView> RenameAsync(string name, string newName, CancellationToken ct)
    {
        var role = await CustomRoleAsync(name, ct);
        newName = RoleDefinition.ValidName(newName);
        if (newName == role.Name)
            return new RoleView(role.Name, false, role.Permissions.Order().ToList());
        if (BuiltInRoles.IsBuiltIn(newName) || await db.Roles.AnyAsync(r => r.Name == newName, ct))
            throw DomainException.Conflict(RoleErrors.Exists, $"There is already a role called '{newName}'.");
        var renamed = new RoleDefinition(newName, role.Permissions);
        db.Roles.Remove(role);
        db.Roles.Add(renamed);
        foreach (var employee in await db.Employees.Where(e => e.Role == role.Name).ToListAsync(ct))
            employee.ChangeRole(newName);
        foreach (var key in await db.ApiKeys.Where(k => k.Role == role.Name).ToListAsync(ct))
            key.MoveToRole(newName);
        audit.Record(AuditAction.RolePermissionsChanged, AuditTexts.RoleRenamed(role.Name, newName), subject: newName, before: role.Name, after: newName);
        await db.SaveChangesAsync(ct);
        matrix.Forget();
        keys.Forget();
        return new RoleView(newName, false, renamed.Permissions.Order().ToList());
    }

    /// <summary>Deletes a custom role nobody has any more.</summary>
    public async Task DeleteAsync(string name, CancellationToken ct)
    {
        var role = await CustomRoleAsync(name, ct);
        var people = await db.Employees.CountAsync(e => e.Role == role.Name, ct);
        var liveKeys = await db.ApiKeys.CountAsync(k => k.Role == role.Name && k.RevokedAt == null, ct);
        if (people + liveKeys > 0)
            throw DomainException.Conflict(RoleErrors.InUse,
                $"{people} employee(s) and {liveKeys} API key(s) have the role '{role.Name}'. Give them another role (or revoke the keys) first.");
        db.Roles.Remove(role);
        audit.Record(AuditAction.RolePermissionsChanged, AuditTexts.RoleDeleted(role.Name), subject: role.Name, before: role.Permissions.Order().ToList());
        await db.SaveChangesAsync(ct);
        matrix.Forget();
        keys.Forget();
    }

    private async Task<RoleDefinition> CustomRoleAsync(string name, CancellationToken ct)
    {
        if (BuiltInRoles.IsBuiltIn(name))
            throw DomainException.Invalid(RoleErrors.BuiltIn, $"{name} is a built-in role: it can't be renamed or deleted, only given other permissions.");
        return await db.Roles.FirstOrDefaultAsync(r => r.Name == name, ct)
            ?? throw DomainException.NotFound(RoleErrors.NotFound, $"There is no role '{name}'.");
    }

    public static IReadOnlyList<PermissionView> Catalogue() => Enum.GetValues<Permission>().Select(p => new PermissionView(p, p.ToString())).ToList();

    public async Task<RoleView> GetAsync(string name, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(r => r.Name == name) ?? throw DomainException.NotFound(RoleErrors.NotFound, $"There is no role '{name}'.");
}
