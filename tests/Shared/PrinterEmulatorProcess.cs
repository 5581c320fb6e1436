using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

using Kasse.Tests;

namespace Kasse.Tests.Printing;

/// <summary>
/// tools/Kasse.PrinterEmulator as its own process on a free loopback port: a network receipt printer whose
/// paper is a folder of job-NNNN.txt files.
/// </summary>
public sealed partial class PrinterEmulatorProcess : IAsyncDisposable
{
    private Process _process;

    private PrinterEmulatorProcess(Process process, int port, string output)
    {
        _process = process;
        Port = port;
        OutputFolder = output;
    }

    public int Port { get; }
    public string OutputFolder { get; }
    public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public static async Task<PrinterEmulatorProcess> StartAsync(string? output = null, int port = 0)
    {
        output ??= Directory.CreateTempSubdirectory("kasse-printer-").FullName;
        var (process, actualPort) = await LaunchAsync(output, port);
        return new PrinterEmulatorProcess(process, actualPort, output);
    }

    private static async Task<(Process, int)> LaunchAsync(string output, int port)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "kasse-printer-emulator.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The printer emulator was not built next to the tests ({dll}); build tools/Kasse.PrinterEmulator.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--port", port.ToString(CultureInfo.InvariantCulture), "--out", output })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the printer emulator.");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("The printer emulator did not say which port it listens on within 30 s.");
            }
            if (line is null)
                throw new InvalidOperationException("The printer emulator stopped: " + await process.StandardError.ReadToEndAsync(CancellationToken.None));
            var match = Listening().Match(line);
            if (match.Success)
            {
                _ = DrainAsync(process);
                return (process, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }
    }

    private static async Task DrainAsync(Process process)
    {
        try
        {
            while (await process.StandardOutput.ReadLineAsync() is not null) { }
        }
        catch (InvalidOperationException) { }
    }

    /// <summary>online, offline (connections refused) or paper-out (status says so, nothing prints); returns once the emulator says the state is in force.</summary>
    public async Task SetStateAsync(string state)
    {
        await File.WriteAllTextAsync(Path.Combine(OutputFolder, "printer.state"), state);
        var applied = Path.Combine(OutputFolder, "printer.state.applied");
        await Eventually.HoldsAsync(() => File.Exists(applied) ? File.ReadAllText(applied) : "(not yet written)", seen => seen == state,
            $"the printer emulator to be {state}");
    }

    public IReadOnlyList<string> Jobs() =>
        Directory.GetFiles(OutputFolder, "job-*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();

    /// <summary>Waits until at least <paramref name="count"/> jobs have come out, or fails saying what did.</summary>
    public Task<IReadOnlyList<string>> WaitForJobsAsync(int count, TimeSpan? timeout = null) =>
        Eventually.HoldsAsync(() => Jobs(), jobs => jobs.Count >= count, $"{count} print job(s) at the printer emulator", timeout,
            jobs => $"{jobs.Count} job(s): {string.Join("\n---\n", jobs)}");

    /// <summary>
    /// Waits until the emulator has finished with every connection it accepted, so all that was sent to it is
    /// on paper (or known not to be). With the sender's own word that it sent nothing more, the paper is final.
    /// </summary>
    public Task WaitUntilIdleAsync() =>
        Eventually.HoldsAsync(Connections, c => c.Accepted == c.Finished, "the printer emulator to finish its connections");

    private (int Accepted, int Finished) Connections()
    {
        var file = Path.Combine(OutputFolder, "connections");
        if (!File.Exists(file))
            return (0, 0);
        var counts = File.ReadAllText(file).Split(' ');
        return (int.Parse(counts[0], CultureInfo.InvariantCulture), int.Parse(counts[1], CultureInfo.InvariantCulture));
    }

    /// <summary>Stops the process, as pulling the printer's plug would.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>Starts it again on the same port and folder.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        _process.Dispose();
        (_process, _) = await LaunchAsync(OutputFolder, Port);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(OutputFolder, recursive: true);
        }
        catch (IOException) { }
    }

    [GeneratedRegex(@"^listening on [^ ]+:(\d+)$")]
    private static partial Regex Listening();
}
