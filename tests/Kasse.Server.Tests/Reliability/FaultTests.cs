using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasse.Application.Catalog;
using Kasse.Application.Demo;
using Kasse.Application.Stores;
using Kasse.Domain.Catalog;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests;
using Npgsql;

namespace Kasse.Server.Tests.Reliability;

/// <summary>
/// The database goes away under load: a private PostgreSQL server (its own cluster, its own port, started by the test)
/// is restarted while four tills sell; a SQLite file's disk (a small tmpfs the test mounts) fills up. Kasse answers
/// 503 or 507 problem+json that says what happened, never a 500, recovers by itself, and loses nothing confirmed.
/// </summary>
public sealed class FaultTests : IAsyncLifetime
{
    private const int Tills = 4;
    private readonly StringBuilder _log = new();
    private readonly List<IAsyncDisposable> _cleanup = [];
    private Process? _kasse;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task PostgreSQL_restarted_under_load_gives_503_problems_then_Kasse_recovers_by_itself_and_loses_nothing_confirmed()
    {
        var postgres = await PrivatePostgres.StartAsync();
        _cleanup.Add(postgres);
        var connection = await postgres.CreateDatabaseAsync("kasse");
        var http = await StartKasseAsync("Postgres", connection);
        var (tills, progress) = await TillsAsync(http);

        using var stop = new CancellationTokenSource();
        var selling = tills.Select(t => Task.Run(() => t.SellAsync(http, stop.Token, retryWhenUnavailable: true))).ToArray();
        await progress.WaitForAsync(0, 12, TimeSpan.FromSeconds(60));
        // Down until a till has met the outage (a 503), however long that takes on a busy machine.
        await postgres.RestartAsync(() => Eventually.TrueAsync(() => tills.Any(t => t.Unavailable.Count > 0) || tills.Any(t => t.Failures.Count > 0),
            "a till to meet the database outage", TimeSpan.FromSeconds(60)));
        var afterRestart = progress.Answers;
        var confirmedBefore = tills.Sum(t => t.Confirmed.Count);
        await progress.WaitForAsync(afterRestart, 24, TimeSpan.FromSeconds(90));
        await stop.CancelAsync();
        await Task.WhenAll(selling);

        var failures = tills.SelectMany(t => t.Failures).ToList();
        Assert.True(failures.Count == 0, "Answers a till should never get while the database restarts:\n" + string.Join("\n", failures.Take(10)));
        var unavailable = tills.SelectMany(t => t.Unavailable).ToList();
        Assert.True(unavailable.Count > 0, "No request noticed the restart; the test proves nothing. Log:\n" + Log());
        Assert.All(unavailable, u => AssertProblem(u, 503, "database.unavailable"));
        Assert.True(tills.Sum(t => t.Confirmed.Count) > confirmedBefore, "Kasse did not complete a sale after PostgreSQL came back.");
        http.Dispose();
        await StopKasseAsync();
        await ConfirmedSales.AssertAllThereAsync(DatabaseProvider.Postgres, connection, tills, "after the PostgreSQL restart");
    }

    [Fact]
    public async Task A_full_disk_under_SQLite_gives_507_problems_no_corruption_and_selling_resumes_when_space_is_freed()
    {
        var disk = await SmallDisk.MountAsync(megabytes: 48);
        _cleanup.Add(disk);
        var connection = $"Data Source={Path.Combine(disk.Path, "kasse.db")}";
        var http = await StartKasseAsync("Sqlite", connection);
        var (tills, progress) = await TillsAsync(http);

        using var stop = new CancellationTokenSource();
        var selling = tills.Select(t => Task.Run(() => t.SellAsync(http, stop.Token, retryWhenUnavailable: true))).ToArray();
        await progress.WaitForAsync(0, 8, TimeSpan.FromSeconds(60));
        var filler = await disk.FillAsync();
        await Eventually.TrueAsync(() => tills.Sum(t => t.Unavailable.Count) > 0 || tills.Any(t => t.Failures.Count > 0),
            "a till to meet the full disk", TimeSpan.FromSeconds(90));
        var unavailable = tills.SelectMany(t => t.Unavailable).ToList();
        var confirmedWhileFull = tills.Sum(t => t.Confirmed.Count);
        File.Delete(filler);
        var freed = progress.Answers;
        await progress.WaitForAsync(freed, 24, TimeSpan.FromSeconds(90));
        await stop.CancelAsync();
        await Task.WhenAll(selling);

        var failures = tills.SelectMany(t => t.Failures).ToList();
        Assert.True(failures.Count == 0, "Answers a till should never get while the disk is full:\n" + string.Join("\n", failures.Take(10)));
        Assert.True(unavailable.Count > 0, $"Kasse kept saving with a full disk ({disk.Describe()}); the test proves nothing.");
        Assert.All(unavailable, u => AssertProblem(u, 507, "database.disk-full"));
        Assert.True(tills.Sum(t => t.Confirmed.Count) > confirmedWhileFull, "Kasse did not complete a sale after space was freed.");
        http.Dispose();
        await StopKasseAsync();
        await ConfirmedSales.AssertAllThereAsync(DatabaseProvider.Sqlite, connection, tills, "after the disk was full");
    }

    private static void AssertProblem((int Status, string Body) answer, int status, string code)
    {
        var problem = JsonDocument.Parse(answer.Body).RootElement;
        Assert.True(answer.Status == status && problem.GetProperty("code").GetString() == code, $"Expected {status} {code}, got {answer.Status}: {answer.Body}");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    private static async Task<(List<CrashTill>, TillProgress)> TillsAsync(HttpClient http)
    {
        var products = await CrashTests.PieceProductsAsync(http);
        var progress = new TillProgress();
        var tills = new List<CrashTill>();
        for (var i = 0; i < Tills; i++)
        {
            var register = Guid.CreateVersion7();
            await KasseClient.Read<RegisterView>(await http.PostAsJsonAsync($"/api/v1/stores/{DemoSeeder.StoreId}/registers", new { id = register, name = $"Fault {i + 1}" }));
            tills.Add(new CrashTill(register, products, 7 + i, progress));
        }
        return (tills, progress);
    }

    private async Task<HttpClient> StartKasseAsync(string provider, string connection)
    {
        var (process, address) = await KasseProcess.ServeAsync(_log, "--database", provider, "--connection", connection);
        _kasse = process;
        return new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60), DefaultRequestHeaders = { { "X-Api-Key", DemoSeeder.DemoApiKey } } };
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

    private string Log()
    {
        lock (_log)
            return _log.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        await StopKasseAsync();
        NpgsqlConnection.ClearAllPools();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var cleanup in Enumerable.Reverse(_cleanup))
            await cleanup.DisposeAsync();
    }
}
