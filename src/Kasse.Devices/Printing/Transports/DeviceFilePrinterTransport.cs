using Kasse.Domain.Devices;

namespace Kasse.Devices.Printing.Transports;

/// <summary>
/// A printer seen as a device file, such as a USB printer's /dev/usb/lp0. The file vanishes when the
/// printer is unplugged or off; paper status is not available this way.
/// </summary>
public sealed class DeviceFilePrinterTransport(string path) : IPrinterTransport
{
    public Task<SendResult> CheckAsync(CancellationToken ct) => Task.FromResult(File.Exists(path)
        ? new SendResult(PrinterState.Online, false, false, null)
        : SendResult.NotSent(PrinterState.Offline, Missing));

    public async Task<SendResult> SendAsync(byte[] job, CancellationToken ct)
    {
        if (!File.Exists(path))
            return SendResult.NotSent(PrinterState.Offline, Missing);
        FileStream device;
        try
        {
            // Open, never create: a missing device must not become a plain file that swallows receipts.
            device = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0, useAsync: false);
        }
        catch (UnauthorizedAccessException)
        {
            return SendResult.NotSent(PrinterState.Offline, $"Kasse may not write to {path}: add its user to the device's group (often 'lp').");
        }
        catch (IOException e)
        {
            return SendResult.NotSent(PrinterState.Offline, $"Could not open {path}: {e.Message}");
        }
        await using (device)
        {
            try
            {
                if (device.CanSeek)
                    device.Seek(0, SeekOrigin.End);
                await device.WriteAsync(job, ct);
                await device.FlushAsync(ct);
                return SendResult.Done;
            }
            catch (IOException e)
            {
                return new SendResult(PrinterState.Offline, false, true, $"Writing to {path} failed part way: {e.Message}");
            }
        }
    }

    private string Missing => $"{path} is not there: is the printer switched on and its USB cable plugged in?";
}
