using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Kasse.Server.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the real <c>kasse</c> executable as its own process, as a person at a terminal would.</summary>
public static partial class KasseProcess
{
    private static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "kasse.exe" : "kasse");

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    /// <summary>As <see cref="RunAsync(string[])"/> with these environment variables changed (null removes one).</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var process = Start(args, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>Starts <c>kasse</c> serving on a free loopback port and waits (bounded) until it says where.</summary>
    public static Task<(Process Process, Uri Address)> ServeAsync(params string[] args) => ServeAsync(new StringBuilder(), args);

    /// <summary>As <see cref="ServeAsync(string[])"/>, and keeps everything it prints (standard output and error) in <paramref name="seen"/>.</summary>
    public static async Task<(Process Process, Uri Address)> ServeAsync(StringBuilder seen, params string[] args)
    {
        var process = Start([.. args, "--urls", "http://127.0.0.1:0"]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!timeout.IsCancellationRequested)
        {
            string? line;
            try
            {
                line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                break; // kill it below rather than leave it running
            }
            if (line is null)
                break;
            lock (seen)
                seen.AppendLine(line);
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                _ = Task.Run(() => KeepAsync(process.StandardOutput, seen));
                _ = Task.Run(() => KeepAsync(process.StandardError, seen));
                return (process, new Uri(match.Groups[1].Value));
            }
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("kasse did not start listening within 2 minutes. It printed:\n" + seen + await process.StandardError.ReadToEndAsync());
    }

    private static async Task KeepAsync(StreamReader reader, StringBuilder seen)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (seen)
                seen.AppendLine(line);
        }
    }

    private static Process Start(string[] args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"The kasse executable was not built next to the tests ({Executable}).");
        var info = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        // The test run's own settings must not leak into the child.
        info.Environment.Remove("Kasse__Database__Provider");
        info.Environment.Remove("Kasse__Database__ConnectionString");
        info.Environment["DOTNET_NOLOGO"] = "1";
        // The demo's simulators only where a test asks for them (--Kasse:StartDemoDevices=true, which beats this).
        info.Environment["Kasse__StartDemoDevices"] = "false";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
            info.Environment[name] = value;
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start kasse.");
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
