using System.Text.Json;

namespace Kasse.AccountingSimulator;

public sealed record EntryIn(string? Account, decimal Amount, string? Text);

public sealed record VoucherIn(string? ExternalId, string? Date, string? Number, string? Text, string? Currency, List<EntryIn>? Entries);

public sealed record StoredVoucher(string Journal, string VoucherNumber, string ExternalId, string? IdempotencyKey, string Date, string? Number,
    string? Text, string? Currency, List<EntryIn> Entries, DateTimeOffset ReceivedAt);

/// <summary>What the next posts should suffer: answer 503 a number of times, or book the voucher and drop the answer.</summary>
public sealed record NextBehaviour(int Fail = 0, bool LoseAnswer = false);

/// <summary>
/// The accounting system's journals in miniature: vouchers kept in a file, numbered per journal, found again by
/// their external id or idempotency key so a repeated post never books twice.
/// </summary>
public sealed class Ledger(string file)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private readonly Lock _gate = new();
    private readonly List<StoredVoucher> _vouchers = File.Exists(file)
        ? JsonSerializer.Deserialize<List<StoredVoucher>>(File.ReadAllText(file), Json) ?? []
        : [];
    private NextBehaviour _next = new();

    public IReadOnlyList<StoredVoucher> All()
    {
        lock (_gate)
            return _vouchers.ToList();
    }

    public IReadOnlyList<StoredVoucher> Find(string journal, string? externalId)
    {
        lock (_gate)
            return _vouchers.Where(v => v.Journal == journal && (externalId is null || v.ExternalId == externalId)).ToList();
    }

    public void Next(NextBehaviour next)
    {
        lock (_gate)
            _next = next;
    }

    /// <summary>Takes one failure off the queue; true if this post should fail.</summary>
    public bool FailThisOne()
    {
        lock (_gate)
        {
            if (_next.Fail <= 0)
                return false;
            _next = _next with { Fail = _next.Fail - 1 };
            return true;
        }
    }

    public bool LoseThisAnswer()
    {
        lock (_gate)
        {
            var lose = _next.LoseAnswer;
            _next = _next with { LoseAnswer = false };
            return lose;
        }
    }

    /// <summary>Books the voucher, or answers the one booked before under the same external id or idempotency key.</summary>
    public (StoredVoucher Voucher, bool Created) Book(string journal, VoucherIn voucher, string? idempotencyKey, DateTimeOffset now)
    {
        lock (_gate)
        {
            var earlier = _vouchers.FirstOrDefault(v => v.Journal == journal
                && (v.ExternalId == voucher.ExternalId || (idempotencyKey is not null && v.IdempotencyKey == idempotencyKey)));
            if (earlier is not null)
                return (earlier, false);
            var number = (_vouchers.Count(v => v.Journal == journal) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stored = new StoredVoucher(journal, number, voucher.ExternalId!, idempotencyKey, voucher.Date!, voucher.Number, voucher.Text,
                voucher.Currency, voucher.Entries!, now);
            _vouchers.Add(stored);
            var temporary = file + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(_vouchers, Json));
            File.Move(temporary, file, overwrite: true);
            return (stored, true);
        }
    }
}
