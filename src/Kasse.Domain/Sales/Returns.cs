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
            throw DomainException.Invalid("return.quantity", "The quantity to return must be more than zero.");
        Sale.EnsureValidQuantity(original.Unit, quantity);
        var returnable = original.Quantity - alreadyReturned;
        if (quantity > returnable)
            throw DomainException.Conflict("return.too-much",
                returnable <= 0m
                    ? $"'{original.Name}' has already been returned in full."
                    : $"Only {returnable.ToString(CultureInfo.InvariantCulture)} of '{original.Name}' can still be returned.");
        return CumulativeShare(original, alreadyReturned + quantity) - CumulativeShare(original, alreadyReturned);
    }

    private static decimal CumulativeShare(SaleLine original, decimal returned) =>
        returned == original.Quantity ? original.TotalAmount : M.RoundToMinor(original.TotalAmount * returned / original.Quantity);
}

/// <summary>One tender a refund goes back to.</summary>
public sealed record RefundPart(PaymentMethod Method, decimal Amount, decimal Rounding, string? Reference);

/// <summary>What an original sale was paid with, less what earlier returns already paid back to it.</summary>
public sealed record RefundableTender(PaymentMethod Method, decimal Refundable, string? Reference);

public static class RefundAllocation
{
    /// <summary>
    /// Refunds go back to the original tender: to cards and other electronic tenders first (exact, up to what
    /// each paid), and the rest in cash, rounded to the coin like any cash payment.
    /// </summary>
    public static IReadOnlyList<RefundPart> ToOriginalTender(decimal refund, IReadOnlyList<RefundableTender> tenders, CashRounding rounding)
    {
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
            var method = tenders.Any(t => t.Method == PaymentMethod.Cash) || parts.Count == 0 ? PaymentMethod.Cash : parts[^1].Method;
            parts.Add(method == PaymentMethod.Cash
                ? new RefundPart(PaymentMethod.Cash, rounding.Round(left), rounding.DifferenceFor(left), null)
                : new RefundPart(method, left, 0m, null));
        }
        return parts;
    }

    /// <summary>A refund without a receipt goes to the tender the cashier picks.</summary>
    public static RefundPart To(PaymentMethod method, decimal refund, CashRounding rounding) =>
        method == PaymentMethod.Cash
            ? new RefundPart(method, rounding.Round(refund), rounding.DifferenceFor(refund), null)
            : new RefundPart(method, refund, 0m, null);
}
