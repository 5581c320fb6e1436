using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

/// <summary>What the back office and the API filter the audit trail by; every part optional.</summary>
public sealed record AuditFilter(DateTimeOffset? From = null, DateTimeOffset? To = null, AuditAction? Action = null, Guid? EmployeeId = null,
    Guid? RegisterId = null, Guid? StoreId = null, string? Subject = null, string? Text = null);

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, bool HasMore);

/// <summary>Reads the audit trail newest first, a page at a time.</summary>
public sealed class AuditSearch(KasseDbContext db)
{
    public const int MaxPageSize = 500;

    public async Task<AuditPage> FindAsync(AuditFilter filter, int skip, int take, CancellationToken ct)
    {
        if (take is < 1 or > MaxPageSize)
            throw DomainException.Invalid(RequestErrors.Page, $"take must be between 1 and {MaxPageSize}.");
        if (skip < 0)
            throw DomainException.Invalid(RequestErrors.Page, "skip is zero or more.");
        var query = db.AuditEntries.AsNoTracking();
        if (filter.Action is { } action) query = query.Where(a => a.Action == action);
        if (filter.From is { } from) query = query.Where(a => a.At >= from);
        if (filter.To is { } to) query = query.Where(a => a.At < to);
        if (filter.EmployeeId is { } employee) query = query.Where(a => a.ActorEmployeeId == employee || a.ApprovedById == employee);
        if (filter.RegisterId is { } register) query = query.Where(a => a.RegisterId == register);
        if (filter.StoreId is { } store) query = query.Where(a => a.StoreId == store);
        if (filter.Subject is { } subject) query = query.Where(a => a.Subject == subject);
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim().ToLowerInvariant();
            if (!text.All(char.IsAscii))
                return await FindNonAsciiAsync(NewestFirst(query), text, skip, take, ct);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(…) and LIKE/strpos: no .NET culture is involved
            query = query.Where(a => a.Detail.ToLower().Contains(text) || a.Actor.ToLower().Contains(text)
                || (a.Subject != null && a.Subject.ToLower().Contains(text)));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var rows = await NewestFirst(query).Skip(skip).Take(take + 1).ToListAsync(ct);
        return new AuditPage(rows.Take(take).ToList(), rows.Count > take);
    }

    private static IOrderedQueryable<AuditEntry> NewestFirst(IQueryable<AuditEntry> query) =>
        query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);

    /// <summary>
    /// SQL lower() changes only A–Z on SQLite (and on PostgreSQL under the C locale), so "Æblemost" would never match
    /// "æblemost". Text with letters beyond ASCII is matched here instead, over the rows the other filters left.
    /// </summary>
    private async Task<AuditPage> FindNonAsciiAsync(IQueryable<AuditEntry> newestFirst, string text, int skip, int take, CancellationToken ct)
    {
        var candidates = await newestFirst.Select(a => new { a.Id, a.Detail, a.Actor, a.Subject }).ToListAsync(ct);
        var ids = candidates.Where(c => Has(c.Detail, text) || Has(c.Actor, text) || (c.Subject is not null && Has(c.Subject, text)))
            .Skip(skip).Take(take + 1).Select(c => c.Id).ToList();
        var rows = await db.AuditEntries.AsNoTracking().Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var ordered = ids.Select(id => rows.First(r => r.Id == id)).ToList();
        return new AuditPage(ordered.Take(take).ToList(), ordered.Count > take);
    }

    private static bool Has(string field, string lowerText) => field.ToLowerInvariant().Contains(lowerText, StringComparison.Ordinal);
}
