namespace Kasse.Domain.CashControl;

/// <summary>
/// An X or Z report as it was made: its full content as canonical JSON (the very text of its journal entry),
/// and, for finding the previous Z quickly, where its period ended and its grand totals.
/// </summary>
public sealed class StoredReport
{
    private StoredReport() { Content = ""; }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public Guid RegisterId { get; private set; }
    public ReportType Type { get; private set; }
    public long Number { get; private set; }
    public DateTimeOffset At { get; private set; }

    /// <summary>The journal sequence of the report's own entry; the next period starts after it.</summary>
    public long JournalSequence { get; private set; }
    public decimal GrandTotalSales { get; private set; }
    public decimal GrandTotalReturn { get; private set; }
    public decimal GrandTotalSalesNet { get; private set; }

    /// <summary>The report as canonical JSON (<see cref="ReportPayload"/>).</summary>
    public string Content { get; private set; }

    /// <summary>The hash of the report's own journal entry when it was made: the chain up to here, as the report signed it.</summary>
    public string? AnchorHash { get; private set; }

    /// <summary>What the report covers (<see cref="ReportCoverage.Canonical"/>), as it signed it.</summary>
    public string? Coverage { get; private set; }

    /// <summary>
    /// RSA-SHA512 (PKCS#1 v1.5, base64) with the company's signing key over <see cref="AnchorMessage"/>; null for a
    /// report made before reports were signed.
    /// </summary>
    public string? Signature { get; private set; }
    public string? KeyVersion { get; private set; }

    public GrandTotals GrandTotals => new(GrandTotalSales, GrandTotalReturn, GrandTotalSalesNet);

    public void Anchor(string journalHash, string coverage, string signature, string keyVersion)
    {
        AnchorHash = journalHash;
        Coverage = coverage;
        Signature = signature;
        KeyVersion = keyVersion;
    }

    /// <summary>
    /// What a report's signature covers: which report it is, its full content, its coverage, and the journal's
    /// sequence and hash at its own entry. Whoever rewrites an entry at or before that sequence and recomputes the
    /// chain changes that hash, and cannot sign the new one without the company's private key.
    /// </summary>
    public static string AnchorMessage(Guid reportId, Guid storeId, Guid registerId, ReportType type, long number, long journalSequence,
        string journalHash, string content, string coverage) => string.Join('\n',
        "kasse-report-anchor-v1",
        reportId.ToString("D"),
        storeId.ToString("D"),
        registerId.ToString("D"),
        type.ToString(),
        number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        journalSequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        journalHash,
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(content))),
        coverage);

    public string AnchorMessage() =>
        AnchorMessage(Id, StoreId, RegisterId, Type, Number, JournalSequence, AnchorHash ?? "", Content, Coverage ?? "");

    public static StoredReport Of(RegisterReport report, long journalSequence, string content) => new()
    {
        Id = report.Id,
        StoreId = report.StoreId,
        RegisterId = report.RegisterId,
        Type = report.Type,
        Number = report.Number,
        At = report.At,
        JournalSequence = journalSequence,
        GrandTotalSales = report.GrandTotals.Sales,
        GrandTotalReturn = report.GrandTotals.Return,
        GrandTotalSalesNet = report.GrandTotals.SalesNet,
        Content = content,
    };
}
