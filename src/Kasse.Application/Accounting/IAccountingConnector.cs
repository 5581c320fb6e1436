using Kasse.Domain.Accounting;

namespace Kasse.Application.Accounting;

/// <summary>A voucher as an accounting system receives it: balanced entries, debit positive and credit negative.</summary>
public sealed record ConnectorVoucher(string ExternalId, DateOnly Date, string Number, string Text, string Currency, IReadOnlyList<ConnectorEntry> Entries)
{
    public static ConnectorVoucher Of(AccountingPush push, DayVoucher voucher) => new(
        push.ExternalId, voucher.BusinessDay, push.Part == 1 ? voucher.VoucherNumber : $"{voucher.VoucherNumber}-{push.Part}",
        push.Part == 1 ? voucher.Text : $"{voucher.Text}, tillæg {push.Part}", voucher.Currency,
        voucher.Lines.Select(l => new ConnectorEntry(l.Account, l.Amount, l.Text)).ToList());
}

public sealed record ConnectorEntry(string Account, decimal Amount, string Text);

public enum ConnectorOutcome
{
    /// <summary>The accounting system holds the voucher (now, or from an earlier attempt whose answer was lost).</summary>
    Accepted,
    /// <summary>Worth trying again: no answer, a timeout, a 5xx, or "too many requests".</summary>
    Transient,
    /// <summary>Trying again won't help until someone changes something (the token, an account number).</summary>
    Rejected,
}

public sealed record ConnectorResult(ConnectorOutcome Outcome, string? VoucherNumber, string? Error)
{
    public static ConnectorResult Accepted(string voucherNumber) => new(ConnectorOutcome.Accepted, voucherNumber, null);
    public static ConnectorResult Transient(string error) => new(ConnectorOutcome.Transient, null, error);
    public static ConnectorResult Rejected(string error) => new(ConnectorOutcome.Rejected, null, error);
}

/// <summary>
/// The seam to an accounting system. A connector must be idempotent on <see cref="ConnectorVoucher.ExternalId"/>:
/// pushing the same voucher twice leaves one voucher in the accounting system.
/// </summary>
public interface IAccountingConnector
{
    Task<ConnectorResult> PushAsync(AccountingConnectorSettings settings, ConnectorVoucher voucher, CancellationToken ct);
}
