using Kasse.Domain.Accounting;

namespace Kasse.Application.Accounting;

public sealed record ChartAccountRequest(AccountRole Role, string? Qualifier, string? Number, string? Name);

public sealed record SetChart(IReadOnlyList<ChartAccountRequest>? Accounts);

/// <summary>The store's chart; <see cref="IsDefault"/> while the bookkeeper has not saved one of their own.</summary>
public sealed record ChartView(Guid StoreId, bool IsDefault, IReadOnlyList<ChartAccount> Accounts);

public sealed record SetConnector(string? Url, string? Journal, string? Token);

public sealed record ConnectorView(Guid StoreId, Uri Url, string Journal, bool TokenSet, DateTimeOffset ChangedAt);

/// <summary>A day's voucher with where it stands in the accounting system.</summary>
public sealed record DayView(DayVoucher Voucher, string VoucherNumber, decimal TotalDebit, decimal TotalCredit, bool Balanced,
    IReadOnlyList<PushView> Pushes, string Status);

public sealed record PushView(int Part, string ExternalId, PushStatus Status, int Attempts, string? VoucherNumber, string? LastError,
    int ZReports, decimal Total, DateTimeOffset? LastAttemptAt, DateTimeOffset? PushedAt)
{
    public static PushView Of(AccountingPush p) =>
        new(p.Part, p.ExternalId, p.Status, p.Attempts, p.VoucherNumber, p.LastError, p.ZReports.Count, p.Total, p.LastAttemptAt, p.PushedAt);
}

/// <summary>The day's status in one word: NotPushed, Pushed, Failed, Pending, or PartlyPushed (a Z report arrived after the push).</summary>
public static class DayStatus
{
    public const string NotPushed = "NotPushed";
    public const string PartlyPushed = "PartlyPushed";

    public static string Of(DayVoucher voucher, IReadOnlyList<AccountingPush> pushes)
    {
        if (pushes.Count == 0)
            return NotPushed;
        if (pushes.Any(p => p.Status == PushStatus.Failed))
            return nameof(PushStatus.Failed);
        if (pushes.Any(p => p.Status == PushStatus.Pending))
            return nameof(PushStatus.Pending);
        var booked = pushes.SelectMany(p => p.ZReports).ToHashSet();
        return voucher.ZReportIds.All(booked.Contains) ? nameof(PushStatus.Pushed) : PartlyPushed;
    }
}
