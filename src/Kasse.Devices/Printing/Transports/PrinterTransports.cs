using Kasse.Domain.Devices;

namespace Kasse.Devices.Printing.Transports;

/// <summary>Picks the transport for a configured printer. Replaceable in DI, e.g. by a test.</summary>
public class PrinterTransports
{
    public virtual IPrinterTransport For(Printer printer)
    {
        switch (printer.Connection)
        {
            case PrinterConnection.Network:
                var (host, port) = Printer.SplitNetworkAddress(printer.Address);
                return new NetworkPrinterTransport(host, port);
            case PrinterConnection.DeviceFile:
                return new DeviceFilePrinterTransport(printer.Address);
            default:
                throw new NotSupportedException($"No transport for {printer.Connection}.");
        }
    }
}
