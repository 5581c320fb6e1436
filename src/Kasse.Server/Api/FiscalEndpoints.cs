using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Kasse.Application.Fiscal;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Fiscal;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Server.Api;

public static class FiscalEndpoints
{
    public sealed record JournalEntryView(long Sequence, DateTimeOffset At, string Kind, string EventCode, Guid? RegisterId, Guid? EmployeeId,
        Guid? SaleId, string Payload, string PreviousHash, string Hash)
    {
        public static JournalEntryView From(JournalEntry e) =>
            new(e.Sequence, e.At, e.Kind, e.EventCode, e.RegisterId, e.EmployeeId, e.SaleId, e.Payload, e.PreviousHash, e.Hash);
    }

    public static RouteGroupBuilder MapFiscal(this RouteGroupBuilder api)
    {
        var journal = api.MapGroup("/stores/{storeId:guid}/journal").WithTags("Fiscal journal");
        journal.MapGet("/", List).WithSummary("The store's electronic journal in order (?after=sequence&take=)").RequirePermission(Permission.ViewJournal);
        journal.MapGet("/verification", Verify).WithSummary("Re-compute the hash chain, compare every receipt with its journal entry, every X/Z report with what it covers and its signed anchor, and the transaction counter").RequirePermission(Permission.ViewJournal);
        return api;
    }

    private static async Task<Ok<List<JournalEntryView>>> List(Guid storeId, long? after, int? take, KasseDbContext db, CancellationToken ct)
    {
        if (take is < 1 or > 1000)
            throw DomainException.Invalid(RequestErrors.Page, "take must be between 1 and 1000.");
        await StoreService.FindStoreAsync(db, storeId, ct);
        var from = after ?? 0;
        var entries = await db.JournalEntries.AsNoTracking().Where(e => e.StoreId == storeId && e.Sequence > from)
            .OrderBy(e => e.Sequence).Take(take ?? 100).ToListAsync(ct);
        return TypedResults.Ok(entries.Select(JournalEntryView.From).ToList());
    }

    private static async Task<Ok<JournalVerification>> Verify(Guid storeId, KasseDbContext db, JournalVerifier verifier, CancellationToken ct)
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        return TypedResults.Ok(await verifier.VerifyAsync(storeId, ct));
    }
}
