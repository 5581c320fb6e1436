using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kasse.Domain.Fiscal;

namespace Kasse.Domain.CashControl;

/// <summary>
/// The canonical JSON of a report and of the cash events: fixed field order (the records' declaration
/// order), money with exactly two decimals (the calculator fixes the scale), enums by name. Reading the
/// text back and writing it again gives the same text, so a stored report can be checked against its
/// journal entry.
/// </summary>
public static class ReportPayload
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Relaxed escaping keeps æøå readable for an auditor; the payload is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        WriteIndented = false,
    };

    public static string Write(RegisterReport report) => JsonSerializer.Serialize(report, Options);

    public static RegisterReport Read(string content) =>
        JsonSerializer.Deserialize<RegisterReport>(content, Options) ?? throw new InvalidOperationException("An empty report.");

    public static string ForSession(RegisterSession s) => JsonSerializer.Serialize(new
    {
        sessionId = s.Id,
        registerId = s.RegisterId,
        transactionType = SaftCodes.CashDeclaration,
        openingFloat = s.OpeningFloat,
        openedById = s.OpenedById,
    }, Options);

    public static string ForCount(RegisterSession s, decimal cashTaken, decimal movements) => JsonSerializer.Serialize(new
    {
        sessionId = s.Id,
        registerId = s.RegisterId,
        transactionType = SaftCodes.CashDifference,
        openingFloat = s.OpeningFloat,
        cashTaken = CashAmount.Round(cashTaken),
        cashMoved = CashAmount.Round(movements),
        expected = s.ExpectedCash,
        counted = s.CountedCash,
        difference = s.Difference,
        countedById = s.CountedById,
        note = s.CountNote,
    }, Options);

    public static string ForMovement(CashMovement m) => JsonSerializer.Serialize(new
    {
        movementId = m.Id,
        sessionId = m.SessionId,
        registerId = m.RegisterId,
        kind = m.Kind,
        transactionType = m.Kind == CashMovementKind.Drop ? SaftCodes.OutPayment : SaftCodes.InPayment,
        amount = m.Amount,
        reason = m.Reason,
        employeeId = m.EmployeeId,
    }, Options);

    public static string ForDrawerOpen(Guid registerId, string? reason) => JsonSerializer.Serialize(new
    {
        registerId,
        reason,
    }, Options);

    public static string ForDrawerClose(Guid registerId, long? openedSequence) => JsonSerializer.Serialize(new
    {
        registerId,
        openedSequence,
    }, Options);
}
