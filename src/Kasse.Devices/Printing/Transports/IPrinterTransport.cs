using Kasse.Domain.Devices;

namespace Kasse.Devices.Printing.Transports;

/// <summary>How a send went. <see cref="MayHavePrinted"/> is true only when bytes left Kasse before it broke off.</summary>
public sealed record SendResult(PrinterState State, bool Printed, bool MayHavePrinted, string? Problem)
{
    public static SendResult Done { get; } = new(PrinterState.Online, true, true, null);

    public static SendResult NotSent(PrinterState state, string problem) => new(state, false, false, problem);
}

/// <summary>A way to a printer. What it can tell about paper and power depends on the connection.</summary>
public interface IPrinterTransport
{
    /// <summary>Whether the printer answers, and what its status says, without printing anything.</summary>
    Task<SendResult> CheckAsync(CancellationToken ct);

    /// <summary>Sends a job, after making sure the printer can take it (online, with paper) where the connection can tell.</summary>
    Task<SendResult> SendAsync(byte[] job, CancellationToken ct);
}
