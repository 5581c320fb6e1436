using System.Globalization;
using System.Text.Json;
using Kasse.Domain.CashControl;
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

    public static void Write(SaftXml x, JournalEntry entry, DateTimeOffset local, string employeeId, RegisterReport? report, SaftReportHeader header,
        Func<Guid?, string> employee, Func<Guid?, string> articleGroup)
    {
        x.Start("event");
        x.Text("eventID", entry.Sequence.ToString(CultureInfo.InvariantCulture));
        x.Text("eventType", entry.EventCode);
        if ((entry.SaleId ?? MovementOf(entry)) is { } transId)
            x.Text("transID", x.Format.Id(transId));
        x.Text("empID", employeeId);
        x.Date("eventDate", local);
        x.Time("eventTime", local);
        // A receipt's content is its cash transaction and a report's its eventReport; other events carry their
        // journal payload as it was hashed.
        x.Text("eventText", Receipts.Contains(entry.EventCode) && entry.SaleId is not null
            ? $"{entry.Kind}: cash transaction {entry.SaleId:D}"
            : report is not null
                ? $"{entry.Kind} {report.Number} of {report.RegisterName}"
                : $"{entry.Kind}: {entry.Payload}", 9999);
        if (report is not null)
            DanishSaftEventReport.Write(x, report, header, employee, articleGroup);
        x.End();
    }

    /// <summary>A drop's (13019) or pay-in's event names its transaction (11010/11011): the movement's id, from the payload it was journaled with.</summary>
    public static Guid? MovementOf(JournalEntry entry)
    {
        if (entry.Kind is not (nameof(JournalEventKind.CashWithdrawal) or nameof(JournalEventKind.CashPaidIn)))
            return null;
        using var payload = JsonDocument.Parse(entry.Payload);
        return payload.RootElement.TryGetProperty("movementId", out var id) && id.TryGetGuid(out var movementId) ? movementId : null;
    }
}
