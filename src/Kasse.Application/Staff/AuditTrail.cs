using System.Text.Json;
using Kasse.Data;
using Kasse.Domain.Staff;

namespace Kasse.Application.Staff;

/// <summary>
/// Writes the audit trail inside the caller's unit of work, so the record and the change it describes are
/// saved together. The caller's SaveChanges writes it.
/// </summary>
public sealed class AuditTrail(KasseDbContext db, CurrentActor actor, TimeProvider clock)
{
    public AuditEntry Record(AuditAction action, AuditMessage text, string? subject = null, Guid? storeId = null, Guid? registerId = null,
        object? before = null, object? after = null, long? journalSequence = null, Guid? approvedById = null, Actor? by = null)
    {
        var who = by ?? actor.Value;
        var entry = new AuditEntry(Guid.CreateVersion7(), clock.Now(), action, who.Name, who.EmployeeId, approvedById, storeId,
            registerId ?? who.RegisterId, subject, AuditTexts.English(text), Serialise(before), Serialise(after), journalSequence,
            text.Key, AuditTexts.Serialise(text.Arguments));
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static string? Serialise(object? value) => value switch
    {
        null => null,
        string text => text,
        _ => JsonSerializer.Serialize(value, JsonOptions),
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
