using System.Net;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kasse.Application.Demo;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Staff;

/// <summary>
/// Kasse serves HTTPS with the business's own certificate through Kestrel's documented settings
/// (docs/staff.md), and over HTTPS its session cookie is Secure and answers carry HSTS.
/// </summary>
public abstract class HttpsTests(DatabaseProvider provider)
{
    private const string CertificatePassword = "test-only-certificate-password";

    [Fact]
    public async Task Kestrel_serves_HTTPS_with_the_configured_certificate_and_the_session_cookie_is_Secure_there()
    {
        using var certificate = SelfSignedFor127();
        var pfx = Path.Combine(Path.GetTempPath(), $"kasse_https_{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, CertificatePassword));
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await KasseHost.StartAsync(provider, database.ConnectionString, new Dictionary<string, string?>
        {
            [KasseWebApp.SeedDemoKey] = "true",
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = pfx,
            ["Kestrel:Endpoints:Https:Certificate:Password"] = CertificatePassword,
        });
        try
        {
            var address = host.Addresses.Single(a => a.Scheme == Uri.UriSchemeHttps);
            X509Certificate2? presented = null;
            using var handler = new HttpClientHandler
            {
                UseCookies = false,
                // Trust exactly this certificate: the chain must end in it and the name must match 127.0.0.1.
                ServerCertificateCustomValidationCallback = (_, serverCertificate, _, errors) =>
                {
                    presented = serverCertificate is null ? null : new X509Certificate2(serverCertificate);
                    if (serverCertificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
                        return false;
                    using var chain = new X509Chain();
                    chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                    chain.ChainPolicy.CustomTrustStore.Add(certificate);
                    chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                    return chain.Build(serverCertificate);
                },
            };
            using var http = new HttpClient(handler) { BaseAddress = address };

            using var health = await http.GetAsync("/health");
            using var signIn = await http.PostAsJsonAsync("/api/v1/auth/sign-in",
                new { userName = DemoSeeder.EmployeeUserName, password = DemoSeeder.EmployeePassword });

            Assert.Equal("127.0.0.1", address.Host);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(certificate.Thumbprint, presented?.Thumbprint);
            Assert.Contains("max-age=", health.Headers.GetValues("Strict-Transport-Security").Single());
            Assert.True(signIn.IsSuccessStatusCode, $"Password sign-in over HTTPS answered {(int)signIn.StatusCode}: {await signIn.Content.ReadAsStringAsync()}");
            var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kasse.session=", StringComparison.Ordinal));
            var attributes = session.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.Contains("secure", attributes);
            Assert.Contains("httponly", attributes);
            Assert.Contains("samesite=strict", attributes);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private static X509Certificate2 SelfSignedFor127()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
    }
}

public sealed class HttpsOnSqlite() : HttpsTests(DatabaseProvider.Sqlite);

public sealed class HttpsOnPostgres() : HttpsTests(DatabaseProvider.Postgres);
