using System.Security.Cryptography;
using System.Text;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.SelfService;
using Kasse.Domain.Staff;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.SelfService;

/// <param name="Code">Shown once to the manager, typed (or opened as a link) on the kiosk's browser.</param>
public sealed record KioskPairingCode(Guid DeviceId, Guid RegisterId, string Code, DateTimeOffset ExpiresAt);

/// <param name="Token">The secret the kiosk's browser keeps; only its hash is stored.</param>
public sealed record KioskPairing(Guid DeviceId, Guid RegisterId, string Token);

/// <summary>A paired kiosk as it acts: its device, store and register.</summary>
public sealed record KioskIdentity(Guid DeviceId, Guid StoreId, Guid RegisterId, string RegisterName)
{
    /// <summary>
    /// The kiosk acts as itself, named after its register, in its store only, with just what a self-service sale needs:
    /// look up the menu and sell (no void, return, discount or cash; <see cref="Kasse.Application.Sales.SaleUseCases"/> keeps it
    /// on its own register).
    /// </summary>
    public Actor Actor => new($"Kiosk {RegisterName}", null, null, RegisterId, KioskPermissions, new HashSet<Guid> { StoreId }, DeviceId);

    public static readonly IReadOnlySet<Permission> KioskPermissions = new HashSet<Permission> { Permission.Browse, Permission.Sell };
}

public sealed record KioskDeviceView(Guid Id, Guid RegisterId, DateTimeOffset CreatedAt, DateTimeOffset PairingExpiresAt, DateTimeOffset? PairedAt,
    DateTimeOffset? RevokedAt, bool IsActive)
{
    public static KioskDeviceView From(KioskDevice d) => new(d.Id, d.RegisterId, d.CreatedAt, d.PairingExpiresAt, d.PairedAt, d.RevokedAt, d.IsActive);
}

public sealed record SetRegisterKind(RegisterKind Kind);

/// <summary>
/// Self-service kiosks (docs/self-service.md): a manager marks a register as a kiosk and makes a one-time pairing code; the
/// kiosk's browser trades the code for a device token and from then on acts as the kiosk (<see cref="KioskIdentity.Actor"/>).
/// </summary>
public sealed class KioskService(KasseDbContext db, CurrentActor actor, AuditTrail audit, TimeProvider clock)
{
    /// <summary>How long a pairing code may be used.</summary>
    public static readonly TimeSpan PairingLifetime = TimeSpan.FromMinutes(15);

    private Actor Caller => actor.Value;

    public async Task<RegisterView> SetKindAsync(Guid registerId, SetRegisterKind command, CancellationToken ct)
    {
        Caller.Require(Permission.ManageSettings);
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        Caller.EnsureMayActIn(register.StoreId);
        var before = register.Kind;
        if (register.SetKind(command.Kind))
        {
            // A till again: its kiosk browsers stop acting at their next tap.
            if (command.Kind != RegisterKind.Kiosk)
                foreach (var device in await db.KioskDevices.Where(d => d.RegisterId == registerId && d.RevokedAt == null).ToListAsync(ct))
                    device.Revoke(clock.GetUtcNow());
            audit.Record(AuditAction.SettingChanged, AuditTexts.RegisterKindChanged(register.Name, before.ToString(), command.Kind.ToString()),
                subject: "register:" + registerId, storeId: register.StoreId, registerId: registerId,
                before: new { Kind = before.ToString() }, after: new { Kind = command.Kind.ToString() });
            await db.SaveChangesAsync(ct);
        }
        return RegisterView.From(register);
    }

