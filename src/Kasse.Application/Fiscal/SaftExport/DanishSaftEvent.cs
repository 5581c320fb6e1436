using System.Globalization;
using Kasse.Domain.Fiscal;

namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>One journal entry as a SAF-T <c>event</c>, with its X/Z report when it has one.</summary>
public static class DanishSaftEvent
{
    private static readonly HashSet<string> Receipts = [
        SaftCodes.EventCode(JournalEventKind.SaleCompleted),
        SaftCodes.EventCode(JournalEventKind.ReturnCompleted),
        SaftCodes.EventCode(JournalEventKind.TrainingReceipt),
    ];

    public static void Write(SaftXml x, JournalEntry entry, DateTimeOffset local, string employeeId, SaftEventReport? report, SaftReportHeader header)
    {
        x.Start("event");
        x.Text("eventID", entry.Sequence.ToString(CultureInfo.InvariantCulture));
        x.Text("eventType", entry.EventCode);
        if (entry.SaleId is { } saleId)
            x.Text("transID", saleId.ToString("D"));
        x.Text("empID", employeeId);
        x.Date("eventDate", local);
        x.Time("eventTime", local);
        // A receipt's content is its cash transaction; other events carry their journal payload as it was hashed.
        x.Text("eventText", Receipts.Contains(entry.EventCode) && entry.SaleId is not null
            ? $"{entry.Kind}: cash transaction {entry.SaleId:D}"
            : $"{entry.Kind}: {entry.Payload}", 9999);
        if (report is not null)
            DanishSaftEventReport.Write(x, report, header);
        x.End();
    }
}
