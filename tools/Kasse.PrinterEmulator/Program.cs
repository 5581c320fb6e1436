using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Kasse.PrinterEmulator;

// A network receipt printer for development and tests: listens like a printer's port 9100, decodes the
// ESC/POS it receives, and writes each job as job-NNNN.txt and job-NNNN.svg into the output folder.
// Writing "offline" or "paper-out" (or "online") into <out>/printer.state switches its state while it runs;
// <out>/printer.state.applied says which state it now is in, and <out>/connections how many connections it
// accepted and how many it has finished with ("3 3"), so a test can wait for the printer instead of the clock.
var options = EmulatorOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: kasse-printer-emulator [--port 9100] [--host 127.0.0.1] [--out ./printer-output] [--columns 48] [--exit-with PID]
          --port 0 picks a free port; the chosen one is printed as "listening on HOST:PORT".
          Write offline, paper-out or online into OUT/printer.state to change the printer's state.
          --exit-with PID stops it when that process ends (Kasse's demo starts it so).
        """);
    return 2;
}
Directory.CreateDirectory(options.Output);
var printer = new NetworkPrinter(options);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
if (options.ExitWith is { } parentId)
    Kasse.Tools.ParentProcess.StopWith(parentId, stop.Cancel);
await printer.RunAsync(stop.Token);
return 0;

internal sealed record EmulatorOptions(IPAddress Host, int Port, string Output, int Columns, int? ExitWith = null)
{
    public string StateFile => Path.Combine(Output, "printer.state");
    public string AppliedStateFile => Path.Combine(Output, "printer.state.applied");
    public string ConnectionsFile => Path.Combine(Output, "connections");

    public static EmulatorOptions? Parse(string[] args)
    {
        var host = IPAddress.Loopback;
        var port = 9100;
        var output = Path.GetFullPath("printer-output");
        var columns = 48;
        int? exitWith = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--port" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535: port = p; break;
                case "--host" when IPAddress.TryParse(args[i + 1], out var h): host = h; break;
                case "--out": output = Path.GetFullPath(args[i + 1]); break;
                case "--columns" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is > 0 and < 200: columns = c; break;
                case "--exit-with" when int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid): exitWith = pid; break;
                default: return null;
            }
        }
        return args.Length % 2 == 0 ? new EmulatorOptions(host, port, output, columns, exitWith) : null;
    }
}

internal sealed class NetworkPrinter(EmulatorOptions options)
{
    private int _port = options.Port;
    private int _jobs = Directory.GetFiles(options.Output, "job-*.txt").Length;
    private readonly Lock _connectionsGate = new();
    private Task _lastPaper = Task.CompletedTask;
    private int _accepted;
    private int _finished;

    public async Task RunAsync(CancellationToken ct)
    {
        TcpListener? listener = null;
        CancellationTokenSource? accepting = null;
        var announced = false;
        string? applied = null;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var state = ReadState();
                if (state == "offline" && listener is not null)
                {
                    // Switched off: connections are refused, as with a printer without power.
                    await accepting!.CancelAsync();
                    listener.Stop();
                    listener = null;
                    Console.WriteLine("offline");
                }
                else if (state != "offline" && listener is null)
                {
                    listener = new TcpListener(options.Host, _port);
                    listener.Start();
                    _port = ((IPEndPoint)listener.LocalEndpoint).Port;
                    accepting = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    _ = AcceptAsync(listener, accepting.Token);
                    if (!announced)
                        Console.WriteLine($"listening on {options.Host}:{_port}");
                    else
                        Console.WriteLine("online");
                    announced = true;
                }
                if (state != applied)
                {
                    // Said only once the state is in force (the listener stopped or started).
                    WriteAtomically(options.AppliedStateFile, state);
                    applied = state;
                }
                await Task.Delay(100, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        finally
        {
            listener?.Stop();
        }
    }

    private string ReadState()
    {
        try
        {
            return File.Exists(options.StateFile) ? File.ReadAllText(options.StateFile).Trim().ToLowerInvariant() : "online";
        }
        catch (IOException)
        {
            return "online";
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            CountConnection(accepted: 1, finished: 0);
            // Paper comes out in the order the connections came in, as on a printer with one port: a connection's
            // job is numbered only after the one before it has finished, however the two were scheduled here.
            var before = _lastPaper;
            var paper = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _lastPaper = paper.Task;
            _ = ServeThenCountAsync(client, before, paper, ct);
        }
    }

    private async Task ServeThenCountAsync(TcpClient client, Task before, TaskCompletionSource paper, CancellationToken ct)
    {
        try
        {
            await ServeAsync(client, before, ct);
        }
        finally
        {
            paper.SetResult();
            // After the job's files are written: a reader who sees the connection finished sees its paper.
            CountConnection(accepted: 0, finished: 1);
        }
    }

    private void CountConnection(int accepted, int finished)
    {
        lock (_connectionsGate)
        {
            _accepted += accepted;
            _finished += finished;
            WriteAtomically(options.ConnectionsFile, string.Create(CultureInfo.InvariantCulture, $"{_accepted} {_finished}"));
        }
    }

    /// <summary>Written under a temporary name and renamed, so a reader never sees half a file.</summary>
    private static void WriteAtomically(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private async Task ServeAsync(TcpClient client, Task before, CancellationToken ct)
    {
        using var _ = client;
        var decoder = new EscPosDecoder(() => ReadState() == "paper-out");
        var stream = client.GetStream();
        var buffer = new byte[8192];
        try
        {
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(ct);
                idle.CancelAfter(TimeSpan.FromSeconds(10));
                var read = await stream.ReadAsync(buffer, idle.Token);
                if (read == 0)
                    break;
                var replies = decoder.Feed(buffer.AsSpan(0, read));
                if (replies.Length > 0)
                    await stream.WriteAsync(replies, ct);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
            // the sender went away; what arrived still printed
        }
        decoder.Finish();
        await before;
        if (decoder.Paper.IsEmpty)
            return;
        var number = Interlocked.Increment(ref _jobs);
        var name = Path.Combine(options.Output, "job-" + number.ToString("0000", CultureInfo.InvariantCulture));
        // Written under a temporary name and renamed, so a reader never sees half a job.
        await File.WriteAllTextAsync(name + ".svg.tmp", decoder.Paper.ToSvg(options.Columns), CancellationToken.None);
        File.Move(name + ".svg.tmp", name + ".svg", overwrite: true);
        var text = decoder.Paper.ToText();
        if (decoder.Unknown.Count > 0)
            text += "[UNKNOWN " + string.Join(", ", decoder.Unknown) + "]\n";
        await File.WriteAllTextAsync(name + ".txt.tmp", text, CancellationToken.None);
        File.Move(name + ".txt.tmp", name + ".txt", overwrite: true);
        Console.WriteLine($"printed {Path.GetFileName(name)}");
    }
}
