using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Kasse.Domain.Fiscal;

/// <summary>
/// One entry of a store's electronic journal. Append-only: each entry holds the hash of the one before, so
/// editing, deleting or reordering any entry breaks the chain from there on (DESIGN.md "Fiscal journal").
/// </summary>
public sealed class JournalEntry
{
    /// <summary>The "previous hash" of a store's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private JournalEntry() { EventCode = ""; Kind = ""; Payload = ""; PreviousHash = ""; Hash = ""; }

    private JournalEntry(Guid id, Guid storeId, long sequence, DateTimeOffset at, JournalEventKind kind, Guid? registerId,
        Guid? employeeId, Guid? saleId, string payload, string previousHash)
    {
        Id = id;
        StoreId = storeId;
        Sequence = sequence;
        At = at;
        Kind = kind.ToString();
        EventCode = SaftCodes.EventCode(kind);
        RegisterId = registerId;
        EmployeeId = employeeId;
        SaleId = saleId;
        Payload = payload;
        PreviousHash = previousHash;
        Hash = ComputeHash();
    }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }

    /// <summary>Gapless per store, from 1.</summary>
    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Kind { get; private set; }
    public string EventCode { get; private set; }
    public Guid? RegisterId { get; private set; }
    public Guid? EmployeeId { get; private set; }
    public Guid? SaleId { get; private set; }

    /// <summary>The event's content as canonical JSON (see <see cref="FiscalPayload"/>).</summary>
    public string Payload { get; private set; }
    public string PreviousHash { get; private set; }
    public string Hash { get; private set; }

    public static JournalEntry Append(long previousSequence, string previousHash, Guid storeId, DateTimeOffset at, JournalEventKind kind,
        Guid? registerId, Guid? employeeId, Guid? saleId, string payload) =>
        new(Guid.CreateVersion7(at), storeId, previousSequence + 1, at, kind, registerId, employeeId, saleId, payload, previousHash);

    /// <summary>SHA-256 over a fixed, versioned, line-per-field serialisation of everything in the entry.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join('\n',
            "kasse-journal-v1",
            Sequence.ToString(CultureInfo.InvariantCulture),
            StoreId.ToString("D"),
            At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Kind,
            EventCode,
            RegisterId?.ToString("D") ?? "",
            EmployeeId?.ToString("D") ?? "",
            SaleId?.ToString("D") ?? "",
            Payload,
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
