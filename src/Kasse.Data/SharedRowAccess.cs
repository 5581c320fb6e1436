using System.Data.Common;
using System.Globalization;
using System.Text;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Kasse.Data;

/// <summary>
/// The rows every till's completion changes: each store's journal head, the company's transaction number, each register's
/// receipt number and last signatures. Without a batch each use goes to its row (locked until commit) as it comes. Commands
/// that share one transaction (the sale writer's batch) share a <see cref="SharedRowBatch"/>: the first command that needs a
/// row locks and reads it, the commands after it take the row from memory, and the batch writes every row it changed once,
/// in one statement list, just before it commits. The order of numbers and the hash chain are exactly those of the commands
/// one after another, since they run one after another in that transaction.
/// </summary>
public static class SharedRowAccess
{
    /// <summary>The store's journal head (last sequence and hash), locked until commit; null when the store has none yet.</summary>
    public static async Task<JournalHeadRow?> LockJournalHeadAsync(this KasseDbContext db, Guid storeId, CancellationToken ct)
    {
        if (db.RowBatch is { } batch && batch.Heads.TryGetValue(storeId, out var held))
            return held.Row;
        var head = (await db.Database.SqlQuery<JournalHeadRow>(
                $"""UPDATE "JournalHeads" SET "LastSequence" = "LastSequence" WHERE "StoreId" = {storeId} RETURNING "LastSequence", "LastHash" """)
            .ToListAsync(ct)).SingleOrDefault();
        if (head is not null)
            db.RowBatch?.Heads.Add(storeId, (head, false));
        return head;
    }

    /// <summary>Moves the store's journal head on to the entry just appended (its row locked by <see cref="LockJournalHeadAsync"/>).</summary>
    public static async Task SetJournalHeadAsync(this KasseDbContext db, Guid storeId, long sequence, string hash, CancellationToken ct)
    {
        var head = new JournalHeadRow { LastSequence = sequence, LastHash = hash };
        if (db.RowBatch is { } batch)
            batch.Heads[storeId] = (head, true);
        else
            await db.Database.ExecuteSqlAsync(
                $"""UPDATE "JournalHeads" SET "LastSequence" = {sequence}, "LastHash" = {hash} WHERE "StoreId" = {storeId}""", ct);
    }

    /// <summary>The company's next transaction number (SAF-T <c>nr</c>), its row locked until commit; null when it has no row yet.</summary>
    public static async Task<long?> NextCompanyNumberAsync(this KasseDbContext db, string companyId, CancellationToken ct)
    {
        if (db.RowBatch is { } batch)
        {
            if (!batch.CompanyNumbers.TryGetValue(companyId, out var last))
            {
                var locked = await db.Database.SqlQuery<long>(
                        $"""UPDATE "CompanySequences" SET "LastNumber" = "LastNumber" WHERE "CompanyId" = {companyId} RETURNING "LastNumber" AS "Value" """)
                    .ToListAsync(ct);
                if (locked.Count == 0)
                    return null;
                last = (locked[0], false);
            }
            batch.CompanyNumbers[companyId] = (last.Value + 1, true);
            return last.Value + 1;
        }
        var numbers = await db.Database.SqlQuery<long>(
                $"""UPDATE "CompanySequences" SET "LastNumber" = "LastNumber" + 1 WHERE "CompanyId" = {companyId} RETURNING "LastNumber" AS "Value" """)
            .ToListAsync(ct);
        return numbers.Count == 1 ? numbers[0] : null;
    }

    /// <summary>
    /// Takes the register's next receipt number. The register's row is locked until commit, so numbers are gapless and
    /// unique per register even with concurrent completions, and roll back with a failed sale.
    /// </summary>
    public static async Task<long> NextReceiptNumberAsync(this KasseDbContext db, Guid registerId, CancellationToken ct)
    {
        if (db.RowBatch is { } batch)
        {
            if (!batch.ReceiptNumbers.TryGetValue(registerId, out var last))
                last = ((await db.Database.SqlQuery<long>(
                        $"""UPDATE "Registers" SET "LastReceiptNumber" = "LastReceiptNumber" WHERE "Id" = {registerId} RETURNING "LastReceiptNumber" AS "Value" """)
                    .ToListAsync(ct)).Single(), false);
            batch.ReceiptNumbers[registerId] = (last.Value + 1, true);
            return last.Value + 1;
        }
        return (await db.Database.SqlQuery<long>(
                $"""UPDATE "Registers" SET "LastReceiptNumber" = "LastReceiptNumber" + 1 WHERE "Id" = {registerId} RETURNING "LastReceiptNumber" AS "Value" """)
            .ToListAsync(ct)).Single();
    }

