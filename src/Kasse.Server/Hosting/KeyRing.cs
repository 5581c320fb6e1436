using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Kasse.Application.Fiscal;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Kasse.Server.Hosting;

/// <summary>
/// This installation's ASP.NET Core Data Protection key ring: it encrypts the self-signed signing key's private half,
/// webhook secrets and the accounting token (and the sign-in cookies). It lives in the data folder beside the database,
/// not in it, so the server after a restart and the command line open what the server protected, while a copy of the
/// database alone reveals nothing. Its keys are themselves encrypted at rest: with DPAPI on Windows, elsewhere with a
/// certificate (<see cref="KeyRingCertificates"/>). Back it up with the database: without it, nothing protected opens again.
/// </summary>
public static class KeyRing
{
    public const string FolderKey = KeyRingOptions.Section + ":" + nameof(KeyRingOptions.KeysFolder);
    public const string CertificateKey = KeyRingOptions.Section + ":" + nameof(KeyRingOptions.Certificate);

    /// <summary>Shared by the server and the command line; with another name they could not read each other's data.</summary>
    public const string ApplicationName = "Kasse";

    public static string Folder(NodeOptions node, KeyRingOptions ring) =>
        ring.KeysFolder is { Length: > 0 } configured ? Path.GetFullPath(configured) : Path.Combine(DatabaseSettings.DataDirectory(node), "keys");

    public static IServiceCollection AddKasseKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<KeyRingCertificates>();
        // The folder and the certificate come from the validated settings, so they are read when the key ring is first used, not here.
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<NodeOptions>, IOptions<KeyRingOptions>, ILoggerFactory, KeyRingCertificates>((options, node, ring, logs, certificates) =>
        {
            options.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Folder(node.Value, ring.Value)), logs);
            // Windows protects the keys with DPAPI for this machine (the service and an administrator's command line both
            // open them), unless a certificate is configured; elsewhere a certificate does.
            if (OperatingSystem.IsWindows() && ring.Value.Certificate is not { Length: > 0 })
                options.XmlEncryptor = new DpapiXmlEncryptor(protectToLocalMachine: true, logs);
            else
                options.XmlEncryptor = new KeyRingCertificateEncryptor(certificates.Current, logs);
        });
        services.AddSingleton(sp => new KeyRingLocation(
            Folder(sp.GetRequiredService<IOptions<NodeOptions>>().Value, sp.GetRequiredService<IOptions<KeyRingOptions>>().Value),
            $"{FolderKey} (or --data)"));
        return services;
    }
}

/// <summary>
/// The certificate that encrypts the key ring's keys, and those it replaced (to open keys encrypted before a rotation).
/// Without one configured, Kasse makes a self-signed one once, in the data folder, readable by its owner only: the keys
/// are then not in clear on disk, but whoever copies the whole data folder has both; supply your own to keep them apart.
/// </summary>
public sealed class KeyRingCertificates(IOptions<NodeOptions> node, IOptions<KeyRingOptions> ring, ILogger<KeyRingCertificates> logger) : IDisposable
{
    public const string SelfSignedFileName = "keyring-certificate.pfx";

    private readonly Lazy<X509Certificate2> _current = new(() => Load(node.Value, ring.Value, logger));
    private readonly Lazy<IReadOnlyList<X509Certificate2>> _previous = new(() =>
        [.. ring.Value.PreviousCertificates.Where(p => p.Length > 0).Select(p => LoadFile(Path.GetFullPath(p), ring.Value.CertificatePassword))]);

    public X509Certificate2 Current => _current.Value;

    public IEnumerable<X509Certificate2> All => [Current, .. _previous.Value];

    public static string SelfSignedPath(NodeOptions node) => Path.Combine(DatabaseSettings.DataDirectory(node), SelfSignedFileName);

    public void Dispose()
    {
        if (_current.IsValueCreated)
            _current.Value.Dispose();
        if (_previous.IsValueCreated)
            foreach (var certificate in _previous.Value)
                certificate.Dispose();
    }

