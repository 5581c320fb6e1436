namespace Kasse.Domain.Sales;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class LineErrors
{
    public const string ComboPart = "line.combo-part";
    public const string IdRepeated = "line.id-repeated";
    public const string IdUsed = "line.id-used";
    public const string MoveQuantity = "line.move-quantity";
    public const string NotAProduct = "line.not-a-product";
    public const string NotFound = "line.not-found";
    public const string Price = "line.price";
    public const string Quantity = "line.quantity";
    public const string Seat = "line.seat";
    public const string Shared = "line.shared";
    public const string WeightRequired = "line.weight-required";
    public const string What = "line.what";
}