    public async Task<KioskPairingCode> CreatePairingCodeAsync(Guid registerId, CancellationToken ct)
    {
        Caller.Require(Permission.ManageSettings);
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        Caller.EnsureMayActIn(register.StoreId);
        if (register.Kind != RegisterKind.Kiosk)
            throw DomainException.Conflict(KioskErrors.NotKiosk, "This register is not a kiosk; mark it as a kiosk in the back office first.");
        // Eight digits: typed on a touch screen's keypad; one-time and short-lived, and only its hash is kept.
        var code = RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var now = clock.GetUtcNow();
        var device = new KioskDevice(Guid.CreateVersion7(), register.StoreId, register.Id, Hash(code), now, now + PairingLifetime);
        db.KioskDevices.Add(device);
        audit.Record(AuditAction.SettingChanged, AuditTexts.KioskPairingMade(register.Name), subject: "register:" + registerId,
            storeId: register.StoreId, registerId: registerId);
        await db.SaveChangesAsync(ct);
        return new KioskPairingCode(device.Id, register.Id, code, device.PairingExpiresAt);
    }

    public async Task<IReadOnlyList<KioskDeviceView>> DevicesAsync(Guid registerId, CancellationToken ct)
    {
        Caller.Require(Permission.ManageSettings);
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        Caller.EnsureMayActIn(register.StoreId);
        var devices = await db.KioskDevices.AsNoTracking().Where(d => d.RegisterId == registerId).ToListAsync(ct);
        return devices.OrderByDescending(d => d.CreatedAt).Select(KioskDeviceView.From).ToList();
    }

    public async Task<KioskDeviceView> RevokeAsync(Guid deviceId, CancellationToken ct)
    {
        Caller.Require(Permission.ManageSettings);
        var device = await db.KioskDevices.FirstOrDefaultAsync(d => d.Id == deviceId, ct)
            ?? throw DomainException.NotFound(KioskErrors.PairingCode, "This pairing code is used up or has expired; ask a manager for a new one.");
        Caller.EnsureMayActIn(device.StoreId);
        var register = await StoreService.FindRegisterAsync(db, device.RegisterId, ct);
        device.Revoke(clock.GetUtcNow());
        audit.Record(AuditAction.SettingChanged, AuditTexts.KioskRevoked(register.Name), subject: "register:" + register.Id,
            storeId: register.StoreId, registerId: register.Id);
        await db.SaveChangesAsync(ct);
        return KioskDeviceView.From(device);
    }

    /// <summary>
    /// Trades a pairing code for the device token. Needs no sign-in: the code itself is the manager's say-so (one use,
    /// 15 minutes); a wrong or used code is refused alike.
    /// </summary>
    public async Task<KioskPairing> PairAsync(string code, CancellationToken ct)
    {
        var hash = Hash((code ?? "").Trim());
        var now = clock.GetUtcNow();
        var device = await db.KioskDevices.FirstOrDefaultAsync(d => d.PairingCodeHash == hash, ct)
            ?? throw DomainException.Invalid(KioskErrors.PairingCode, "This pairing code is used up or has expired; ask a manager for a new one.");
        var register = await StoreService.FindRegisterAsync(db, device.RegisterId, ct);
        if (register.Kind != RegisterKind.Kiosk)
            throw DomainException.Conflict(KioskErrors.NotKiosk, "This register is not a kiosk; mark it as a kiosk in the back office first.");
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        device.Pair(Hash(token), now);
        var kiosk = new KioskIdentity(device.Id, register.StoreId, register.Id, register.Name);
        audit.Record(AuditAction.SettingChanged, AuditTexts.KioskPaired(register.Name), subject: "register:" + register.Id,
            storeId: register.StoreId, registerId: register.Id, by: kiosk.Actor);
        await db.SaveChangesAsync(ct);
        return new KioskPairing(device.Id, register.Id, token);
    }

    /// <summary>The kiosk a device token belongs to, while it is paired and its register is still a kiosk; else null.</summary>
    public async Task<KioskIdentity?> IdentifyAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token))
            return null;
        var hash = Hash(token);
        var found = await (from d in db.KioskDevices.AsNoTracking()
                           join r in db.Registers.AsNoTracking() on d.RegisterId equals r.Id
                           where d.TokenHash == hash && d.RevokedAt == null && r.Kind == RegisterKind.Kiosk
                           select new KioskIdentity(d.Id, r.StoreId, r.Id, r.Name)).FirstOrDefaultAsync(ct);
        return found;
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