    /// <summary>The register's last signature in a chain (its row locked by the caller), null before the first.</summary>
    public static async Task<string?> LastSignatureAsync(this KasseDbContext db, Guid registerId, SignatureChain chain, CancellationToken ct)
    {
        if (db.RowBatch is { } batch && batch.Signatures.TryGetValue((registerId, chain), out var held))
            return held.Signature;
        var last = chain == SignatureChain.Danish
            ? await db.Registers.Where(r => r.Id == registerId).Select(r => r.LastSignature).SingleAsync(ct)
            : await db.Registers.Where(r => r.Id == registerId).Select(r => r.LastNorwegianSignature).SingleAsync(ct);
        db.RowBatch?.Signatures.Add((registerId, chain), (last, false));
        return last;
    }

    public static async Task SetLastSignatureAsync(this KasseDbContext db, Guid registerId, SignatureChain chain, string signature, CancellationToken ct)
    {
        if (db.RowBatch is { } batch)
            batch.Signatures[(registerId, chain)] = (signature, true);
        else if (chain == SignatureChain.Danish)
            await db.Database.ExecuteSqlAsync($"""UPDATE "Registers" SET "LastSignature" = {signature} WHERE "Id" = {registerId}""", ct);
        else
            await db.Database.ExecuteSqlAsync($"""UPDATE "Registers" SET "LastNorwegianSignature" = {signature} WHERE "Id" = {registerId}""", ct);
    }
}

/// <summary>A store's journal head as the lock read it.</summary>
public sealed class JournalHeadRow
{
    public long LastSequence { get; init; }
    public string LastHash { get; init; } = JournalEntry.Genesis;
}

public enum SignatureChain
{
    Danish,
    Norwegian,
}

/// <summary>
/// The shared rows of one batch of commands in one transaction (see <see cref="SharedRowAccess"/>): what was read under lock,
/// and what the batch changed, to be written once before the commit.
/// </summary>
public sealed class SharedRowBatch
{
    internal Dictionary<Guid, (JournalHeadRow Row, bool Changed)> Heads { get; private set; } = [];
    internal Dictionary<string, (long Value, bool Changed)> CompanyNumbers { get; private set; } = new(StringComparer.Ordinal);
    internal Dictionary<Guid, (long Value, bool Changed)> ReceiptNumbers { get; private set; } = [];
    internal Dictionary<(Guid Register, SignatureChain Chain), (string? Signature, bool Changed)> Signatures { get; private set; } = [];

    /// <summary>The day's summary rows the batch's sales add to, summed per row when written (they only ever add up).</summary>
    private readonly List<SalesSummary> _summaries = [];

    /// <summary>Adds a sale's figures to the day's summaries, written with the batch's shared rows.</summary>
    public void AddSummaries(IEnumerable<SalesSummary> rows) => _summaries.AddRange(rows);

    /// <summary>What the batch holds now, to go back to when a command is rolled back to its savepoint.</summary>
    public object Mark() => (new Dictionary<Guid, (JournalHeadRow, bool)>(Heads), new Dictionary<string, (long, bool)>(CompanyNumbers, StringComparer.Ordinal),
        new Dictionary<Guid, (long, bool)>(ReceiptNumbers), new Dictionary<(Guid, SignatureChain), (string?, bool)>(Signatures), _summaries.Count);

    /// <summary>
    /// Back to a <see cref="Mark"/>: a rolled-back command's changes are gone, and so is what it was first to lock and read
    /// (a rollback to a savepoint may release the row locks taken after it), so whoever needs such a row next locks it again.
    /// </summary>
    public void Reset(object mark)
    {
        var (heads, companies, receipts, signatures, summaries) = ((Dictionary<Guid, (JournalHeadRow, bool)>, Dictionary<string, (long, bool)>,
            Dictionary<Guid, (long, bool)>, Dictionary<(Guid, SignatureChain), (string?, bool)>, int))mark;
        (Heads, CompanyNumbers, ReceiptNumbers, Signatures) = (heads, companies, receipts, signatures);
        _summaries.RemoveRange(summaries, _summaries.Count - summaries);
    }

