using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Kasse.Server.Tests.Reliability;

/// <summary>
/// A PostgreSQL server of the test's own: its own cluster in a temp folder, on a free loopback port, so restarting it
/// under load disturbs no other test. Started with the installed PostgreSQL's initdb and pg_ctl (as the postgres user
/// when the tests run as root, since PostgreSQL refuses to run as root).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;
    private readonly int _port;

    private PrivatePostgres(string folder, string bin, int port) => (_folder, _bin, _port) = (folder, bin, port);

    private string Data => Path.Combine(_folder, "data");

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).Order().LastOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("This test runs a PostgreSQL server of its own and needs PostgreSQL's initdb and pg_ctl "
                + "(Debian package postgresql, in /usr/lib/postgresql/<version>/bin). Install it; ./test.sh does.");
        var folder = Path.Combine(Path.GetTempPath(), "kasse-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var server = new PrivatePostgres(folder, bin, FreePort());
        if (Environment.UserName == "root")
            await RunAsync("chown", "postgres:postgres", folder);
        await server.PgAsync("initdb", "-D", server.Data, "-U", "kasse", "-A", "trust", "-E", "UTF8", "--no-sync");
        await server.PgAsync("pg_ctl", "-D", server.Data, "-l", Path.Combine(folder, "log"), "-o", server.Options, "-w", "-t", "120", "start");
        return server;
    }

    private string Options => $"-p {_port.ToString(CultureInfo.InvariantCulture)} -k {_folder} -c listen_addresses=127.0.0.1";

    public string AdminConnection => $"Host=127.0.0.1;Port={_port.ToString(CultureInfo.InvariantCulture)};Username=kasse;Database=postgres;Pooling=false";

    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using (var connection = new NpgsqlConnection(AdminConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
        }
        return $"Host=127.0.0.1;Port={_port.ToString(CultureInfo.InvariantCulture)};Username=kasse;Database={name}";
    }

    /// <summary>
    /// An immediate stop (as a crash: no checkpoint, connections cut) and a start, which recovers from its WAL. It
    /// stays down until <paramref name="whileDown"/> completes: e.g. until the tills under load have met the outage.
    /// </summary>
    public async Task RestartAsync(Func<Task> whileDown)
    {
        await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "-t", "60", "stop");
        await whileDown();
        await PgAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "log"), "-o", Options, "-w", "-t", "120", "start");
    }

    private Task PgAsync(string tool, params string[] args) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args])
            : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
