using System.Security.Cryptography;
using System.Text;
using Kasse.Application;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Server.Api;

/// <summary>
/// A request that carries an <c>Idempotency-Key</c> runs at most once: its answer is stored in the same
/// transaction as its effect, and the same request with the same key gets that answer again. The same key
/// with a different request is refused.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    public async Task InvokeAsync(HttpContext context, KasseDbContext db, TimeProvider clock)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            || context.GetEndpoint()?.Metadata.GetMetadata<IdempotentByClientId>() is not null
            || !context.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(context);
            return;
        }
        var key = values.ToString().Trim();
        if (key.Length is 0 or > IdempotencyRecord.MaxKeyLength || key.Any(c => c < 0x21 || c > 0x7e))
            throw DomainException.Invalid(IdempotencyErrors.Key, $"An {Header} is 1–{IdempotencyRecord.MaxKeyLength} visible ASCII characters, e.g. a UUID.");

        var hash = await HashAsync(context.Request, context.RequestAborted);
        // A command on a sale takes the sale's turn before its transaction begins, so what memory holds of the sale is
        // written first, and nothing in memory changes it until this request's answer has committed.
        if (context.GetRouteValue("saleId") is string id && Guid.TryParse(id, out var saleId))
        {
            var memory = context.RequestServices.GetRequiredService<OpenSaleMemory>();
            await memory.ExclusiveAsync(saleId, context.RequestServices.GetRequiredService<HeldSaleTurns>(), db,
                async () => { await RunOnceAsync(context, db, clock, key, hash); return true; }, context.RequestAborted);
        }
        else
            await RunOnceAsync(context, db, clock, key, hash);
    }

    private async Task RunOnceAsync(HttpContext context, KasseDbContext db, TimeProvider clock, string key, string hash)
    {
        var ct = context.RequestAborted;
        await using (var transaction = await WriteTransaction.BeginAsync(db, Durability.Durable, ct))
        {
            var existing = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
            if (existing is not null)
            {
                await ReplayAsync(context, existing, hash);
                return;
            }

            var original = context.Response.Body;
            await using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            catch (DbUpdateException) when (!context.Response.HasStarted)
            {
                // The same key arrived twice at once and the other's effect (e.g. the same product id) committed
                // first: answer with the winner's answer, not with the duplicate it caused.
                context.Response.Body = original;
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                var winner = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
                if (winner is null)
                    throw;
                context.Response.Clear();
                await ReplayAsync(context, winner, hash);
                return;
            }
            finally
            {
                context.Response.Body = original;
            }

            if (context.Response.StatusCode is >= 200 and < 300)
            {
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Key = key,
                    RequestHash = hash,
                    StatusCode = context.Response.StatusCode,
                    ResponseBody = Encoding.UTF8.GetString(buffer.ToArray()),
                    ContentType = context.Response.ContentType ?? "application/json",
                    Location = context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    CreatedAt = clock.Now(),
                });
                try
                {
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                catch (DbUpdateException)
                {
                    // The same key arrived twice at once and the other won: undo ours, answer with theirs.
                    await transaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    var winner = await db.IdempotencyRecords.AsNoTracking().FirstAsync(r => r.Key == key, ct);
                    context.Response.Headers.Clear();
                    await ReplayAsync(context, winner, hash);
                    return;
                }
            }
            buffer.Position = 0;
            await buffer.CopyToAsync(original, ct);
        }
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord record, string hash)
    {
        if (record.RequestHash != hash)
            throw DomainException.Conflict(IdempotencyErrors.KeyReused,
                $"This {Header} was already used for a different request. Use a new key for a new request.");
        context.Response.StatusCode = record.StatusCode;
        context.Response.ContentType = record.ContentType;
        context.Response.Headers[ReplayedHeader] = "true";
        if (record.Location is not null)
            context.Response.Headers.Location = record.Location;
        await context.Response.WriteAsync(record.ResponseBody, context.RequestAborted);
    }

    private static async Task<string> HashAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
            sha.AppendData(chunk, 0, read);
        request.Body.Position = 0;
        return Convert.ToHexString(sha.GetHashAndReset());
    }
}
