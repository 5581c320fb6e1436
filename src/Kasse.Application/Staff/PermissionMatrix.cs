using System.Collections.Concurrent;
using Kasse.Data;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

/// <summary>
/// What each role may do, read from the database (built-in defaults where the owner changed nothing) and
/// kept in memory, because every request asks. A change through <see cref="RoleService"/> clears it.
/// </summary>
public sealed class PermissionMatrix
{
    private readonly ConcurrentDictionary<string, IReadOnlySet<Permission>> _cache = new(StringComparer.Ordinal);

    public async Task<IReadOnlySet<Permission>> PermissionsOfAsync(KasseDbContext db, string role, CancellationToken ct)
    {
        if (_cache.TryGetValue(role, out var cached))
            return cached;
        var stored = await db.Roles.AsNoTracking().FirstOrDefaultAsync(r => r.Name == role, ct);
        var permissions = stored?.Permissions
            ?? (Enum.TryParse<Role>(role, out var builtIn) && BuiltInRoles.IsBuiltIn(role) ? BuiltInRoles.Defaults(builtIn) : new HashSet<Permission>());
        _cache[role] = permissions;
        return permissions;
    }

    public void Forget() => _cache.Clear();
}
