namespace Kasse.Domain.Restaurant;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class FloorErrors
{
    public const string AreaHasTables = "floor.area-has-tables";
    public const string AreaNameTaken = "floor.area-name-taken";
    public const string AreaNotFound = "floor.area-not-found";
    public const string TableInUse = "floor.table-in-use";
    public const string TableNameTaken = "floor.table-name-taken";
    public const string TableNotFound = "floor.table-not-found";
    public const string TablePosition = "floor.table-position";
    public const string TableSeats = "floor.table-seats";
    public const string TableShape = "floor.table-shape";
    public const string TableSize = "floor.table-size";
}
