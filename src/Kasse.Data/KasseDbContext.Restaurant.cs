using Kasse.Domain.Restaurant;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Data;

public sealed partial class KasseDbContext
{
    public DbSet<FloorArea> FloorAreas => Set<FloorArea>();
    public DbSet<DiningTable> DiningTables => Set<DiningTable>();
    public DbSet<KitchenStation> KitchenStations => Set<KitchenStation>();
    public DbSet<KitchenRoute> KitchenRoutes => Set<KitchenRoute>();
    public DbSet<KitchenTicket> KitchenTickets => Set<KitchenTicket>();
    public DbSet<KitchenTicketItem> KitchenTicketItems => Set<KitchenTicketItem>();
    public DbSet<GuestOrder> GuestOrders => Set<GuestOrder>();
    public DbSet<GuestOrderingSettings> GuestOrderingSettings => Set<GuestOrderingSettings>();
    public DbSet<Kasse.Domain.SelfService.KioskDevice> KioskDevices => Set<Kasse.Domain.SelfService.KioskDevice>();
}
