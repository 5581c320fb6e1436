using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kasse.Data;
using Kasse.Domain.Fiscal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kasse.Application.Fiscal;

/// <summary>Where the business's signing certificate (a PKCS#12 file with its private key) is configured.</summary>
public sealed record SigningSettings(string? CertificatePath, string? CertificatePassword)
{
    public const string PathKey = "Kasse:Fiscal:CertificatePath";
    public const string PasswordKey = "Kasse:Fiscal:CertificatePassword";
}

/// <summary>
/// Finds the key that signs a company's transactions: the configured certificate if there is one,
/// otherwise a self-signed demo key made once per company and kept in the database.
/// </summary>
public sealed class SigningKeys(KasseDbContext db, SigningSettings settings, TimeProvider clock, ILogger<SigningKeys> logger)
{
    private static readonly ConcurrentDictionary<string, RSA> PrivateKeys = new();
    private static readonly ConcurrentDictionary<string, (string Version, string CertificateData, RSA PrivateKey)> ConfiguredCertificates = new();

    public sealed record ActiveKey(string KeyVersion, RSA PrivateKey);

    public async Task<ActiveKey> ForCompanyAsync(string companyId, CancellationToken ct)
    {
        if (settings.CertificatePath is { Length: > 0 } path)
            return await ConfiguredAsync(companyId, path, ct);
        var key = await db.SigningKeys.Where(k => k.CompanyId == companyId && k.PrivateKey != null)
            .OrderByDescending(k => k.CreatedAt).FirstOrDefaultAsync(ct);
        if (key is null)
        {
            key = CreateSelfSigned(companyId);
            db.SigningKeys.Add(key);
            await db.SaveChangesAsync(ct);
            logger.LogWarning("Made a self-signed signing key {KeyVersion} for CVR {CompanyId}. It is NOT valid for filing with the tax authority; "
                + "configure the business's OCES3 certificate in {Setting}.", key.KeyVersion, companyId, SigningSettings.PathKey);
        }
        var rsa = PrivateKeys.GetOrAdd(key.KeyVersion, _ =>
        {
            var imported = RSA.Create();
            imported.ImportPkcs8PrivateKey(Convert.FromBase64String(key.PrivateKey!), out int _);
            return imported;
        });
        return new ActiveKey(key.KeyVersion, rsa);
    }

    /// <summary>The public key of a key version, for verification; null if no such key is known.</summary>
    public async Task<RSA?> PublicKeyAsync(string keyVersion, CancellationToken ct)
    {
        var key = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyVersion == keyVersion, ct);
        if (key is null)
            return null;
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(key.Certificate));
        return certificate.GetRSAPublicKey();
    }

    private async Task<ActiveKey> ConfiguredAsync(string companyId, string path, CancellationToken ct)
    {
        // Read and decrypted once per process, not on every completed sale.
        var (version, certificateData, rsa) = ConfiguredCertificates.GetOrAdd(path, LoadCertificate);
        if (!await db.SigningKeys.AnyAsync(k => k.KeyVersion == version, ct))
        {
            db.SigningKeys.Add(new SigningKey(Guid.CreateVersion7(), companyId, version, certificateData, null, false, clock.Now()));
            await db.SaveChangesAsync(ct);
        }
        return new ActiveKey(version, rsa);
    }

    private (string Version, string CertificateData, RSA PrivateKey) LoadCertificate(string path)
    {
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, settings.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        var rsa = certificate.GetRSAPrivateKey() ?? throw new InvalidOperationException($"The certificate in {path} has no RSA private key.");
        return (certificate.Thumbprint, Convert.ToBase64String(certificate.RawData), rsa);
    }

    private SigningKey CreateSelfSigned(string companyId)
    {
        using var rsa = RSA.Create(2048);
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName("Kasse self-signed key - NOT VALID FOR FILING");
        subject.AddOrganizationName("CVR " + companyId);
        var request = new CertificateRequest(subject.Build(), rsa, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1);
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return new SigningKey(Guid.CreateVersion7(), companyId, certificate.Thumbprint, Convert.ToBase64String(certificate.RawData),
            Convert.ToBase64String(rsa.ExportPkcs8PrivateKey()), isSelfSigned: true, clock.Now());
    }
}