    /// <summary>Writes every row the batch changed, in one round trip, inside the batch's transaction (before its commit).</summary>
    public async Task WriteAsync(KasseDbContext db, CancellationToken ct)
    {
        var sql = new StringBuilder();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Shared rows are written only inside the batch's transaction.");
        foreach (var (storeId, (row, changed)) in Heads)
            if (changed)
                sql.Append(CultureInfo.InvariantCulture, $"""UPDATE "JournalHeads" SET "LastSequence" = {Add(command, row.LastSequence, db.IsSqlite)}, "LastHash" = {Add(command, row.LastHash, db.IsSqlite)} WHERE "StoreId" = {Add(command, storeId, db.IsSqlite)};""").Append('\n');
        foreach (var (companyId, (value, changed)) in CompanyNumbers)
            if (changed)
                sql.Append(CultureInfo.InvariantCulture, $"""UPDATE "CompanySequences" SET "LastNumber" = {Add(command, value, db.IsSqlite)} WHERE "CompanyId" = {Add(command, companyId, db.IsSqlite)};""").Append('\n');
        foreach (var (registerId, (value, changed)) in ReceiptNumbers)
            if (changed)
                sql.Append(CultureInfo.InvariantCulture, $"""UPDATE "Registers" SET "LastReceiptNumber" = {Add(command, value, db.IsSqlite)} WHERE "Id" = {Add(command, registerId, db.IsSqlite)};""").Append('\n');
        foreach (var ((registerId, chain), (signature, changed)) in Signatures)
            if (changed)
                sql.Append(CultureInfo.InvariantCulture, $"""UPDATE "Registers" SET "{(chain == SignatureChain.Danish ? "LastSignature" : "LastNorwegianSignature")}" = {Add(command, signature, db.IsSqlite)} WHERE "Id" = {Add(command, registerId, db.IsSqlite)};""").Append('\n');
        AppendSummaries(sql, command, db.IsSqlite);
        if (sql.Length == 0)
            return;
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One upsert for the batch's summary rows, each key once with the sum of every sale's figures for it.</summary>
    private void AppendSummaries(StringBuilder sql, DbCommand command, bool sqlite)
    {
        if (_summaries.Count == 0)
            return;
        var sums = new Dictionary<SummaryKey, SalesSummary>();
        foreach (var row in _summaries)
        {
            if (!sums.TryGetValue(row.Identity, out var sum))
                sums.Add(row.Identity, sum = new SalesSummary(row.StoreId, row.BusinessDay, row.Dimension, row.Key));
            sum.Add(row);
        }
        // Always the same order, so two batches (two processes) adding to the same rows never wait on each other crosswise.
        var ordered = sums.Values.OrderBy(s => s.StoreId).ThenBy(s => s.Dimension).ThenBy(s => s.BusinessDay).ThenBy(s => s.Key, StringComparer.Ordinal);
        sql.Append(SalesSummarySql.InsertInto).Append(" VALUES ");
        var first = true;
        foreach (var row in ordered)
        {
            sql.Append(first ? "(" : ", (");
            first = false;
            var cells = SalesSummarySql.Cells(row);
            for (var i = 0; i < cells.Length; i++)
                sql.Append(i == 0 ? "" : ", ").Append(Add(command, cells[i], sqlite));
            sql.Append(')');
        }
        sql.Append(' ').Append(SalesSummarySql.OnConflict).Append(";\n");
    }

    private static string Add(DbCommand command, object? value, bool sqlite)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@p" + command.Parameters.Count;
        // SQLite keeps ids as upper-case text (EF's mapping); its ADO driver alone would bind a Guid as a blob.
        parameter.Value = value switch
        {
            null => DBNull.Value,
            Guid id when sqlite => id.ToString().ToUpperInvariant(),
            DateOnly day when sqlite => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => value,
        };
        command.Parameters.Add(parameter);
        return parameter.ParameterName;
    }
}
