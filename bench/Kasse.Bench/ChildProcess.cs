using System.Diagnostics;
using System.Globalization;

namespace Kasse.Bench;

/// <summary>A server the harness starts, waits for, measures (RSS) and stops.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _tail = [];

    private ChildProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static ChildProcess Start(string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (_tail)
        {
            _tail.Add(line);
            if (_tail.Count > 40)
                _tail.RemoveAt(0);
        }
    }

    public string Tail()
    {
        lock (_tail)
            return string.Join(Environment.NewLine, _tail);
    }

    /// <summary>Polls until <paramref name="url"/> answers 2xx; returns the time since <paramref name="startedAt"/>.</summary>
    public async Task<TimeSpan> WaitUntilAnswersAsync(HttpClient http, Uri url, long startedAt, TimeSpan timeout)
    {
        while (Stopwatch.GetElapsedTime(startedAt) < timeout)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode}:{Environment.NewLine}{Tail()}");
            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                    return Stopwatch.GetElapsedTime(startedAt);
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(5);
        }
        throw new TimeoutException($"{url} did not answer within {timeout}:{Environment.NewLine}{Tail()}");
    }

    /// <summary>Resident memory now and at its peak, in MB, from /proc (Linux).</summary>
    public (double Rss, double Peak) MemoryMb()
    {
        var status = File.ReadAllLines($"/proc/{_process.Id}/status");
        double Field(string name) => status.Where(l => l.StartsWith(name, StringComparison.Ordinal))
            .Select(l => double.Parse(l[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0).FirstOrDefault(double.NaN);
        return (Field("VmRSS:"), Field("VmHWM:"));
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
