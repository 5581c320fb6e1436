using System.Security.Cryptography;
using System.Text;
using Kasse.Application.Fiscal;
using Microsoft.AspNetCore.DataProtection;

namespace Kasse.Application.Hosting;

/// <summary>
/// Keeps the secrets Kasse has to use again (webhook secrets, the accounting system's token) encrypted with this
/// installation's Data Protection key ring, which lives beside the database, not in it: a copy of the database alone
/// reveals none of them. Values saved before (clear text) are still read, and <see cref="SecretsAtRest"/> encrypts them.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider, KeyRingLocation location)
{
    public const string Purpose = "Kasse.Secrets.v1";

    /// <summary>Marks a protected value; a clear value saved before this had no way to begin so (a webhook secret is checked printable, a token is a token).</summary>
    public const string Prefix = "dp1:";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public string Protect(string clear) => Prefix + Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(clear)));

    /// <summary>The clear secret; <paramref name="what"/> names it in the error when the key ring cannot open it.</summary>
    public string Unprotect(string stored, string what)
    {
        if (!IsProtected(stored))
            return stored;
        try
        {
            return Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(stored[Prefix.Length..])));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            throw new InvalidOperationException(
                $"{what} is protected by this installation's key ring, and the key ring in {location.Folder} cannot open it: it is missing or is "
                + $"another installation's. Restore that folder from the backup taken with the database, or point {location.Setting} at it.", e);
        }
    }
}
