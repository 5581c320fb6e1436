using System.Globalization;
using Kasse.Domain.Money;
using M = Kasse.Domain.Money.Money;

namespace Kasse.Domain.Sales;

/// <summary>How much of an original line may still be returned, and what it refunds.</summary>
public static class ReturnRules
{
    /// <summary>
    /// The refund for returning <paramref name="quantity"/> more of a line. Computed as the difference of two
    /// cumulative shares, so all partial returns of a line together refund exactly what the line cost —
    /// never more, discounts included.
    /// </summary>
    public static decimal RefundFor(SaleLine original, decimal alreadyReturned, decimal quantity)
    {
        if (quantity <= 0m)
            throw DomainException.Invalid(ReturnErrors.Quantity, "The quantity to return must be more than zero.");
        Sale.EnsureValidQuantity(original.Unit, quantity);
        var returnable = original.Quantity - alreadyReturned;
        if (quantity > returnable)
            throw returnable <= 0m
                    ? DomainException.Conflict(ReturnErrors.TooMuch, $"'{original.Name}' has already been returned in full.")
                    : DomainException.Conflict(ReturnErrors.TooMuch, $"Only {returnable.ToString(CultureInfo.InvariantCulture)} of '{original.Name}' can still be returned.");
        return CumulativeShare(original, alreadyReturned + quantity) - CumulativeShare(original, alreadyReturned);
    }

    private static decimal CumulativeShare(SaleLine original, decimal returned) =>
        returned == original.Quantity ? original.TotalAmount : M.RoundToMinor(original.TotalAmount * returned / original.Quantity);
}

/// <summary>One tender a refund goes back to.</summary>
public sealed record RefundPart(PaymentMethod Method, decimal Amount, decimal Rounding, string? Reference);

/// <summary>What an original sale was paid with, less what earlier returns already paid back to it.</summary>
public sealed record RefundableTender(PaymentMethod Method, decimal Refundable, string? Reference);

/// <summary>
/// The cash earlier returns of one sale paid back: <see cref="Paid"/> is what left the drawer, <see cref="BeforeRounding"/>
/// what those returns refunded in cash before rounding to the coin.
/// </summary>
public sealed record CashRefunded(decimal Paid, decimal BeforeRounding)
{
    public static readonly CashRefunded None = new(0m, 0m);
}

/// <summary>What an original sale can still pay back to each tender, and the cash its earlier returns paid out.</summary>
public sealed record RefundHistory(IReadOnlyList<RefundableTender> Tenders, CashRefunded Cash)
{
    /// <param name="earlierRefunds">The refund payments of the sale's completed returns (negative amounts).</param>
    public static RefundHistory Of(Sale original, IEnumerable<Payment> earlierRefunds)
    {
        var refunds = earlierRefunds.ToList();
        var tenders = original.Payments.OrderBy(p => p.Position)
            .GroupBy(p => p.Method)
            .Select(g => new RefundableTender(g.Key,
                g.Sum(p => p.Amount) + refunds.Where(r => r.Method == g.Key).Sum(r => r.Amount),
                g.Select(p => p.Reference).FirstOrDefault(r => r is not null)))
            .ToList();
        // A refund payment holds −(cash paid out) and −(its øreafrunding), so the unrounded refund is rounding − amount.
        var cash = refunds.Where(r => r.Method == PaymentMethod.Cash).ToList();
        return new RefundHistory(tenders, new CashRefunded(-cash.Sum(r => r.Amount), cash.Sum(r => r.Rounding - r.Amount)));
    }
}

public static class RefundAllocation
{
    /// <summary>
    /// Refunds go back to the original tender: to cards and other electronic tenders first (exact, up to what
    /// each paid), and the rest in cash, rounded to the coin like any cash payment.
    /// </summary>
    public static IReadOnlyList<RefundPart> ToOriginalTender(decimal refund, IReadOnlyList<RefundableTender> tenders, CashRounding rounding) =>
        ToOriginalTender(refund, new RefundHistory(tenders, CashRefunded.None), rounding);

    /// <summary>
    /// As above, with the cash rounded against the sale's running total: after this return, the cash all its returns
    /// paid out is the rounding of all they refunded in cash, so returning a receipt piece by piece pays back what
    /// returning it at once would (10 × 0.25 returned one at a time refunds 2.50, not 10 × 0.50). Cash never exceeds what
    /// the sale still holds in cash (taken, net of change, less earlier cash refunds).
    /// </summary>
    public static IReadOnlyList<RefundPart> ToOriginalTender(decimal refund, RefundHistory history, CashRounding rounding)
    {
        var tenders = history.Tenders;
        var parts = new List<RefundPart>();
        var left = refund;
        foreach (var tender in tenders.Where(t => t.Method != PaymentMethod.Cash && t.Refundable > 0m))
        {
            if (left <= 0m)
                break;
            var amount = Math.Min(left, tender.Refundable);
            parts.Add(new RefundPart(tender.Method, amount, 0m, tender.Reference));
            left -= amount;
        }
        if (left > 0m)
        {
            var cash = tenders.FirstOrDefault(t => t.Method == PaymentMethod.Cash);
            var method = cash is not null || parts.Count == 0 ? PaymentMethod.Cash : parts[^1].Method;
            parts.Add(method == PaymentMethod.Cash
                ? CashAgainstRunningTotal(left, cash?.Refundable, history.Cash, rounding)
                : new RefundPart(method, left, 0m, null));
        }
        return parts;
    }

    /// <param name="stillInCash">What the sale took in cash less what earlier returns paid out; null when it took none.</param>
    private static RefundPart CashAgainstRunningTotal(decimal refund, decimal? stillInCash, CashRefunded earlier, CashRounding rounding)
    {
        var paid = rounding.Round(earlier.BeforeRounding + refund) - earlier.Paid;
        if (stillInCash is { } held)
            paid = Math.Min(paid, rounding.Increment == 0m ? held : Math.Floor(held / rounding.Increment) * rounding.Increment);
        // Never negative: a return that finds the drawer already paid out more (before this rule) pays nothing more.
        paid = Math.Max(0m, paid);
        return new RefundPart(PaymentMethod.Cash, paid, paid - refund, null);
    }

    /// <summary>A refund without a receipt goes to the tender the cashier picks.</summary>
    public static RefundPart To(PaymentMethod method, decimal refund, CashRounding rounding) =>
        method == PaymentMethod.Cash
            ? new RefundPart(method, rounding.Round(refund), rounding.DifferenceFor(refund), null)
            : new RefundPart(method, refund, 0m, null);
}
