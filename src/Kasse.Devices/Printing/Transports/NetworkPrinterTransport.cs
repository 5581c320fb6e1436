using System.Net.Sockets;
using Kasse.Domain.Devices;

namespace Kasse.Devices.Printing.Transports;

/// <summary>
/// Raw TCP to a network printer (port 9100). Before a job it asks the printer's real-time status
/// (DLE EOT 1 and 4), so a printer that is offline or out of paper gets nothing it would lose.
/// </summary>
public sealed class NetworkPrinterTransport(string host, int port) : IPrinterTransport
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    /// <summary>A printer that does not answer status within this is taken as one that does not support it.</summary>
    public static readonly TimeSpan StatusTimeout = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(10);

    public async Task<SendResult> CheckAsync(CancellationToken ct)
    {
        using var client = new TcpClient { NoDelay = true };
        var problem = await ConnectAsync(client, ct);
        if (problem is not null)
            return SendResult.NotSent(PrinterState.Offline, problem);
        return await StatusAsync(client.GetStream(), ct) ?? new SendResult(PrinterState.Online, false, false, null);
    }

    public async Task<SendResult> SendAsync(byte[] job, CancellationToken ct)
    {
        using var client = new TcpClient { NoDelay = true };
        var problem = await ConnectAsync(client, ct);
        if (problem is not null)
            return SendResult.NotSent(PrinterState.Offline, problem);
        var stream = client.GetStream();
        var status = await StatusAsync(stream, ct);
        if (status is { State: not PrinterState.Online })
            return status;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(WriteTimeout);
            await stream.WriteAsync(job, timeout.Token);
            await stream.FlushAsync(timeout.Token);
            client.Client.Shutdown(SocketShutdown.Send);
            return SendResult.Done;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new SendResult(PrinterState.Offline, false, true, $"The connection to {host}:{port} broke while sending: {e.Message}");
        }
    }

    private async Task<string?> ConnectAsync(TcpClient client, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(ConnectTimeout);
            await client.ConnectAsync(host, port, timeout.Token);
            return null;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return $"No answer from the printer at {host}:{port} ({(e is SocketException s ? s.SocketErrorCode.ToString() : "timed out")}): is it switched on and connected?";
        }
    }

    /// <returns>Null when the printer does not answer status requests; otherwise what it says.</returns>
    private static async Task<SendResult?> StatusAsync(NetworkStream stream, CancellationToken ct)
    {
        var printer = await AskAsync(stream, EscPos.PrinterStatus, ct);
        if (printer is null)
            return null;
        var paper = await AskAsync(stream, EscPos.PaperStatus, ct);
        if (paper is { } p && (p & EscPos.StatusPaperEnd) == EscPos.StatusPaperEnd)
            return SendResult.NotSent(PrinterState.PaperOut, "The printer is out of paper: put in a new roll.");
        if ((printer.Value & EscPos.StatusOffline) != 0)
            return SendResult.NotSent(PrinterState.Offline, "The printer says it is offline: check that its cover is closed and it has paper.");
        return new SendResult(PrinterState.Online, false, false, null);
    }

    private static async Task<byte?> AskAsync(NetworkStream stream, byte which, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(StatusTimeout);
            await stream.WriteAsync(EscPos.RealTimeStatus(which), timeout.Token);
            var answer = new byte[1];
            var read = await stream.ReadAsync(answer, timeout.Token);
            // A status byte has bit 1 and 4 set and bits 0 and 7 clear.
            return read == 1 && (answer[0] & 0x93) == EscPos.StatusFixedBits ? answer[0] : null;
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
