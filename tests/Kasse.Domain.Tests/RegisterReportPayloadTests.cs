using Kasse.Domain.CashControl;

namespace Kasse.Domain.Tests;

public class RegisterReportPayloadTests
{
    private static RegisterReport AReport() => AccountingArbitraries.AZReport(1, [new ReportVatLine("S", 25m, 125.00m, 25.00m, 100.00m)], 0m, 0m, null, []);

    [Fact]
    public void A_report_stored_before_turnover_was_recorded_reads_back_and_writes_again_unchanged()
    {
        var stored = ReportPayload.Write(AReport() with { GiftCardsSold = null, Turnover = null });

        var read = ReportPayload.Read(stored);

        Assert.DoesNotContain("turnover", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("giftCardsSold", stored, StringComparison.Ordinal);
        Assert.Equal(stored, ReportPayload.Write(read));
        // Shown as it always was: sales minus returns.
        Assert.Equal(125.00m, read.TurnoverOrSalesNet);
    }

    [Fact]
    public void A_new_report_keeps_its_turnover_and_gift_cards_sold()
    {
        var report = AReport() with { GiftCardsSold = new CountAmount(1, 500.00m), Turnover = 125.00m };

        var stored = ReportPayload.Write(report);
        var read = ReportPayload.Read(stored);

        Assert.Equal(stored, ReportPayload.Write(read));
        Assert.Equal(new CountAmount(1, 500.00m), read.GiftCardsSold);
        Assert.Equal(125.00m, read.TurnoverOrSalesNet);
        Assert.DoesNotContain("turnoverOrSalesNet", stored, StringComparison.Ordinal);
    }
}
