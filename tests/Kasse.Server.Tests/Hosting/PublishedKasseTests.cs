using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Kasse.Server.Tests.Hosting;

/// <summary>
/// The self-contained single-file <c>kasse</c> for linux-x64 (the publish profile tools/release and the container
/// use) starts exactly as the container's entrypoint starts it — deploy/Dockerfile's environment, an empty data
/// folder, as a user that is not root when the test runs as root — and sells a sale through the API.
/// </summary>
public sealed partial class PublishedKasseTests : IDisposable
{
    /// <summary>The container's user (deploy/Dockerfile: USER 10001:10001).</summary>
    private const int ContainerUser = 10001;

    private readonly string _data = Directory.CreateTempSubdirectory("kasse-published-data-").FullName;

    public void Dispose()
    {
        Directory.Delete(_data, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_single_file_build_started_as_the_container_starts_it_sells_a_sale()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
            Assert.Fail("This test publishes the linux-x64 build, which CI builds and the container runs; run it on linux-x64.");
        var published = await PublishedKasse.FolderAsync();
        var executable = Path.Combine(published, "kasse");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
            await RunAsync("chown", "-R", $"{ContainerUser}:{ContainerUser}", _data);

        // deploy/Dockerfile's ENV and ENTRYPOINT, with the data folder here instead of /data and a free port instead of 8080.
        var info = new ProcessStartInfo(asRoot ? "setpriv" : executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = _data,
        };
        if (asRoot)
            foreach (var arg in new[] { $"--reuid={ContainerUser}", $"--regid={ContainerUser}", "--clear-groups", "--", executable })
                info.ArgumentList.Add(arg);
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        info.Environment["Kasse__DataDirectory"] = _data;
        info.Environment["HOME"] = _data;
        info.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Kasse__StartDemoDevices"] = "false";
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the published kasse.");
        var seen = new StringBuilder();
        try
        {
            var address = await ListeningAsync(process, seen);
            var sold = await KeyRingAtRestTests.SellAsync(address);
            var owner = asRoot ? (await RunAsync("stat", "-c", "%u", Path.Combine(_data, "kasse.db"))).Trim() : null;

            Assert.NotNull(sold.KeyVersion);
            Assert.Equal(1, sold.ReceiptNumber);
            if (asRoot)
                Assert.Equal(ContainerUser.ToString(System.Globalization.CultureInfo.InvariantCulture), owner);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<Uri> ListeningAsync(Process process, StringBuilder seen)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        _ = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
                lock (seen)
                    seen.AppendLine(line);
        });
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            lock (seen)
                seen.AppendLine(line);
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new Uri(match.Groups[1].Value);
            }
        }
        lock (seen)
            throw new InvalidOperationException("The published kasse did not start listening. It printed:\n" + seen);
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed: {await error}");
        return await output;
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}

/// <summary>
/// Publishes the linux-x64 single-file kasse once per test run, with the release's publish profile but without
/// ReadyToRun (the slow part, which changes how fast it starts, not what it does), into a folder every user can read.
/// </summary>
internal static class PublishedKasse
{
    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    public static Task<string> FolderAsync() => Published.Value;

    private static async Task<string> PublishAsync()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (repository is not null && !File.Exists(Path.Combine(repository.FullName, "Kasse.slnx")))
            repository = repository.Parent;
        if (repository is null)
            throw new InvalidOperationException($"No Kasse.slnx above {AppContext.BaseDirectory}: the test publishes kasse from the repository it was built in.");
        var folder = Path.Combine(Path.GetTempPath(), "kasse-published-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = repository.FullName,
        };
        foreach (var arg in new[] { "publish", "src/Kasse.Server", "-c", "Release", "-r", "linux-x64", "-p:PublishProfile=linux-x64",
                     "--self-contained", "-p:PublishReadyToRun=false", "-o", folder, "-nologo" })
            info.ArgumentList.Add(arg);
        info.Environment["DOTNET_NOLOGO"] = "1";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed after {watch.Elapsed}:\n{await output}\n{await error}");
        Console.WriteLine($"Published the linux-x64 single-file kasse in {watch.Elapsed.TotalSeconds:0} s.");
        // Readable by the container's user: a temporary folder starts as its maker's only.
        if (!OperatingSystem.IsWindows())
            foreach (var directory in Directory.GetDirectories(folder, "*", SearchOption.AllDirectories).Append(folder))
                File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        if (!File.Exists(Path.Combine(folder, "kasse")) || File.Exists(Path.Combine(folder, "Kasse.Application.dll")))
            throw new InvalidOperationException($"The publish in {folder} is not a single-file kasse: {string.Join(", ", Directory.GetFiles(folder).Select(Path.GetFileName))}");
        return folder;
    }
}