    private static X509Certificate2 Load(NodeOptions node, KeyRingOptions ring, ILogger logger)
    {
        if (ring.Certificate is { Length: > 0 } configured)
            return LoadFile(Path.GetFullPath(configured), ring.CertificatePassword);
        var path = SelfSignedPath(node);
        if (!File.Exists(path))
            MakeSelfSigned(path, logger);
        return LoadFile(path, password: null);
    }

    private static X509Certificate2 LoadFile(string path, string? password)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"The key ring's certificate {path} does not exist (set by {KeyRing.CertificateKey} or {KeyRingOptions.Section}:{nameof(KeyRingOptions.PreviousCertificates)}).");
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password,
            OperatingSystem.IsWindows() ? X509KeyStorageFlags.UserKeySet : X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"The key ring's certificate {path} has no RSA private key; it needs one to open the keys it encrypts.");
        }
        return certificate;
    }

    private static void MakeSelfSigned(string path, ILogger logger)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=Kasse key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(100));
        // Written to a file of its own first, readable by its owner only, and moved in place: the server and the
        // command line starting together never read half a file, and the first one's certificate wins.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var file = new FileStream(temporary, options))
            file.Write(certificate.Export(X509ContentType.Pkcs12));
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return;
        }
        logger.LogWarning("No certificate is configured to encrypt the key ring, so Kasse made a self-signed one at {Path} (readable by this user only). "
            + "Whoever copies the whole data folder has it too: supply your own .pfx with {Setting} (and {PasswordSetting}) and keep it apart from the data folder's backups (docs/operations.md, \"Secrets and the key ring\").",
            path, KeyRing.CertificateKey, KeyRingOptions.Section + ":" + nameof(KeyRingOptions.CertificatePassword));
    }
}

/// <summary>
/// Encrypts a key of the ring with the key ring's certificate (as Data Protection's own certificate encryptor does), and
/// names <see cref="KeyRingCertificateDecryptor"/> to open it: Data Protection's decryptor wants its certificates when
/// the services are registered, before the settings say which file they are in.
/// </summary>
public sealed class KeyRingCertificateEncryptor(X509Certificate2 certificate, ILoggerFactory logs) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _encryptor = new(certificate, logs);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(_encryptor.Encrypt(plaintextElement).EncryptedElement, typeof(KeyRingCertificateDecryptor));
}

/// <summary>Opens a key <see cref="KeyRingCertificateEncryptor"/> encrypted, with the current or a previous key ring certificate.</summary>
public sealed class KeyRingCertificateDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var certificates = services.GetRequiredService<KeyRingCertificates>();
        var document = new XmlDocument();
        document.Load(new XElement("root", encryptedElement).CreateReader());
        new WithCertificates(document, [.. certificates.All]).DecryptDocument();
        return XElement.Load(document.DocumentElement!.FirstChild!.CreateNavigator()!.ReadSubtree());
    }

    /// <summary>Looks the encrypting certificate up among Kasse's, by thumbprint, instead of in the machine's certificate stores.</summary>
    private sealed class WithCertificates(XmlDocument document, IReadOnlyList<X509Certificate2> certificates) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            foreach (var info in encryptedKey.KeyInfo.OfType<KeyInfoX509Data>())
            {
                foreach (var named in info.Certificates?.OfType<X509Certificate2>() ?? [])
                {
                    var match = certificates.FirstOrDefault(c => string.Equals(c.Thumbprint, named.Thumbprint, StringComparison.OrdinalIgnoreCase));
                    using var privateKey = match?.GetRSAPrivateKey();
                    if (privateKey is not null)
                        return DecryptKey(encryptedKey.CipherData.CipherValue!, privateKey, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
                }
            }
            throw new CryptographicException("The key ring's key was encrypted with a certificate Kasse does not have: configure it as "
                + $"{KeyRingOptions.Section}:{nameof(KeyRingOptions.Certificate)} or list it in {KeyRingOptions.Section}:{nameof(KeyRingOptions.PreviousCertificates)}.");
        }
    }
}
