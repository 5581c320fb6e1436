namespace Kasse.Application.Inventory;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class MovementErrors
{
    public const string Id = "movement.id";
    public const string Kind = "movement.kind";
    public const string Quantity = "movement.quantity";
}
