using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;

namespace Kasse.Domain.Tests.CashControl;

public sealed class ReportCoverageTests
{
    private static CoveredEntry Receipt(JournalEventKind kind, long number, decimal total) =>
        new(kind.ToString(), new CoveredReceipt(number, total, kind == JournalEventKind.TrainingReceipt));

    private static CoveredEntry Event(JournalEventKind kind) => new(kind.ToString(), null);

    [Fact]
    public void What_a_report_covers_survives_its_signed_text_and_a_deleted_receipt_and_void_are_named()
    {
        var period = new List<CoveredEntry>
        {
            Receipt(JournalEventKind.SaleCompleted, 1, 85.00m),
            Event(JournalEventKind.SaleVoided),
            Event(JournalEventKind.DrawerOpened),
            Receipt(JournalEventKind.ReturnCompleted, 2, -42.50m),
            Receipt(JournalEventKind.TrainingReceipt, 3, 10.00m),
            Receipt(JournalEventKind.SaleCompleted, 4, 27.50m),
        };
        var made = ReportCoverage.Of(period);
        var now = ReportCoverage.Of(period.Where(e => e.Kind != nameof(JournalEventKind.SaleVoided)).Take(3));

        var read = ReportCoverage.Parse(made.Canonical());

        Assert.NotNull(read);
        Assert.Equal(made.Canonical(), read.Canonical());
        Assert.Equal((2, 1, 1, 70.00m, 1L, 4L), (made.Sales, made.Returns, made.Training, made.Total, made.FirstReceipt, made.LastReceipt));
        Assert.Null(read.DifferenceFrom(made));
        var (counted, found) = read.DifferenceFrom(now)!.Value;
        Assert.Equal("3 receipts (2 sales, 1 return), total 70.00, receipt numbers 1–4, 1 training receipt, 1 voided sale (13028)", counted);
        Assert.Equal("2 receipts (1 sale, 1 return), total 42.50, receipt numbers 1–2, 0 training receipts, 0 voided sales (13028)", found);
        Assert.Null(ReportCoverage.Parse("coverage-v9;sales=1"));
    }
}
