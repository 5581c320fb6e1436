using Kasse.Domain.Promotions;

namespace Kasse.Domain.Sales;

/// <summary>
/// What one promotion or price list took off one line of a sale (positive), or gave back on a return (negative).
/// The receipt and the SAF-T export show each as its own discount; the line's total already has it subtracted.
/// </summary>
public sealed class SalePromotion
{
    public const int MaxNameLength = Promotion.MaxNameLength;

    private SalePromotion() { Name = ""; }

    internal SalePromotion(Guid id, Guid saleId, Guid lineId, AdjustmentSource source, Guid sourceId, string name, decimal amount)
    {
        Id = id;
        SaleId = saleId;
        LineId = lineId;
        Source = source;
        SourceId = sourceId;
        Name = name;
        Amount = amount;
    }

    public Guid Id { get; private set; }
    public Guid SaleId { get; private set; }
    public Guid LineId { get; private set; }
    public AdjustmentSource Source { get; private set; }
    public Guid SourceId { get; private set; }
    public string Name { get; private set; }
    public decimal Amount { get; private set; }
}
