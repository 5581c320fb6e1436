using System.Globalization;
using System.Text.Json;
using Kasse.Application.Stores;
using Kasse.Application.Webhooks;
using Kasse.Data;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Domain.Stores;
using Kasse.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

public sealed record FraudAlertView(Guid Id, FraudRule Rule, DateTimeOffset RaisedAt, Guid? StoreId, Guid? EmployeeId, DateOnly Day, decimal Observed,
    decimal Threshold, string Explanation, IReadOnlyList<string> Events, DateTimeOffset? AcknowledgedAt, Guid? AcknowledgedById, string? AcknowledgementNote)
{
    public static FraudAlertView From(FraudAlert a) => new(a.Id, a.Rule, a.RaisedAt, a.StoreId, a.EmployeeId, a.Day, a.Observed, a.Threshold, a.Explanation,
        a.Events.Split(',', StringSplitOptions.RemoveEmptyEntries), a.AcknowledgedAt, a.AcknowledgedById, a.AcknowledgementNote);
}

public sealed record FraudRuleView(FraudRule Rule, decimal Threshold, decimal DefaultThreshold, string Description);

/// <summary>
/// Evaluates the fraud rules over one store's business day: after each suspicious event (so a manager hears
/// the same day) and in a daily sweep. An alert is raised once per rule, employee (or register) and day.
/// </summary>
public sealed class FraudDetector(KasseDbContext db, StaffSettings settings, AuditTrail audit, CurrentActor actor, WebhookOutbox webhooks, TimeProvider clock)
{
    private sealed record Finding(FraudRule Rule, Guid? EmployeeId, decimal Observed, decimal Threshold, string Explanation, IReadOnlyList<string> Events);

    private sealed record AuditRow(Guid Id, AuditAction Action, Guid? ActorEmployeeId, Guid? RegisterId, string? Subject, string? After, DateTimeOffset At);

    public async Task<IReadOnlyList<FraudRuleView>> RulesAsync(CancellationToken ct)
    {
        var rules = new List<FraudRuleView>();
        foreach (var rule in Enum.GetValues<FraudRule>())
            rules.Add(new FraudRuleView(rule, await ThresholdAsync(rule, ct), FraudRules.DefaultThreshold(rule), FraudRules.Describe(rule)));
        return rules;
    }

    public async Task<FraudRuleView> TuneAsync(FraudRule rule, decimal threshold, CancellationToken ct)
    {
        if (threshold < 0m)
            throw Kasse.Domain.DomainException.Invalid(FraudRuleErrors.Threshold, "A threshold is zero or more.");
        await settings.SetAsync(FraudRules.SettingKey(rule), threshold, FraudRules.DefaultThreshold(rule), ct);
        return new FraudRuleView(rule, threshold, FraudRules.DefaultThreshold(rule), FraudRules.Describe(rule));
    }

    private Task<decimal> ThresholdAsync(FraudRule rule, CancellationToken ct) =>
        settings.GetAsync(FraudRules.SettingKey(rule), FraudRules.DefaultThreshold(rule), ct);

    /// <summary>Evaluates today's business day of the store, right after a suspicious event.</summary>
    public async Task<IReadOnlyList<FraudAlertView>> AfterEventAsync(Guid storeId, CancellationToken ct)
    {
        var store = await StoreService.FindStoreAsync(db, storeId, ct);
        return await EvaluateAsync(storeId, store.BusinessDayOf(clock.Now()), ct);
    }

