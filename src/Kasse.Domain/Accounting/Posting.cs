namespace Kasse.Domain.Accounting;

/// <summary>An amount for a role before it meets a chart of accounts: positive is debit, negative is credit.</summary>
public sealed record Posting(AccountRole Role, string? Qualifier, decimal Amount, string Text);

/// <summary>
/// Postings a source adds to a day (the card-scheme split, gift cards sold, cost of goods sold). A contribution
/// balances on its own, so it can never unbalance the day.
/// </summary>
public sealed record AccountingContribution(string Source, IReadOnlyList<Posting> Postings)
{
    public decimal Balance => Postings.Sum(p => p.Amount);
}
