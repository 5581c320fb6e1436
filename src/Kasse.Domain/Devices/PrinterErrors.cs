namespace Kasse.Domain.Devices;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class PrinterErrors
{
    public const string Address = "printer.address";
    public const string Columns = "printer.columns";
    public const string Id = "printer.id";
    public const string IdUsed = "printer.id-used";
    public const string None = "printer.none";
    public const string NoneForRegister = "printer.none-for-register";
    public const string NotFound = "printer.not-found";
    public const string Register = "printer.register";
    public const string RegisterTaken = "printer.register-taken";
    public const string Station = "printer.station";
    public const string StationNotFound = "printer.station-not-found";
}
