using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kasse.Server.Hosting;
using Kasse.Server.Operations;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests;
using Npgsql;

namespace Kasse.Server.Tests.Operations;

/// <summary>
/// The real <c>kasse</c> server's health endpoints (anonymous, JSON per check, 503 when not ready) with its database
/// taken away and given back, and its scheduled backups keeping the newest N.
/// </summary>
public sealed partial class HealthAndScheduleTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("kasse-health-").FullName;
    private readonly StringBuilder _log = new();

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    private sealed record Answer(HttpStatusCode Status, string Overall, Dictionary<string, string> Checks, string Body);

    private static async Task<Answer> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
        return new Answer(response.StatusCode, json.RootElement.GetProperty("status").GetString()!, checks, body);
    }

    [Fact]
    public async Task Ready_answers_503_naming_the_database_while_the_SQLite_file_is_gone_and_200_again_when_it_is_back()
    {
        var (process, address) = await KasseProcess.ServeAsync(_log, "--data", _data, "--Kasse:Health:MinFreeDiskMegabytes=1");
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            var file = Path.Combine(_data, "kasse.db");
            var live = await GetAsync(http, "/health/live");
            var ready = await GetAsync(http, "/health/ready");
            var old = await http.GetAsync("/health");

            File.Move(file, file + ".away");
            var away = await GetAsync(http, "/health/ready");
            var liveAway = await GetAsync(http, "/health/live");
            File.Move(file + ".away", file, overwrite: true);
            var back = await GetAsync(http, "/health/ready");

            Assert.Equal((HttpStatusCode.OK, "Healthy"), (live.Status, live.Overall));
            Assert.Empty(live.Checks);
            Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Overall));
            Assert.Equal("Healthy", ready.Checks["database"]);
            Assert.Equal("Healthy", ready.Checks["disk"]);
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (away.Status, away.Overall));
            Assert.Equal("Unhealthy", away.Checks["database"]);
            Assert.Equal("Healthy", away.Checks["disk"]);
            Assert.DoesNotContain(_data, away.Body);
            Assert.DoesNotContain("Data Source", away.Body);
            Assert.Equal(HttpStatusCode.OK, liveAway.Status);
            Assert.Equal((HttpStatusCode.OK, "Healthy"), (back.Status, back.Overall));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Ready_answers_503_while_PostgreSQL_refuses_connections_and_200_again_after()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        var admin = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = "postgres", Pooling = false }.ToString();
        var (process, address) = await KasseProcess.ServeAsync(_log, "--database", "postgres", "--connection", database.ConnectionString, "--data", _data,
            "--Kasse:Health:MinFreeDiskMegabytes=1");
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            var ready = await GetAsync(http, "/health/ready");

            await AdminAsync(admin, $"ALTER DATABASE {name} ALLOW_CONNECTIONS false");
            await AdminAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
            var refused = await Eventually.HoldsAsync(() => GetAsync(http, "/health/ready"), a => a.Status != HttpStatusCode.OK,
                "/health/ready to notice PostgreSQL refusing connections", describe: a => a.Body);
            await AdminAsync(admin, $"ALTER DATABASE {name} ALLOW_CONNECTIONS true");
            var back = await Eventually.HoldsAsync(() => GetAsync(http, "/health/ready"), a => a.Status == HttpStatusCode.OK,
                "/health/ready to be healthy again", describe: a => a.Body);

            Assert.Equal((HttpStatusCode.OK, "Healthy"), (ready.Status, ready.Overall));
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (refused.Status, refused.Overall));
            Assert.Equal("Unhealthy", refused.Checks["database"]);
            Assert.DoesNotContain("Password", refused.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(name, refused.Body);
            Assert.Equal("Healthy", back.Checks["database"]);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await AdminAsync(admin, $"ALTER DATABASE {name} ALLOW_CONNECTIONS true");
        }
    }

    [Fact]
    public async Task Ready_answers_503_naming_the_disk_when_free_space_is_below_the_threshold()
    {
        var (process, address) = await KasseProcess.ServeAsync(_log, "--data", _data, "--Kasse:Health:MinFreeDiskMegabytes=100000000");
        try
        {
            using var http = new HttpClient { BaseAddress = address };
            var ready = await GetAsync(http, "/health/ready");

            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (ready.Status, ready.Overall));
            Assert.Equal("Unhealthy", ready.Checks["disk"]);
            Assert.Equal("Healthy", ready.Checks["database"]);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task The_server_backs_up_on_its_schedule_and_keeps_the_newest_ones()
    {
        var folder = Path.Combine(_data, "scheduled");
        // Every 0.0005 h (1.8 s), keep 2.
        var (process, _) = await KasseProcess.ServeAsync(_log, "--data", _data, "--Kasse:Backup:EveryHours=0.0005", "--Kasse:Backup:Keep=2",
            $"--Kasse:Backup:Folder={folder}");
        List<string> written;
        try
        {
            written = await Eventually.HoldsAsync(() => Written(), w => w.Count >= 3, "three scheduled backups", TimeSpan.FromSeconds(60));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        written = Written();

        var left = DatabaseBackups.List(folder).Select(b => b.Path).ToList();
        // Each logged backup was pruned to the newest two when it was logged; one more may have been written since.
        Assert.Contains(written[^1], left);
        Assert.Contains(written[^2], left);
        Assert.All(written[..^2], old => Assert.DoesNotContain(old, left));
        Assert.InRange(left.Count, 2, 3);
        Assert.All(DatabaseBackups.List(folder), b => Assert.Equal("scheduled", b.Manifest.Reason));
    }

    private List<string> Written()
    {
        lock (_log)
            return [.. ScheduledBackup().Matches(_log.ToString()).Select(m => m.Groups[1].Value)];
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"Scheduled backup written to (\S+) \(")]
    private static partial Regex ScheduledBackup();
}
