namespace Kasse.Application.Printing;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class KitchenTicketErrors
{
    public const string Id = "kitchen-ticket.id";
    public const string Lines = "kitchen-ticket.lines";
}
