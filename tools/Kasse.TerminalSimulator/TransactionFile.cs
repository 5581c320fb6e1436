using System.Text.Json;

namespace Kasse.TerminalSimulator;

public enum TransactionState
{
    WaitingForCard,
    Approved,
    Declined,
    Aborted,
    Reversed,
}

/// <summary>One transaction as the terminal keeps it: never the full card number, as a real terminal's journal.</summary>
public sealed class SimTransaction
{
    public required string ServiceId { get; init; }
    public required string SaleId { get; init; }
    public required string SaleTransactionId { get; init; }
    public required string PoiTransactionId { get; init; }
    public required decimal RequestedAmount { get; init; }
    public required string Currency { get; init; }
    public TransactionState State { get; set; }
    public decimal? ApprovedAmount { get; set; }

    /// <summary>A tip typed at the till (AmountsReq.TipAmount), charged on top.</summary>
    public decimal TypedTip { get; init; }

    /// <summary>The request asked the customer for a tip (SaleToAcquirerData tenderOption=AskGratuity).</summary>
    public bool AskedForTip { get; init; }

    /// <summary>The tip charged on top of <see cref="ApprovedAmount"/>.</summary>
    public decimal Tip { get; set; }
    public string? Scheme { get; set; }
    public string? MaskedPan { get; set; }
    public string? ApprovalCode { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Money was taken (even if later reversed).</summary>
    public bool Charged { get; set; }
}

/// <summary>The terminal's journal on disk, rewritten whole (write, flush, rename) after every change.</summary>
public sealed class TransactionFile(string path)
{
    public List<SimTransaction> Load()
    {
        if (!File.Exists(path))
            return [];
        return JsonSerializer.Deserialize<List<SimTransaction>>(File.ReadAllText(path), Terminal.Json) ?? [];
    }

    public void Save(IReadOnlyList<SimTransaction> transactions)
    {
        var temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write))
        {
            JsonSerializer.Serialize(stream, transactions, Terminal.Json);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }
}
