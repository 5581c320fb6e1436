using Kasse.Domain.Devices;

namespace Kasse.Domain.Tests;

public class PrintJobTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly Printer Printer = Printer.Create(Guid.CreateVersion7(), Guid.CreateVersion7(), "Bon", PrinterRole.Receipt,
        Guid.CreateVersion7(), null, PrinterConnection.Network, "10.0.0.5", PaperWidth.Mm80);

    [Fact]
    public void The_receipt_of_a_sale_always_gets_the_same_job_id_and_its_copy_another()
    {
        var sale = Guid.CreateVersion7();

        Assert.Equal(PrintJob.IdFor(sale, PrintJobKind.Receipt), PrintJob.IdFor(sale, PrintJobKind.Receipt));
        Assert.NotEqual(PrintJob.IdFor(sale, PrintJobKind.Receipt), PrintJob.IdFor(sale, PrintJobKind.CopyReceipt));
        Assert.NotEqual(PrintJob.IdFor(sale, PrintJobKind.Receipt), PrintJob.IdFor(Guid.CreateVersion7(), PrintJobKind.Receipt));
        Assert.Equal(8, PrintJob.IdFor(sale, PrintJobKind.Receipt).Version);
    }

    [Fact]
    public void A_job_the_printer_did_not_take_waits_longer_each_time_up_to_the_ceiling()
    {
        var job = PrintJob.Queue(Guid.CreateVersion7(), Printer, PrintJobKind.Receipt, null, "{}", Noon);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 7; i++)
        {
            job.StartSending(Noon);
            job.TryLater("off", Noon);
            delays.Add(job.NextAttemptAt - Noon);
        }

        Assert.Equal([1, 2, 4, 8, 15, 15, 15], delays.Select(d => d.TotalSeconds));
        Assert.Equal(PrintJobStatus.Queued, job.Status);
        Assert.Equal(7, job.Attempts);
    }

    [Fact]
    public void A_job_being_sent_cannot_be_sent_again_and_an_interrupted_one_stays_interrupted()
    {
        var job = PrintJob.Queue(Guid.CreateVersion7(), Printer, PrintJobKind.Receipt, null, "{}", Noon);
        job.StartSending(Noon);

        Assert.Equal("print-job.not-queued", Assert.Throws<DomainException>(() => job.StartSending(Noon)).Code);
        job.Interrupt("broke off");
        Assert.Equal(PrintJobStatus.Interrupted, job.Status);
        Assert.Throws<DomainException>(() => job.StartSending(Noon));
    }

    [Fact]
    public void A_drawer_kick_expires()
    {
        var job = PrintJob.Queue(Guid.CreateVersion7(), Printer, PrintJobKind.DrawerKick, null, "{}", Noon, TimeSpan.FromSeconds(20));

        Assert.False(job.HasExpired(Noon.AddSeconds(20)));
        Assert.True(job.HasExpired(Noon.AddSeconds(21)));
    }

    [Theory]
    [InlineData("printer.local:9100", "printer.local", 9100)]
    [InlineData("192.168.1.50", "192.168.1.50", 9100)]
    [InlineData(" 10.0.0.7:9101 ", "10.0.0.7", 9101)]
    public void A_network_address_without_a_port_means_9100(string address, string host, int port)
    {
        var printer = Printer.Create(Guid.CreateVersion7(), Guid.CreateVersion7(), "Bon", PrinterRole.Receipt, Guid.CreateVersion7(), null,
            PrinterConnection.Network, address, PaperWidth.Mm58);

        Assert.Equal((host, port), Printer.SplitNetworkAddress(printer.Address));
    }
}
