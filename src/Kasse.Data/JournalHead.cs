using Kasse.Domain.Fiscal;

namespace Kasse.Data;

/// <summary>
/// The newest entry of a store's journal. Appending locks this row (UPDATE … + 1), so entries get gapless
/// sequence numbers and a true chain even when tills complete sales at the same moment; verification also
/// compares it with the last entry, so cutting off the journal's tail shows.
/// </summary>
public sealed class JournalHead
{
    public required Guid StoreId { get; init; }
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = JournalEntry.Genesis;
}
