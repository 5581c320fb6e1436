using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Kasse.Application.Demo;
using Kasse.Application.Stores;
using Kasse.Server.Hosting;
using Kasse.Server.Operations;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Reliability;

namespace Kasse.Server.Tests.Operations;

/// <summary>
/// <c>kasse backup</c> and <c>kasse restore</c> through the real executable on a real database: a backup taken while
/// tills sell brings back every sale confirmed before it after the database is wiped, with a journal that verifies;
/// a damaged backup or a running server is refused and nothing changes; <c>--keep</c> keeps the newest.
/// </summary>
public abstract partial class BackupRestoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private readonly string _data = Directory.CreateTempSubdirectory("kasse-backup-").FullName;
    private TestDatabase _database = null!;
    private Process? _kasse;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    private string[] Database => ["--database", provider.ToString(), "--connection", _database.ConnectionString, "--data", _data];

    private string Backups => Path.Combine(_data, "backups");

    [Fact]
    public async Task A_backup_taken_while_tills_sell_restores_after_a_wipe_with_every_sale_confirmed_before_it_and_the_journal_verifies()
    {
        var http = await StartKasseAsync();
        var products = await CrashTests.PieceProductsAsync(http);
        var progress = new TillProgress();
        var tills = new List<CrashTill>();
        for (var i = 0; i < 2; i++)
        {
            var register = Guid.CreateVersion7();
            await KasseClient.Read<RegisterView>(await http.PostAsJsonAsync($"/api/v1/stores/{DemoSeeder.StoreId}/registers",
                new { id = register, name = $"Backup {i + 1}" }));
            tills.Add(new CrashTill(register, products, 27 + i, progress));
        }
        using var stop = new CancellationTokenSource();
        var selling = tills.Select(t => Task.Run(() => t.SellAsync(http, stop.Token))).ToArray();
        await progress.WaitForAsync(0, 16, TimeSpan.FromSeconds(60));

        var confirmedBefore = tills.SelectMany(t => t.Confirmed.ToArray()).ToList();
        var answersBefore = progress.Answers;
        var backup = await KasseProcess.RunAsync(["backup", .. Database]);
        var answersWhileBackingUp = progress.Answers - answersBefore;
        await progress.WaitForAsync(progress.Answers, 8, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(selling);
        http.Dispose();
        await StopKasseAsync();

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Empty(tills.SelectMany(t => t.Failures));
        Assert.NotEmpty(confirmedBefore);
        Assert.True(answersWhileBackingUp > 0, "The tills got no answer while the backup ran: it did not prove a backup under load.");
        var file = Assert.Single(Directory.GetFiles(Backups), f => !f.EndsWith(BackupManifest.Suffix, StringComparison.Ordinal));
        Assert.Matches(BackupName(), Path.GetFileName(file));
        Assert.True(File.Exists(file + BackupManifest.Suffix));

        await WipeAsync();
        if (provider == DatabaseProvider.Sqlite)
            Assert.False(File.Exists(_database.FilePath));
        else
            await using (var wiped = await DatabaseInspector.OpenAsync(_database))
                Assert.DoesNotContain("Sales", await DatabaseInspector.TablesAsync(wiped, provider));
        var restore = await KasseProcess.RunAsync(["restore", file, .. Database]);

        Assert.True(restore.ExitCode == 0, restore.Output + restore.Error);
        Assert.Contains("Købmand Hansen: intact", restore.Output);
        await ConfirmedSales.AssertAllThereAsync(provider, _database.ConnectionString, confirmedBefore, "after the restore");
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_and_the_database_is_left_as_it_was()
    {
        var seeded = await KasseProcess.RunAsync(["seed", "demo", .. Database]);
        Assert.True(seeded.ExitCode == 0, seeded.Error);
        var backup = await KasseProcess.RunAsync(["backup", "--to", Backups, .. Database]);
        Assert.True(backup.ExitCode == 0, backup.Error);
        var file = Directory.GetFiles(Backups).Single(f => !f.EndsWith(BackupManifest.Suffix, StringComparison.Ordinal));
        // A new user after the backup: a restore would take it away.
        var added = await KasseProcess.RunAsync(["user", "add", "--name", "Efter Backup", "--role", "Cashier", "--pin", "4711", .. Database]);
        Assert.True(added.ExitCode == 0, added.Error);
        await using (var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length / 2;
            var b = stream.ReadByte();
            stream.Position = stream.Length / 2;
            stream.WriteByte((byte)(b ^ 0x5A));
        }
        var before = await DatabaseInspector.TableHashesAsync(_database);

        var restore = await KasseProcess.RunAsync(["restore", file, .. Database]);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("damaged", restore.Error);
        Assert.Contains("Nothing was changed", restore.Error);
        Assert.Empty(DatabaseInspector.Changed(before, await DatabaseInspector.TableHashesAsync(_database)));
        Assert.Single(Directory.GetFiles(Backups, "*" + BackupManifest.Suffix));
    }

    [Fact]
    public async Task Restore_is_refused_while_a_Kasse_server_uses_the_database()
    {
        var http = await StartKasseAsync();
        http.Dispose();
        var backup = await KasseProcess.RunAsync(["backup", .. Database]);
        Assert.True(backup.ExitCode == 0, backup.Error);
        var file = Directory.GetFiles(Backups).Single(f => !f.EndsWith(BackupManifest.Suffix, StringComparison.Ordinal));

        var restore = await KasseProcess.RunAsync(["restore", file, .. Database]);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("Stop", restore.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Nothing was changed", restore.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Keep_leaves_the_newest_backups_and_deletes_the_older_ones()
    {
        var migrated = await KasseProcess.RunAsync(["db", "migrate", .. Database]);
        Assert.True(migrated.ExitCode == 0, migrated.Error);
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var backup = await KasseProcess.RunAsync(["backup", "--to", Backups, "--keep", "2", .. Database]);
            Assert.True(backup.ExitCode == 0, backup.Error);
            made.Add(MadePath().Match(backup.Output).Groups[1].Value);
        }

        var left = Directory.GetFiles(Backups).Where(f => !f.EndsWith(BackupManifest.Suffix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(made[1..], left);
        Assert.All(left, f => Assert.True(File.Exists(f + BackupManifest.Suffix)));
        Assert.False(File.Exists(made[0] + BackupManifest.Suffix));
    }

    /// <summary>As a machine with no database left: the SQLite file gone, or PostgreSQL's schema emptied.</summary>
    private async Task WipeAsync()
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
                File.Delete(_database.FilePath + suffix);
            return;
        }
        await using var connection = await DatabaseInspector.OpenAsync(_database);
        await using var command = connection.CreateCommand();
        command.CommandText = "DROP SCHEMA public CASCADE; CREATE SCHEMA public;";
        await command.ExecuteNonQueryAsync();
    }

    private async Task<HttpClient> StartKasseAsync()
    {
        var (process, address) = await KasseProcess.ServeAsync(_log, Database);
        _kasse = process;
        return new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { { "X-Api-Key", DemoSeeder.DemoApiKey } } };
    }

    private async Task StopKasseAsync()
    {
        if (_kasse is null)
            return;
        _kasse.Kill(entireProcessTree: true);
        await _kasse.WaitForExitAsync();
        _kasse.Dispose();
        _kasse = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopKasseAsync();
        await _database.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    [GeneratedRegex(@"^kasse-\d{8}T\d{9}Z-\d{14}_\w+\.(sqlite|pgdump)$")]
    private static partial Regex BackupName();

    [GeneratedRegex(@"Backed up to (.+?) \(")]
    private static partial Regex MadePath();
}

public sealed class BackupRestoreOnSqlite() : BackupRestoreTests(DatabaseProvider.Sqlite);

public sealed class BackupRestoreOnPostgres() : BackupRestoreTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Without_pg_dump_on_PATH_a_backup_says_which_package_to_install()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        // PATH holds only the .NET runtime's folder (the kasse executable needs it), not PostgreSQL's tools.
        var dotnet = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var environment = new Dictionary<string, string?> { ["PATH"] = dotnet, ["DOTNET_ROOT"] = dotnet };
        var migrated = await KasseProcess.RunAsync(["db", "migrate", "--database", "postgres", "--connection", database.ConnectionString]);
        Assert.True(migrated.ExitCode == 0, migrated.Error);

        var backup = await KasseProcess.RunAsync(environment, ["backup", "--database", "postgres", "--connection", database.ConnectionString,
            "--to", Path.Combine(Path.GetTempPath(), "kasse-no-pg-dump-" + Guid.NewGuid().ToString("N"))]);

        Assert.Equal(1, backup.ExitCode);
        Assert.Contains("pg_dump was not found", backup.Error);
        Assert.Contains(DatabaseBackups.PostgresClientPackage, backup.Error);
    }
}
