using System.Diagnostics;
using System.Globalization;

namespace Kasse.Server.Tests.Reliability;

/// <summary>A small filesystem of the test's own (tmpfs, mounted as root), so "the disk is full" is real and harms nothing else.</summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static async Task<SmallDisk> MountAsync(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kasse-disk-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes.ToString(CultureInfo.InvariantCulture)}m", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            throw new InvalidOperationException("This test fills a disk of its own and needs to mount a small tmpfs, which takes root "
                + $"(CI runs as root; or give this user CAP_SYS_ADMIN). mount said ({code}): {output}");
        }
        return new SmallDisk(path);
    }

    /// <summary>Writes a file until the disk refuses more; returns its path, to delete to free the space again.</summary>
    public async Task<string> FillAsync()
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)0x5a);
        try
        {
            await using var file = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
            for (var i = 0; i < 1_000_000; i++)
                await file.WriteAsync(chunk);
        }
        catch (IOException)
        {
            // No space left on device: that was the point.
        }
        return filler;
    }

    public string Describe()
    {
        var drive = new DriveInfo(Path);
        return $"{drive.AvailableFreeSpace / 1024} KB free of {drive.TotalSize / 1024} KB";
    }

    private static async Task<(int, string)> RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "-l", Path);
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
