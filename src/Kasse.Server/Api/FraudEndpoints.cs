using Kasse.Application.Staff;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class FraudEndpoints
{
    public sealed record AcknowledgeRequest(string Note);

    public sealed record ThresholdRequest(decimal Threshold);

    public sealed record EvaluateRequest(DateOnly? Day = null);

    public static RouteGroupBuilder MapFraud(this RouteGroupBuilder api)
    {
        var fraud = api.MapGroup("/fraud").WithTags("Fraud detection");
        fraud.MapGet("/alerts", Alerts).RequirePermission(Permission.ViewFraudAlerts)
            .WithSummary("Fraud alerts, newest first, each saying which rule, which events and what they were compared with (?storeId=&open=true&take=)");
        fraud.MapPost("/alerts/{alertId:guid}/acknowledgement", Acknowledge).RequirePermission(Permission.ViewFraudAlerts)
            .WithSummary("Acknowledge an alert with a note (audited)");
        fraud.MapGet("/rules", Rules).RequirePermission(Permission.ViewFraudAlerts, Permission.ManageFraudRules).WithSummary("The rules with their thresholds");
        fraud.MapPut("/rules/{rule}", Tune).RequirePermission(Permission.ManageFraudRules).WithMetadata(new ChainWideOnly("the rules apply in every store")).WithSummary("Change a rule's threshold (the owner's; audited)");
        api.MapPost("/stores/{storeId:guid}/fraud/evaluations", Evaluate).WithTags("Fraud detection").RequirePermission(Permission.ViewFraudAlerts)
            .WithSummary("Evaluate every rule over a business day of the store now (default today; the daily sweep does this on its own); answers the new alerts");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<FraudAlertView>>> Alerts(Guid? storeId, bool? open, int? take, FraudDetector fraud, CancellationToken ct)
    {
        if (take is < 1 or > 500)
            throw DomainException.Invalid(RequestErrors.Page, "take must be between 1 and 500.");
        return TypedResults.Ok(await fraud.ListAsync(storeId, open ?? false, take ?? 100, ct));
    }

    private static async Task<Ok<FraudAlertView>> Acknowledge(Guid alertId, AcknowledgeRequest request, FraudDetector fraud, CancellationToken ct) =>
        TypedResults.Ok(await fraud.AcknowledgeAsync(alertId, request.Note, ct));

    private static async Task<Ok<IReadOnlyList<FraudRuleView>>> Rules(FraudDetector fraud, CancellationToken ct) => TypedResults.Ok(await fraud.RulesAsync(ct));

    private static async Task<Ok<FraudRuleView>> Tune(string rule, ThresholdRequest request, FraudDetector fraud, CancellationToken ct)
    {
        if (!Enum.TryParse<FraudRule>(rule, ignoreCase: true, out var parsed) || int.TryParse(rule, out _))
            throw DomainException.NotFound(FraudRuleErrors.NotFound, $"There is no rule '{rule}'. Rules: {string.Join(", ", Enum.GetNames<FraudRule>())}.");
        return TypedResults.Ok(await fraud.TuneAsync(parsed, request.Threshold, ct));
    }

    private static async Task<Ok<IReadOnlyList<FraudAlertView>>> Evaluate(Guid storeId, EvaluateRequest? request, FraudDetector fraud,
        Kasse.Data.KasseDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var store = await Kasse.Application.Stores.StoreService.FindStoreAsync(db, storeId, ct);
        return TypedResults.Ok(await fraud.EvaluateAsync(storeId, request?.Day ?? store.BusinessDayOf(clock.GetUtcNow()), ct));
    }
}
