// The ceilings Kasse is measured against, served by the same ASP.NET Core and ADO.NET drivers Kasse uses,
// without Kasse: what the machine allows for a small JSON POST, and for writing one sale durably.
//
//   POST /echo          parse the JSON, answer JSON (no I/O)                                   ceiling (a)
//   POST /sqlite        write one sale's rows (~20) in one SQLite transaction, WAL, FULL sync  ceiling (b)
//   POST /sqlite-group  the same rows, but concurrent requests share one transaction and one
//                       fsync (group commit) — what a commit queue in Kasse could reach         (b, grouped)
//   POST /postgres      the same rows in one PostgreSQL transaction (synchronous_commit=on)     ceiling (c)
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Kasse.Bench.Ceiling;
using Microsoft.Data.Sqlite;
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, CeilingJson.Default));
var app = builder.Build();

var dataDir = app.Configuration["data"] ?? Path.Combine(Path.GetTempPath(), "kasse-ceiling");
Directory.CreateDirectory(dataDir);
var sqlite = new SqliteSale($"Data Source={Path.Combine(dataDir, "ceiling.db")};Pooling=true");
sqlite.CreateSchema();
var group = new GroupCommitWriter(sqlite);
var pgConnection = app.Configuration["pg"];
NpgsqlDataSource? pg = null;
if (!string.IsNullOrEmpty(pgConnection))
{
    pg = NpgsqlDataSource.Create(pgConnection);
    await PostgresSale.CreateSchemaAsync(pg);
}

app.MapGet("/health", () => TypedResults.Ok(new Answer(Guid.Empty, 0)));
app.MapPost("/echo", (SaleRequest r) => TypedResults.Ok(new Answer(r.Id, 0)));
app.MapPost("/sqlite", async (SaleRequest r, CancellationToken ct) => TypedResults.Ok(new Answer(r.Id, await sqlite.WriteAsync(r, ct))));
app.MapPost("/sqlite-group", async (SaleRequest r, CancellationToken ct) => TypedResults.Ok(new Answer(r.Id, await group.WriteAsync(r, ct))));
app.MapPost("/postgres", async (SaleRequest r, CancellationToken ct) =>
    pg is null ? Results.Problem("start with --pg CONNECTION") : TypedResults.Ok(new Answer(r.Id, await PostgresSale.WriteAsync(pg, r, ct))));

await app.RunAsync();

namespace Kasse.Bench.Ceiling
{
    public sealed record SaleRequest(Guid Id, Guid RegisterId, int Lines = 18);

    public sealed record Answer(Guid Id, int Rows);