    public async Task<IReadOnlyList<FraudAlertView>> EvaluateAsync(Guid storeId, DateOnly day, CancellationToken ct)
    {
        var store = await StoreService.FindStoreAsync(db, storeId, ct);
        var from = Start(store, day);
        var to = Start(store, day.AddDays(1));
        var findings = new List<Finding>();
        var audits = (await db.AuditEntries.AsNoTracking().Where(a => a.StoreId == storeId && a.At >= from && a.At < to)
            .Select(a => new AuditRow(a.Id, a.Action, a.ActorEmployeeId, a.RegisterId, a.Subject, a.After, a.At)).ToListAsync(ct));
        var sales = await db.Sales.AsNoTracking().Include(s => s.Payments)
            .Where(s => s.StoreId == storeId && s.OpenedAt >= from && s.OpenedAt < to).ToListAsync(ct);

        await VoidsAndRefundsAsync(findings, sales, audits, ct);
        await CountPerEmployeeAsync(findings, FraudRule.RefundsWithoutReceipt, "returns without a receipt",
            sales.Where(s => s.Kind == SaleKind.Return && s.Status == SaleStatus.Completed && s.OriginalSaleId == null && !s.IsTraining)
                .Select(s => (s.CashierId, s.Id.ToString())), ct);
        await RefundToOtherCardAsync(findings, sales, ct);
        await CountPerEmployeeAsync(findings, FraudRule.NoSaleDrawerOpens, "drawer opens without a sale",
            audits.Where(a => a.Action == AuditAction.DrawerOpened).Select(a => (a.ActorEmployeeId, "audit:" + a.Id)), ct);
        var discounts = audits.Where(a => a.Action == AuditAction.DiscountGiven && a.After is not null)
            .Select(a => (Row: a, Record: JsonSerializer.Deserialize<DiscountRecord>(a.After!, JsonOptions)!)).ToList();
        await CountPerEmployeeAsync(findings, FraudRule.DiscountsAboveThreshold, "discounts above the approval limit",
            discounts.Where(d => d.Record.Percent > d.Record.Limit).Select(d => (d.Row.ActorEmployeeId, "audit:" + d.Row.Id)), ct);
        await CountPerEmployeeAsync(findings, FraudRule.SalesJustUnderApprovalLimit, "discounts just under the approval limit",
            discounts.Where(d => d.Record.Percent <= d.Record.Limit && d.Record.Percent >= d.Record.Limit - 2m).Select(d => (d.Row.ActorEmployeeId, "audit:" + d.Row.Id)), ct);
        await CountPerEmployeeAsync(findings, FraudRule.PriceOverrides, "price overrides",
            audits.Where(a => a.Action == AuditAction.PriceOverridden).Select(a => (a.ActorEmployeeId, "audit:" + a.Id)), ct);
        await CountPerEmployeeAsync(findings, FraudRule.TrainingOutsideTraining, "training-mode receipts",
            sales.Where(s => s.IsTraining && s.Status == SaleStatus.Completed).Select(s => (s.CashierId, s.Id.ToString())), ct);
        await CashOverShortAsync(findings, storeId, from, to, ct);
        await PinAttemptsAsync(findings, audits, ct);

        var existing = await db.FraudAlerts.AsNoTracking().Where(a => a.StoreId == storeId && a.Day == day).Select(a => new { a.Rule, a.EmployeeId }).ToListAsync(ct);
        var raised = new List<FraudAlert>();
        foreach (var f in findings.Where(f => !existing.Any(e => e.Rule == f.Rule && e.EmployeeId == f.EmployeeId)))
        {
            var alert = new FraudAlert(Guid.CreateVersion7(), f.Rule, clock.Now(), storeId, f.EmployeeId, day, f.Observed, f.Threshold, f.Explanation,
                string.Join(',', f.Events));
            db.FraudAlerts.Add(alert);
            raised.Add(alert);
            // In the alert's own transaction: the alert and its webhook messages are saved together or not at all.
            await webhooks.EnqueueAsync(WebhookEvents.FraudAlertRaised, FraudAlertView.From(alert), ct);
        }
        if (raised.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            webhooks.Saved();
        }
        return raised.Select(FraudAlertView.From).ToList();
    }

    public async Task<IReadOnlyList<FraudAlertView>> ListAsync(Guid? storeId, bool openOnly, int take, CancellationToken ct) =>
        (await db.FraudAlerts.AsNoTracking().Where(a => (storeId == null || a.StoreId == storeId) && (!openOnly || a.AcknowledgedAt == null))
            .OrderByDescending(a => a.RaisedAt).Take(take).ToListAsync(ct)).Select(FraudAlertView.From).ToList();

    /// <summary>How many alerts wait for a manager, for the badge in the back office.</summary>
    public Task<int> CountOpenAsync(CancellationToken ct) => db.FraudAlerts.CountAsync(a => a.AcknowledgedAt == null, ct);

    public async Task<FraudAlertView> AcknowledgeAsync(Guid alertId, string note, CancellationToken ct)
    {
        var alert = await db.FraudAlerts.FirstOrDefaultAsync(a => a.Id == alertId, ct)
            ?? throw Kasse.Domain.DomainException.NotFound(FraudAlertErrors.NotFound, $"No fraud alert has id {alertId}.");
        alert.Acknowledge(clock.Now(), actor.Value.EmployeeId, note);
        audit.Record(AuditAction.FraudAlertAcknowledged, AuditTexts.FraudAlertAcknowledged(alert.Rule, alert.Day, alert.AcknowledgementNote),
            subject: alert.Id.ToString(), storeId: alert.StoreId);
        await db.SaveChangesAsync(ct);
        return FraudAlertView.From(alert);
    }

