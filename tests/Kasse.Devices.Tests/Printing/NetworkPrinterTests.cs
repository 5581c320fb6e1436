using Kasse.Application.Printing;
using Kasse.Devices.Printing;
using Kasse.Devices.Printing.Transports;
using Kasse.Domain.Devices;
using Kasse.Domain.Sales;
using Kasse.Tests.Printing;

namespace Kasse.Devices.Tests.Printing;

/// <summary>Printing through a real TCP socket to the printer emulator, running as its own process.</summary>
public sealed class NetworkPrinterTests : IAsyncLifetime
{
    private PrinterEmulatorProcess _printer = null!;

    public async ValueTask InitializeAsync() => _printer = await PrinterEmulatorProcess.StartAsync();

    public async ValueTask DisposeAsync() => await _printer.DisposeAsync();

    private NetworkPrinterTransport Transport() => new("127.0.0.1", _printer.Port);

    [Fact]
    public async Task A_receipt_sent_over_TCP_comes_out_with_Danish_letters_and_its_barcode()
    {
        var code = ReceiptCode.For(Guid.CreateVersion7());
        var document = new PrintDocument([new TextBlock("Købmand Hansen\nRugbrød            25,00\n"), new BarcodeBlock(code), new CutBlock()]);

        var result = await Transport().SendAsync(EscPosEncoder.Encode(document, 42), TestContext.Current.CancellationToken);

        Assert.True(result.Printed, result.Problem);
        var job = Assert.Single(await _printer.WaitForJobsAsync(1));
        Assert.Equal($"Købmand Hansen\nRugbrød            25,00\n[CODE128 {code}]\n[CUT]\n", job);
        Assert.True(File.Exists(Path.Combine(_printer.OutputFolder, "job-0001.svg")));
        Assert.Contains("Købmand Hansen", await File.ReadAllTextAsync(Path.Combine(_printer.OutputFolder, "job-0001.svg"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_printer_out_of_paper_is_told_by_its_status_and_gets_nothing()
    {
        await _printer.SetStateAsync("paper-out");

        var check = await Transport().CheckAsync(TestContext.Current.CancellationToken);
        var send = await Transport().SendAsync(EscPosEncoder.Encode(new PrintDocument([new TextBlock("x\n")]), 42), TestContext.Current.CancellationToken);

        Assert.Equal(PrinterState.PaperOut, check.State);
        Assert.Equal(PrinterState.PaperOut, send.State);
        Assert.False(send.Printed);
        Assert.False(send.MayHavePrinted);
        await _printer.WaitUntilIdleAsync(); // the printer is done with both connections: nothing of them is on paper
        Assert.Empty(_printer.Jobs());
    }

    [Fact]
    public async Task A_printer_switched_off_refuses_the_connection_and_nothing_is_sent()
    {
        await _printer.SetStateAsync("offline");

        var send = await Transport().SendAsync([0x1B, 0x40], TestContext.Current.CancellationToken);

        Assert.Equal(PrinterState.Offline, send.State);
        Assert.False(send.MayHavePrinted);
        Assert.Contains($"127.0.0.1:{_printer.Port}", send.Problem);

        await _printer.SetStateAsync("online");
        Assert.Equal(PrinterState.Online, (await Transport().CheckAsync(TestContext.Current.CancellationToken)).State);
    }
}

/// <summary>A USB printer is a device file; a plain file stands in for it.</summary>
public sealed class DeviceFilePrinterTests
{
    [Fact]
    public async Task Bytes_are_appended_to_the_device_and_a_missing_device_is_offline()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("kasse-lp-").FullName, "lp0");
        var transport = new DeviceFilePrinterTransport(path);

        var missing = await transport.SendAsync([1, 2, 3], TestContext.Current.CancellationToken);
        Assert.Equal(PrinterState.Offline, missing.State);
        Assert.False(File.Exists(path)); // never created: that would swallow receipts

        await File.WriteAllBytesAsync(path, [], TestContext.Current.CancellationToken);
        var bytes = EscPosEncoder.Encode(new PrintDocument([new TextBlock("Æg\n")]), 32);
        Assert.True((await transport.SendAsync(bytes, TestContext.Current.CancellationToken)).Printed);
        Assert.True((await transport.SendAsync(bytes, TestContext.Current.CancellationToken)).Printed);
        Assert.Equal(bytes.Concat(bytes), await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }
}
