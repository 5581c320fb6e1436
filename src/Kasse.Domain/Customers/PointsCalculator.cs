using Kasse.Domain.Sales;

namespace Kasse.Domain.Customers;

/// <summary>A sale line as loyalty sees it: what was paid for it and what it is.</summary>
public sealed record LoyaltyLine(Guid? ProductId, Guid? CategoryId, decimal Quantity, decimal Total, bool IsVoucher, bool IsPieces);

/// <summary>Pure arithmetic of points and stamps; the service decides when it applies.</summary>
public static class PointsCalculator
{
    /// <summary>
    /// Points for a sale: each line's amount at its category's rate, times the tier's multiplier, rounded down. Gift cards
    /// earn nothing (they earn when spent), and the part of the sale paid with points earns nothing.
    /// </summary>
    public static long Earned(LoyaltyRules rules, LoyaltyTier? tier, IReadOnlyList<LoyaltyLine> lines, decimal paidWithPoints)
    {
        var goods = lines.Where(l => !l.IsVoucher && l.Total > 0m).ToList();
        var goodsTotal = goods.Sum(l => l.Total);
        if (goodsTotal <= 0m)
            return 0;
        var raw = goods.Sum(l => l.Total * rules.RateFor(l.CategoryId));
        var paidShare = Math.Max(0m, goodsTotal - paidWithPoints) / goodsTotal;
        return (long)Math.Floor(raw * paidShare * (tier?.Multiplier ?? 1m));
    }

    /// <summary>
    /// Points a return takes back, as the difference of two cumulative shares of what the original earned, so
    /// all returns of a sale together take back exactly what it earned.
    /// </summary>
    public static long TakenBack(long earned, decimal originalTotal, decimal refundedBefore, decimal refundedNow)
    {
        if (earned <= 0 || originalTotal <= 0m)
            return 0;
        return Share(earned, originalTotal, refundedBefore + refundedNow) - Share(earned, originalTotal, refundedBefore);
    }

    private static long Share(long earned, decimal total, decimal refunded) =>
        refunded >= total ? earned : (long)Math.Floor(earned * refunded / total);

    /// <summary>Stamps per card: one per piece of a matching line (negative for returned pieces).</summary>
    public static IReadOnlyDictionary<Guid, long> Stamps(LoyaltyRules rules, IReadOnlyList<LoyaltyLine> lines) =>
        rules.StampCards.Select(card => (card.Id, Stamps: (long)lines.Where(l => l.IsPieces && card.Matches(l.ProductId, l.CategoryId)).Sum(l => l.Quantity)))
            .Where(x => x.Stamps != 0)
            .ToDictionary(x => x.Id, x => x.Stamps);

    public static LoyaltyLine LineOf(SaleLine line, Guid? categoryId) =>
        new(line.ProductId, categoryId, line.Quantity, line.TotalAmount, line.IsVoucher, line.Unit == Catalog.Unit.Piece);
}
