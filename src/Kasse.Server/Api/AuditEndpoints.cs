using Kasse.Application.Staff;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class AuditEndpoints
{
    public sealed record AuditEntryView(Guid Id, DateTimeOffset At, AuditAction Action, string Actor, Guid? ActorEmployeeId, Guid? ApprovedById,
        Guid? StoreId, Guid? RegisterId, string? Subject, string Detail, string? Before, string? After, long? JournalSequence)
    {
        public static AuditEntryView From(AuditEntry a) => new(a.Id, a.At, a.Action, a.Actor, a.ActorEmployeeId, a.ApprovedById, a.StoreId, a.RegisterId,
            a.Subject, a.Detail, a.Before, a.After, a.JournalSequence);
    }

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).WithTags("Audit trail").RequirePermission(Permission.ViewAudit)
            .WithSummary("The audit trail, newest first; filter by ?from=&to= (instants), action=, employeeId= (who acted or approved), registerId=, storeId=, subject=, text= (in the detail, who or subject), skip=, take= (≤ 500)");
        return api;
    }

    private static async Task<Ok<List<AuditEntryView>>> List(DateTimeOffset? from, DateTimeOffset? to, string? action, Guid? employeeId, Guid? registerId,
        Guid? storeId, string? subject, string? text, int? skip, int? take, AuditSearch audit, CancellationToken ct)
    {
        AuditAction? parsed = null;
        if (action is not null)
        {
            if (!Enum.TryParse<AuditAction>(action, ignoreCase: true, out var named) || int.TryParse(action, out _))
                throw DomainException.Invalid(AuditErrors.Action, $"action is one of {string.Join(", ", Enum.GetNames<AuditAction>())}; got '{action}'.");
            parsed = named;
        }
        var page = await audit.FindAsync(new AuditFilter(from, to, parsed, employeeId, registerId, storeId, subject, text), skip ?? 0, take ?? 100, ct);
        return TypedResults.Ok(page.Entries.Select(AuditEntryView.From).ToList());
    }
}