    [JsonSerializable(typeof(SaleRequest))]
    [JsonSerializable(typeof(Answer))]
    [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    internal sealed partial class CeilingJson : JsonSerializerContext;

    /// <summary>One sale as Kasse stores it, roughly: the sale, its lines, one payment, the register's counter.</summary>
    internal static class SaleRows
    {
        public const string Schema = """
            CREATE TABLE IF NOT EXISTS registers (id TEXT PRIMARY KEY, last_receipt BIGINT NOT NULL);
            CREATE TABLE IF NOT EXISTS sales (id TEXT PRIMARY KEY, register_id TEXT NOT NULL, receipt BIGINT NOT NULL, opened_at TEXT NOT NULL, total BIGINT NOT NULL);
            CREATE TABLE IF NOT EXISTS sale_lines (id TEXT PRIMARY KEY, sale_id TEXT NOT NULL, position INT NOT NULL, sku TEXT NOT NULL, name TEXT NOT NULL, quantity BIGINT NOT NULL, unit_price BIGINT NOT NULL, vat BIGINT NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_sale_lines_sale ON sale_lines (sale_id);
            CREATE TABLE IF NOT EXISTS payments (id TEXT PRIMARY KEY, sale_id TEXT NOT NULL, method TEXT NOT NULL, amount BIGINT NOT NULL);
            """;

        public static int Count(SaleRequest r) => 3 + Math.Clamp(r.Lines, 1, 100);
    }

    internal sealed class SqliteSale(string connectionString) : IDisposable
    {
        // SQLite has one writer. Queuing writers here, in the process, instead of in SQLite's busy handler (which
        // sleeps 1–100 ms between retries) is what lets one durable transaction per sale reach the disk's rate.
        private readonly SemaphoreSlim _writer = new(1, 1);

        public void Dispose() => _writer.Dispose();

        public void CreateSchema()
        {
            using var connection = Open();
            Execute(connection, "PRAGMA journal_mode=WAL;" + SaleRows.Schema);
        }

        public SqliteConnection Open()
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            // As Kasse's connections: durable commits, writers queue.
            Execute(connection, "PRAGMA synchronous=FULL; PRAGMA busy_timeout=30000;");
            return connection;
        }

        public async Task<int> WriteAsync(SaleRequest r, CancellationToken ct)
        {
            using var connection = Open();
            await _writer.WaitAsync(ct);
            try
            {
                using var transaction = connection.BeginTransaction(deferred: false);
                var rows = Insert(connection, transaction, r);
                transaction.Commit();
                return rows;
            }
            finally
            {
                _writer.Release();
            }
        }

        public static int Insert(SqliteConnection connection, SqliteTransaction transaction, SaleRequest r)
        {
            var register = r.RegisterId.ToString();
            var sale = r.Id.ToString();
            using (var upsert = connection.CreateCommand())
            {
                upsert.Transaction = transaction;
                upsert.CommandText = "INSERT INTO registers (id, last_receipt) VALUES ($r, 1) ON CONFLICT (id) DO UPDATE SET last_receipt = last_receipt + 1 RETURNING last_receipt";
                upsert.Parameters.AddWithValue("$r", register);
                var receipt = (long)upsert.ExecuteScalar()!;
                using var insertSale = connection.CreateCommand();
                insertSale.Transaction = transaction;
                insertSale.CommandText = "INSERT INTO sales VALUES ($id, $r, $n, $at, $total)";
                insertSale.Parameters.AddWithValue("$id", sale);
                insertSale.Parameters.AddWithValue("$r", register);
                insertSale.Parameters.AddWithValue("$n", receipt);
                insertSale.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
                insertSale.Parameters.AddWithValue("$total", 12345L);
                insertSale.ExecuteNonQuery();
            }
            using var line = connection.CreateCommand();
            line.Transaction = transaction;
            line.CommandText = "INSERT INTO sale_lines VALUES ($id, $sale, $pos, $sku, $name, 1000, 2495, 499)";
            var id = line.Parameters.Add("$id", SqliteType.Text);
            line.Parameters.AddWithValue("$sale", sale);
            var pos = line.Parameters.Add("$pos", SqliteType.Integer);
            var sku = line.Parameters.Add("$sku", SqliteType.Text);
            line.Parameters.AddWithValue("$name", "Rugbrød, groft 1 kg");
            var lines = SaleRows.Count(r) - 3;
            for (var i = 0; i < lines; i++)
            {
                id.Value = Guid.CreateVersion7().ToString();
                pos.Value = i + 1;
                sku.Value = "SKU-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                line.ExecuteNonQuery();
            }
            using var payment = connection.CreateCommand();
            payment.Transaction = transaction;
            payment.CommandText = "INSERT INTO payments VALUES ($id, $sale, 'Card', 12345)";
            payment.Parameters.AddWithValue("$id", Guid.CreateVersion7().ToString());
            payment.Parameters.AddWithValue("$sale", sale);
            payment.ExecuteNonQuery();
            return SaleRows.Count(r);
        }

        private static void Execute(SqliteConnection connection, string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Group commit: one writer takes every sale waiting in the queue, writes them in one transaction and
    /// answers them all after the one fsync. Each sale keeps its own savepoint, so one bad sale fails alone.
    /// </summary>
    internal sealed class GroupCommitWriter
    {
        private readonly Channel<(SaleRequest Request, TaskCompletionSource<int> Done)> _queue =
            Channel.CreateUnbounded<(SaleRequest, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });
        private readonly SqliteSale _sqlite;

        public GroupCommitWriter(SqliteSale sqlite)
        {
            _sqlite = sqlite;
            _ = Task.Run(RunAsync);
        }

        public Task<int> WriteAsync(SaleRequest request, CancellationToken ct)
        {
            var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_queue.Writer.TryWrite((request, done)))
                throw new InvalidOperationException("The writer has stopped.");
            return done.Task.WaitAsync(ct);
        }

        private async Task RunAsync()
        {
            using var connection = _sqlite.Open();
            var batch = new List<(SaleRequest Request, TaskCompletionSource<int> Done, int Rows)>();
            while (await _queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                using (var transaction = connection.BeginTransaction(deferred: false))
                {
                    while (batch.Count < 512 && _queue.Reader.TryRead(out var item))
                    {
                        try
                        {
                            transaction.Save("sale");
                            var rows = SqliteSale.Insert(connection, transaction, item.Request);
                            transaction.Release("sale");
                            batch.Add((item.Request, item.Done, rows));
                        }
                        catch (SqliteException e)
                        {
                            transaction.Rollback("sale");
                            item.Done.TrySetException(e);
                        }
                    }
                    transaction.Commit();
                }
                foreach (var (_, done, rows) in batch)
                    done.TrySetResult(rows);
            }
        }
    }

