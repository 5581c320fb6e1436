using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
            .WithSummary("The audit trail, newest first; filter by ?from=&to= (instants), action=, employeeId= (who acted or approved), registerId=, storeId=, subject=, take= (≤ 500)");
        return api;
    }

    private static async Task<Ok<List<AuditEntryView>>> List(DateTimeOffset? from, DateTimeOffset? to, string? action, Guid? employeeId, Guid? registerId,
        Guid? storeId, string? subject, int? take, KasseDbContext db, CancellationToken ct)
    {
        if (take is < 1 or > 500)
            throw DomainException.Invalid("page", "take must be between 1 and 500.");
        var query = db.AuditEntries.AsNoTracking();
        if (action is not null)
        {
            if (!Enum.TryParse<AuditAction>(action, ignoreCase: true, out var parsed) || int.TryParse(action, out _))
                throw DomainException.Invalid("audit.action", $"action is one of {string.Join(", ", Enum.GetNames<AuditAction>())}; got '{action}'.");
            query = query.Where(a => a.Action == parsed);
        }
        if (from is not null) query = query.Where(a => a.At >= from);
        if (to is not null) query = query.Where(a => a.At < to);
        if (employeeId is not null) query = query.Where(a => a.ActorEmployeeId == employeeId || a.ApprovedById == employeeId);
        if (registerId is not null) query = query.Where(a => a.RegisterId == registerId);
        if (storeId is not null) query = query.Where(a => a.StoreId == storeId);
        if (subject is not null) query = query.Where(a => a.Subject == subject);
        var entries = await query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(take ?? 100).ToListAsync(ct);
        return TypedResults.Ok(entries.Select(AuditEntryView.From).ToList());
    }
}
