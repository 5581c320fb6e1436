using System.Runtime.CompilerServices;

namespace Kasse.Application.Fiscal;

/// <summary>
/// A register's signature chain holds its receipts and its drops and pay-ins, in the order they were signed: by
/// the company's <c>nr</c>. Each kind is read a page at a time (keyset on <c>nr</c>) and the two are merged, so a
/// year's chain is walked in bounded memory.
/// </summary>
public static class RegisterChain
{
    public static async IAsyncEnumerable<T> PagedAsync<T>(Func<long, CancellationToken, Task<List<T>>> page, Func<T, long> number, int size,
        [EnumeratorCancellation] CancellationToken ct)
    {
        long after = 0;
        while (true)
        {
            var items = await page(after, ct);
            foreach (var item in items)
                yield return item;
            if (items.Count < size)
                yield break;
            after = number(items[^1]);
        }
    }

    /// <summary>Merges two streams each in ascending <c>nr</c> order into one in that order.</summary>
    public static async IAsyncEnumerable<T> MergeAsync<T>(IAsyncEnumerable<T> first, IAsyncEnumerable<T> second, Func<T, long> number,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await using var a = first.GetAsyncEnumerator(ct);
        await using var b = second.GetAsyncEnumerator(ct);
        var hasA = await a.MoveNextAsync();
        var hasB = await b.MoveNextAsync();
        while (hasA || hasB)
        {
            if (hasA && (!hasB || number(a.Current) <= number(b.Current)))
            {
                yield return a.Current;
                hasA = await a.MoveNextAsync();
            }
            else
            {
                yield return b.Current;
                hasB = await b.MoveNextAsync();
            }
        }
    }
}
