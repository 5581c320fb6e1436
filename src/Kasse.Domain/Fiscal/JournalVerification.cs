namespace Kasse.Domain.Fiscal;

/// <summary>The first place a journal stops being trustworthy, in words an auditor can follow.</summary>
public sealed record JournalBreak(long Sequence, string Problem);

/// <summary>
/// A store's journal checked: every break found (the first is where it stops being trustworthy), and notes on what
/// could be checked only in part (reports made before reports were signed).
/// </summary>
public sealed record JournalVerification(Guid StoreId, long EntriesChecked, long SalesChecked, IReadOnlyList<JournalBreak> Breaks,
    IReadOnlyList<string> Notes)
{
    public JournalBreak? FirstBreak => Breaks.Count == 0 ? null : Breaks[0];
    public bool IsIntact => Breaks.Count == 0;
}

/// <summary>
/// Walks a store's entries in sequence order and finds the first break: a gap or reordering in the
/// sequence, an entry whose hash does not match its content, or a link to the wrong previous entry.
/// Fed one entry at a time, so a journal of any length is checked in constant memory.
/// </summary>
public sealed class JournalChain
{
    public long LastSequence { get; private set; }
    public string LastHash { get; private set; } = JournalEntry.Genesis;

    public static JournalBreak? FirstBreak(IEnumerable<JournalEntry> entriesInOrder)
    {
        var chain = new JournalChain();
        return entriesInOrder.Select(chain.Follow).FirstOrDefault(b => b is not null);
    }

    /// <summary>Checks the next entry against the chain so far; null while the chain holds.</summary>
    public JournalBreak? Follow(JournalEntry entry)
    {
        var expected = LastSequence + 1;
        if (entry.Sequence != expected)
            return new JournalBreak(expected, entry.Sequence > expected
                ? $"Entry {expected} is missing (the next entry is {entry.Sequence})."
                : $"Entry {entry.Sequence} appears out of order after entry {expected - 1}.");
        if (entry.ComputeHash() != entry.Hash)
            return new JournalBreak(entry.Sequence, $"Entry {entry.Sequence} was changed after it was written (its hash does not match its content).");
        if (entry.PreviousHash != LastHash)
            return new JournalBreak(entry.Sequence, $"Entry {entry.Sequence} does not follow entry {entry.Sequence - 1} (the chain of hashes is broken).");
        LastSequence = entry.Sequence;
        LastHash = entry.Hash;
        return null;
    }
}
