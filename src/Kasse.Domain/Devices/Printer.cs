using System.Globalization;

namespace Kasse.Domain.Devices;

/// <summary>What a printer is for: a register's receipts, or a kitchen or bar station's tickets.</summary>
public enum PrinterRole
{
    Receipt,
    Kitchen,
}

/// <summary>How Kasse reaches the printer.</summary>
public enum PrinterConnection
{
    /// <summary>Raw TCP, "host:port" (port 9100 if left out), as network receipt printers listen.</summary>
    Network,
    /// <summary>A device file such as a USB printer's /dev/usb/lp0.</summary>
    DeviceFile,
}

/// <summary>What Kasse last learnt from the printer, shown to the cashier.</summary>
public enum PrinterState
{
    Unknown,
    Online,
    /// <summary>Unreachable: switched off, unplugged, or the cover open.</summary>
    Offline,
    PaperOut,
}

/// <summary>A printer of a store and where it prints for: a register's receipt printer, or a kitchen/bar station.</summary>
public sealed class Printer
{
    public const int MaxNameLength = 60;
    public const int MaxStationLength = 40;
    public const int MaxAddressLength = 200;
    public const int MaxProblemLength = 300;
    public const int DefaultPort = 9100;

    private Printer() { Name = ""; Address = ""; }

    public Guid Id { get; private set; }
    public Guid StoreId { get; private set; }
    public string Name { get; private set; }
    public PrinterRole Role { get; private set; }

    /// <summary>The register whose receipts, reports and drawer this printer serves (receipt printers).</summary>
    public Guid? RegisterId { get; private set; }

    /// <summary>The kitchen or bar station whose tickets it prints (kitchen printers), e.g. "Køkken" or "Bar".</summary>
    public string? Station { get; private set; }

    public PrinterConnection Connection { get; private set; }
    public string Address { get; private set; }

    /// <summary>Characters per line: 48 or 42 on 80 mm paper, 32 on 58 mm.</summary>
    public int Columns { get; private set; }

    public PrinterState State { get; private set; }
    public string? Problem { get; private set; }
    public DateTimeOffset? StateCheckedAt { get; private set; }

    public static Printer Create(Guid id, Guid storeId, string name, PrinterRole role, Guid? registerId, string? station,
        PrinterConnection connection, string address, int columns)
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid(PrinterErrors.Id, "Give the printer an id (a new UUID).");
        var printer = new Printer { Id = id, StoreId = storeId };
        printer.Change(name, role, registerId, station, connection, address, columns);
        return printer;
    }

    public void Change(string name, PrinterRole role, Guid? registerId, string? station, PrinterConnection connection, string address, int columns)
    {
        Name = Text.Required(name, MaxNameLength, "printer.name", "A printer name");
        station = Text.Optional(station, MaxStationLength, "printer.station", "The station");
        switch (role)
        {
            case PrinterRole.Receipt when registerId is null:
                throw DomainException.Invalid(PrinterErrors.Register, "A receipt printer belongs to a register: give its registerId.");
            case PrinterRole.Kitchen when station is null:
                throw DomainException.Invalid(PrinterErrors.Station, "A kitchen printer prints for a station: give its name (e.g. \"Køkken\" or \"Bar\").");
        }
        if (!PaperWidth.IsSupported(columns))
            throw DomainException.Invalid(PrinterErrors.Columns,
                $"{columns} columns is not a paper width Kasse lays out: use 48 or 42 (80 mm paper) or 32 (58 mm paper).");
        Role = role;
        RegisterId = role == PrinterRole.Receipt ? registerId : null;
        Station = role == PrinterRole.Kitchen ? station : null;
        Connection = connection;
        Address = connection switch
        {
            PrinterConnection.Network => NetworkAddress(address),
            PrinterConnection.DeviceFile => DevicePath(address),
        };
        Columns = columns;
    }

    public void RecordState(PrinterState state, string? problem, DateTimeOffset at)
    {
        State = state;
        Problem = problem is null ? null : problem.Length > MaxProblemLength ? problem[..MaxProblemLength] : problem;
        StateCheckedAt = at;
    }

    /// <summary>Splits "host:port"; the port is 9100 when left out.</summary>
    public static (string Host, int Port) SplitNetworkAddress(string address)
    {
        var colon = address.LastIndexOf(':');
        if (colon < 0)
            return (address, DefaultPort);
        return (address[..colon], int.Parse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture));
    }

    private static string NetworkAddress(string address)
    {
        var trimmed = (address ?? "").Trim();
        var colon = trimmed.LastIndexOf(':');
        var host = colon < 0 ? trimmed : trimmed[..colon];
        var portValid = colon < 0 || (int.TryParse(trimmed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535);
        if (host.Length == 0 || trimmed.Length > MaxAddressLength || !portValid || host.Any(c => char.IsWhiteSpace(c) || c is '/' or ':'))
            throw DomainException.Invalid(PrinterErrors.Address, $"'{trimmed}' is not a network printer address: give host:port, e.g. 192.168.1.50:9100.");
        return trimmed;
    }

    private static string DevicePath(string address)
    {
        var trimmed = (address ?? "").Trim();
        if (!trimmed.StartsWith('/') || trimmed.Length > MaxAddressLength)
            throw DomainException.Invalid(PrinterErrors.Address, $"'{trimmed}' is not a device file: give an absolute path such as /dev/usb/lp0.");
        return trimmed;
    }
}
