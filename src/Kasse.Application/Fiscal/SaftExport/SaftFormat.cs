using Kasse.Domain;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;

namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>Which country's SAF-T Cash Register file to write.</summary>
public enum SaftCountry
{
    /// <summary>Denmark: <c>SAF-T.xsd</c> v1.0.3, signatures RSA-SHA512 with the certificate in the file.</summary>
    DK,
    /// <summary>Norway: Skatteetaten's schema v1.00, signatures RSA-SHA1, no certificate in the file.</summary>
    NO,
}

/// <summary>
/// What differs between the Danish and the Norwegian file. The Danish schema was made from the Norwegian one,
/// so element names and order are shared; the differences are the namespace, the id length (Norway allows
/// 35 characters, so ids are written as 32 hex digits), the standard VAT codes, the company identifier, the
/// signature and whether the certificate travels in the file.
/// </summary>
public sealed class SaftFormat
{
    private SaftFormat(SaftCountry country, string ns, string version, string guidFormat, bool certificates)
    {
        Country = country;
        Namespace = ns;
        AuditfileVersion = version;
        _guidFormat = guidFormat;
        Certificates = certificates;
    }

    private readonly string _guidFormat;

    public static readonly SaftFormat Danish = new(SaftCountry.DK, DanishSaftDocument.Namespace, DanishSaftDocument.AuditFileVersion, "D", true);

    public static readonly SaftFormat Norwegian = new(SaftCountry.NO, "urn:StandardAuditFile-Taxation-CashRegister:NO", "1.00", "N", false);

    public static SaftFormat For(SaftCountry country) => country == SaftCountry.NO ? Norwegian : Danish;

    public SaftCountry Country { get; }
    public string Namespace { get; }
    public string AuditfileVersion { get; }

    /// <summary>Whether each transaction carries its signing certificate (<c>certificateData</c>, Danish only).</summary>
    public bool Certificates { get; }

    /// <summary>A Kasse id as the file writes it: the Danish signature signs the 36-character form.</summary>
    public string Id(Guid id) => id.ToString(_guidFormat);

    public string StandardVatCode(decimal percent) => Country == SaftCountry.NO ? SaftVatCodes.Norwegian(percent) : SaftVatCodes.Danish(percent);

    /// <summary>The transaction's signature by this country's rules.</summary>
    public string? Signature(Sale sale) => Country == SaftCountry.NO ? sale.NorwegianSignature : sale.Signature;

    /// <summary>The registration number the file names the company by, or why the store cannot have this file.</summary>
    public string CompanyIdent(Store store)
    {
        var ident = store.CompanyId.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (Country == SaftCountry.NO)
        {
            if (store.CountryCode != "NO")
                throw DomainException.Invalid(ExportErrors.Country,
                    $"The Norwegian SAF-T file is for a store in Norway; '{store.Name}' is in {store.CountryCode}. Export the {store.CountryCode} file instead.");
            if (ident.StartsWith("NO", StringComparison.OrdinalIgnoreCase))
                ident = ident[2..];
            if (ident.EndsWith("MVA", StringComparison.OrdinalIgnoreCase))
                ident = ident[..^3];
            if (ident.Length != 9 || !ident.All(char.IsAsciiDigit))
                throw DomainException.Invalid(ExportErrors.CompanyId,
                    $"The Norwegian SAF-T file needs the store's 9-digit organisation number, and '{store.CompanyId}' is not one. Correct the store's company id first.");
            if (store.Currency != "NOK")
                throw DomainException.Invalid(ExportErrors.Currency, $"The Norwegian SAF-T file is in NOK; the store '{store.Name}' sells in {store.Currency}.");
            return ident;
        }
        if (ident.StartsWith("DK", StringComparison.OrdinalIgnoreCase))
            ident = ident[2..];
        if (ident.Length != 8 || !ident.All(char.IsAsciiDigit))
            throw DomainException.Invalid(ExportErrors.Cvr,
                $"The Danish SAF-T file needs the store's 8-digit CVR number, and '{store.CompanyId}' is not one. Correct the store's company id first.");
        if (store.Currency is not ("DKK" or "EUR"))
            throw DomainException.Invalid(ExportErrors.Currency,
                $"The Danish SAF-T file is in DKK or EUR; the store '{store.Name}' sells in {store.Currency}.");
        return ident;
    }

    /// <summary>The VAT registration the file gives: DK + CVR in Denmark, the organisation number + MVA in Norway.</summary>
    public string TaxRegistration(string companyIdent) => Country == SaftCountry.NO ? companyIdent + "MVA" : "DK" + companyIdent;
}
