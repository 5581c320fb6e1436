namespace Kasse.Domain.Restaurant;

/// <summary>The codes (DomainException.Code) of the kitchen's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class KitchenErrors
{
    public const string Course = "kitchen.course";
    public const string CourseNotOrdered = "kitchen.course-not-ordered";
    public const string ItemNotFound = "kitchen.item-not-found";
    public const string NoStations = "kitchen.no-stations";
    public const string NothingToRecall = "kitchen.nothing-to-recall";
    public const string RouteTarget = "kitchen.route-target";
    public const string SaleNotOpen = "kitchen.sale-not-open";
    public const string StationBusy = "kitchen.station-busy";
    public const string StationMinutes = "kitchen.station-minutes";
    public const string StationNameTaken = "kitchen.station-name-taken";
    public const string StationNotFound = "kitchen.station-not-found";
    public const string TicketHeld = "kitchen.ticket-held";
    public const string TicketNotFound = "kitchen.ticket-not-found";
}
