namespace Kasse.Domain.Fiscal;

/// <summary>
/// A certificate that signs a company's transactions. In production it is the business's (or the POS
/// supplier's) OCES3 certificate, whose private key stays in its configured file; for the demo store and
/// tests Kasse makes a self-signed one, keeps its key here, and marks it as not valid for filing.
/// </summary>
public sealed class SigningKey
{
    private SigningKey() { CompanyId = ""; KeyVersion = ""; Certificate = ""; }

    public SigningKey(Guid id, string companyId, string keyVersion, string certificate, string? privateKey, bool isSelfSigned, DateTimeOffset createdAt)
    {
        Id = id;
        CompanyId = companyId;
        KeyVersion = keyVersion;
        Certificate = certificate;
        PrivateKey = privateKey;
        IsSelfSigned = isSelfSigned;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The company (CVR) whose transactions this key signs.</summary>
    public string CompanyId { get; private set; }

    /// <summary>SAF-T <c>keyVersion</c> (at most 50 characters): the certificate's SHA-1 thumbprint, naming exactly one key.</summary>
    public string KeyVersion { get; private set; }

    /// <summary>The X.509 certificate, DER in base64 (SAF-T <c>certificateData</c>).</summary>
    public string Certificate { get; private set; }

    /// <summary>
    /// Only for a self-signed key Kasse made itself: PKCS#8, encrypted with this installation's Data Protection key
    /// ring ("dp1:" and base64); plain PKCS#8 in base64 from before that, until its first use protects it.
    /// </summary>
    public string? PrivateKey { get; private set; }
    public bool IsSelfSigned { get; private set; }

    public void ProtectPrivateKey(string protectedKey) => PrivateKey = protectedKey;
    public DateTimeOffset CreatedAt { get; private set; }
}
