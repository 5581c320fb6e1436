namespace Kasse.Domain.CashControl;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class CashMovementErrors
{
    public const string Id = "cash-movement.id";
    public const string IdUsed = "cash-movement.id-used";
    public const string Kind = "cash-movement.kind";
}
