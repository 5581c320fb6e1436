namespace Kasse.Domain.SelfService;

/// <summary>
/// A browser paired as a kiosk register's screen. A manager makes a one-time pairing code (short-lived); the kiosk's browser
/// trades it for a device token it keeps. Only hashes are stored: neither the code nor the token can be read back.
/// Revoking it (or making the register a till again) ends the kiosk at its next tap.
/// </summary>
public sealed class KioskDevice
{
    public const int HashLength = 64;

    private KioskDevice() { PairingCodeHash = ""; }

    public KioskDevice(Guid id, Guid storeId, Guid registerId, string pairingCodeHash, DateTimeOffset createdAt, DateTimeOffset pairingExpiresAt)
    {
        Id = id;
        StoreId = storeId;
        RegisterId = registerId;
        PairingCodeHash = pairingCodeHash;
        CreatedAt = createdAt;
        PairingExpiresAt = pairingExpiresAt;
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid RegisterId { get; private set; }
    public string PairingCodeHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset PairingExpiresAt { get; private set; }

    /// <summary>The hash of the token the paired browser holds; null until paired.</summary>
    public string? TokenHash { get; private set; }
    public DateTimeOffset? PairedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    public bool IsActive => TokenHash is not null && RevokedAt is null;

    public void Pair(string tokenHash, DateTimeOffset at)
    {
        if (TokenHash is not null || RevokedAt is not null || at > PairingExpiresAt)
            throw DomainException.Conflict(KioskErrors.PairingCode, "This pairing code is used up or has expired; ask a manager for a new one.");
        TokenHash = tokenHash;
        PairedAt = at;
    }

    public void Revoke(DateTimeOffset at) => RevokedAt ??= at;
}

/// <summary>The codes of the kiosk's refusals (Errors.resx / Errors.da.resx).</summary>
public static class KioskErrors
{
    public const string PairingCode = "kiosk.pairing-code";
    public const string NotKiosk = "kiosk.not-kiosk";
    public const string NoCash = "kiosk.no-cash";
    public const string OtherRegister = "kiosk.other-register";
    public const string NotPaid = "kiosk.not-paid";
    public const string MayNot = "kiosk.may-not";
}
