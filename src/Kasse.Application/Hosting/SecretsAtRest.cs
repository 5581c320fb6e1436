using Kasse.Application.Fiscal;
using Kasse.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kasse.Application.Hosting;

/// <summary>
/// Encrypts the secrets a database saved before they were kept encrypted (migration <c>SecretsAtRest</c>): webhook
/// secrets, accounting tokens, and the private halves of self-signed signing keys that were never used again. The host
/// runs it right after applying migrations, since a migration's SQL cannot reach the key ring (it is not in the database).
/// </summary>
public sealed class SecretsAtRest(KasseDbContext db, SecretProtector secrets, SigningKeyProtector signingKeys, ILogger<SecretsAtRest> logger)
{
    /// <summary>How many values it encrypted; 0 on a database that has none in clear.</summary>
    public async Task<int> ProtectClearValuesAsync(CancellationToken ct)
    {
        var count = 0;
        foreach (var webhook in await db.WebhookSubscriptions.Where(w => !w.Secret.StartsWith(SecretProtector.Prefix)).ToListAsync(ct))
        {
            webhook.KeepSecretAs(secrets.Protect(webhook.Secret));
            count++;
        }
        foreach (var connector in await db.AccountingConnectors.Where(c => c.Token != "" && !c.Token.StartsWith(SecretProtector.Prefix)).ToListAsync(ct))
        {
            connector.KeepTokenAs(secrets.Protect(connector.Token));
            count++;
        }
        foreach (var key in await db.SigningKeys.Where(k => k.PrivateKey != null && !k.PrivateKey.StartsWith(SigningKeyProtector.Prefix)).ToListAsync(ct))
        {
            key.ProtectPrivateKey(signingKeys.Protect(signingKeys.Unprotect(key).Pkcs8));
            count++;
        }
        if (count == 0)
            return 0;
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Encrypted {Count} secrets that were kept in clear in the database (webhook secrets, accounting tokens, signing keys) with this installation's key ring.", count);
        return count;
    }
}
