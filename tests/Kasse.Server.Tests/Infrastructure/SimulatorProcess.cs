using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Kasse.Tests;

namespace Kasse.Server.Tests.Infrastructure;

/// <summary>
/// A device simulator from tools/ (card terminal or MobilePay) running as its own process on a loopback port,
/// with its journal in a file of its own, so a test can kill it and start it again on the same port and file.
/// </summary>
public sealed class SimulatorProcess : IAsyncDisposable
{
    public const string Terminal = "kasse-terminal-simulator";
    public const string MobilePay = "kasse-mobilepay-simulator";
    public const string Accounting = "kasse-accounting-simulator";

    private readonly string _executable;
    private readonly string _folder;
    private readonly HttpClient _control;
    private Process? _process;

    private SimulatorProcess(string executable, int port, string folder)
    {
        _executable = executable;
        Port = port;
        _folder = folder;
        Url = new Uri($"http://127.0.0.1:{port}/");
        _control = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
    }

    public int Port { get; }
    public Uri Url { get; }
    public string DataFile => Path.Combine(_folder, "journal.json");

    public static async Task<SimulatorProcess> StartAsync(string name)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kasse_sim_" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var simulator = new SimulatorProcess(name, FreePort(), folder);
        await simulator.RunAsync();
        return simulator;
    }

    /// <summary>A loopback port nothing listens on (for "terminal not reachable").</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Pulls the plug: no goodbye, whatever it was doing.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
            return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public async Task RestartAsync()
    {
        await KillAsync();
        await RunAsync();
    }

    public async Task ControlAsync(string path, object? body = null)
    {
        using var response = await _control.PostAsJsonAsync(path, body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"The simulator refused {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<JsonElement[]> ListAsync(string path) =>
        (await _control.GetFromJsonAsync<JsonElement[]>(path))!;

    /// <summary>Polls the simulator (bounded) until its list satisfies the condition; fails the test otherwise.</summary>
    public Task<JsonElement[]> WaitForAsync(string path, Func<JsonElement[], bool> condition, string what) =>
        Eventually.HoldsAsync(() => ListAsync(path), condition, $"the simulator to show {what}", TimeSpan.FromSeconds(15));

    private async Task RunAsync()
    {
        var executable = Path.Combine(AppContext.BaseDirectory, _executable);
        if (!File.Exists(executable))
            throw new InvalidOperationException($"The simulator {_executable} was not built next to the tests ({executable}).");
        var seen = new StringBuilder();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var info = new ProcessStartInfo(executable, ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", DataFile])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = _folder,
            };
            var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {_executable}.");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                seen.AppendLine(line);
                if (line.Contains("listening on", StringComparison.Ordinal))
                {
                    _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                    _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
                    _process = process;
                    return;
                }
            }
            // Usually the port is still held by the process just killed: try again once it is free.
            seen.AppendLine(await process.StandardError.ReadToEndAsync(CancellationToken.None));
            await process.WaitForExitAsync(CancellationToken.None);
            process.Dispose();
            await Eventually.TrueAsync(() => PortIsFree(Port), $"port {Port} to be free again", TimeSpan.FromSeconds(30));
        }
        throw new InvalidOperationException($"{_executable} did not start on port {Port}:\n{seen}");
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            probe.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _control.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