    private async Task VoidsAndRefundsAsync(List<Finding> findings, List<Sale> sales, List<AuditRow> audits, CancellationToken ct)
    {
        var threshold = await ThresholdAsync(FraudRule.ManyVoidsOrRefunds, ct);
        var events = sales.Where(s => !s.IsTraining && ((s.Status == SaleStatus.Voided && s.Lines.Count > 0) || (s.Kind == SaleKind.Return && s.Status == SaleStatus.Completed)))
            .Select(s => (Employee: s.CashierId, Event: s.Id.ToString()))
            .Concat(audits.Where(a => a.Action == AuditAction.PaymentVoided).Select(a => (Employee: a.ActorEmployeeId, Event: "audit:" + a.Id)))
            .Where(e => e.Employee is not null).ToList();
        var staff = sales.Select(s => s.CashierId).OfType<Guid>().Distinct().ToList();
        foreach (var employee in staff)
        {
            var mine = events.Where(e => e.Employee == employee).ToList();
            var peers = staff.Where(p => p != employee).ToList();
            var peerAverage = peers.Count == 0 ? 0m : (decimal)events.Count(e => e.Employee != employee) / peers.Count;
            var basis = Math.Max(peerAverage, 1m);
            if (mine.Count >= 3 && mine.Count > threshold * basis)
                findings.Add(new Finding(FraudRule.ManyVoidsOrRefunds, employee, mine.Count, threshold,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{mine.Count} voids, taken-back payments and returns in the day, against a peer average of {peerAverage:0.#} across {peers.Count} colleague(s); the rule flags more than {threshold:0.#} × that (at least 1)."),
                    mine.Select(e => e.Event).ToList()));
        }
    }

    private async Task CountPerEmployeeAsync(List<Finding> findings, FraudRule rule, string what, IEnumerable<(Guid? Employee, string Event)> events,
        CancellationToken ct)
    {
        var threshold = await ThresholdAsync(rule, ct);
        foreach (var group in events.GroupBy(e => e.Employee))
        {
            var count = group.Count();
            if (count > threshold)
                findings.Add(new Finding(rule, group.Key, count, threshold,
                    string.Create(CultureInfo.InvariantCulture, $"{count} {what} in the day by {(group.Key is null ? "no named employee" : "one employee")}; the threshold is {threshold:0.#}."),
                    group.Select(e => e.Event).ToList()));
        }
    }

    private async Task RefundToOtherCardAsync(List<Finding> findings, List<Sale> sales, CancellationToken ct)
    {
        var cardRefunds = sales.Where(s => s.Kind == SaleKind.Return && s.Status == SaleStatus.Completed && !s.IsTraining
            && s.Payments.Any(p => p.Method == PaymentMethod.Card)).ToList();
        var originalIds = cardRefunds.Select(s => s.OriginalSaleId).OfType<Guid>().ToList();
        var originalCards = await db.Payments.AsNoTracking().Where(p => originalIds.Contains(p.SaleId) && p.Method == PaymentMethod.Card)
            .Select(p => new { p.SaleId, p.Reference }).ToListAsync(ct);
        var suspicious = cardRefunds.Where(r => r.OriginalSaleId is not { } original
            || r.Payments.Where(p => p.Method == PaymentMethod.Card).Any(p => !originalCards.Any(o => o.SaleId == original && o.Reference == p.Reference)))
            .Select(r => (r.CashierId, r.Id.ToString()));
        await CountPerEmployeeAsync(findings, FraudRule.RefundToDifferentCard, "card refunds to a card other than the sale's (or with no sale)", suspicious, ct);
    }

    private async Task CashOverShortAsync(List<Finding> findings, Guid storeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var threshold = await ThresholdAsync(FraudRule.CashOverShort, ct);
        var sessions = await db.RegisterSessions.AsNoTracking()
            .Where(s => s.StoreId == storeId && s.CountedAt >= from && s.CountedAt < to && s.Difference != null).ToListAsync(ct);
        foreach (var session in sessions.Where(s => Math.Abs(s.Difference!.Value) > threshold))
            findings.Add(new Finding(FraudRule.CashOverShort, session.CountedById ?? session.OpenedById, Math.Abs(session.Difference!.Value), threshold,
                string.Create(CultureInfo.InvariantCulture,
                    $"The drawer counted {session.CountedCash:0.00} against {session.ExpectedCash:0.00} expected: {(session.Difference > 0 ? "over" : "short")} by {Math.Abs(session.Difference!.Value):0.00}; the threshold is {threshold:0.00}."),
                [session.Id.ToString()]));
    }

    private async Task PinAttemptsAsync(List<Finding> findings, List<AuditRow> audits, CancellationToken ct)
    {
        var threshold = await ThresholdAsync(FraudRule.ManyPinAttempts, ct);
        foreach (var register in audits.Where(a => a.Action == AuditAction.SignInFailed && a.RegisterId is not null).GroupBy(a => a.RegisterId))
        {
            var employees = register.Select(a => a.Subject).Distinct().Count();
            if (employees > threshold)
                findings.Add(new Finding(FraudRule.ManyPinAttempts, null, employees, threshold,
                    string.Create(CultureInfo.InvariantCulture,
                        $"{register.Count()} wrong PINs at register {register.Key} for {employees} different employees in the day; the threshold is {threshold:0.#} employees."),
                    register.Select(a => "audit:" + a.Id).ToList()));
        }
    }

    private static DateTimeOffset Start(Store store, DateOnly day) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), store.TimeZone), TimeSpan.Zero);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