    internal static class PostgresSale
    {
        public static async Task CreateSchemaAsync(NpgsqlDataSource pg)
        {
            await using var command = pg.CreateCommand(SaleRows.Schema);
            await command.ExecuteNonQueryAsync();
        }

        public static async Task<int> WriteAsync(NpgsqlDataSource pg, SaleRequest r, CancellationToken ct)
        {
            await using var connection = await pg.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var batch = new NpgsqlBatch(connection, transaction);
            var receipt = new NpgsqlBatchCommand("INSERT INTO registers (id, last_receipt) VALUES ($1, 1) ON CONFLICT (id) DO UPDATE SET last_receipt = registers.last_receipt + 1");
            receipt.Parameters.Add(new NpgsqlParameter { Value = r.RegisterId.ToString() });
            batch.BatchCommands.Add(receipt);
            var sale = new NpgsqlBatchCommand("INSERT INTO sales VALUES ($1, $2, (SELECT last_receipt FROM registers WHERE id = $2), now()::text, 12345)");
            sale.Parameters.Add(new NpgsqlParameter { Value = r.Id.ToString() });
            sale.Parameters.Add(new NpgsqlParameter { Value = r.RegisterId.ToString() });
            batch.BatchCommands.Add(sale);
            var lines = SaleRows.Count(r) - 3;
            for (var i = 0; i < lines; i++)
            {
                var line = new NpgsqlBatchCommand("INSERT INTO sale_lines VALUES ($1, $2, $3, $4, 'Rugbrød, groft 1 kg', 1000, 2495, 499)");
                line.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7().ToString() });
                line.Parameters.Add(new NpgsqlParameter { Value = r.Id.ToString() });
                line.Parameters.Add(new NpgsqlParameter { Value = i + 1 });
                line.Parameters.Add(new NpgsqlParameter { Value = "SKU-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
                batch.BatchCommands.Add(line);
            }
            var payment = new NpgsqlBatchCommand("INSERT INTO payments VALUES ($1, $2, 'Card', 12345)");
            payment.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7().ToString() });
            payment.Parameters.Add(new NpgsqlParameter { Value = r.Id.ToString() });
            batch.BatchCommands.Add(payment);
            await batch.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            return SaleRows.Count(r);
        }
    }
}
