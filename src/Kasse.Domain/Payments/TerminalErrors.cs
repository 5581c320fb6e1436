namespace Kasse.Domain.Payments;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class TerminalErrors
{
    public const string BadAmount = "terminal.bad-amount";
    public const string Unreachable = "terminal.unreachable";
}
