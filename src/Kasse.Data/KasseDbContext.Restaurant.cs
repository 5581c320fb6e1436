using Kasse.Domain.Restaurant;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Data;

public sealed partial class KasseDbContext
{
    public DbSet<FloorArea> FloorAreas => Set<FloorArea>();
    public DbSet<DiningTable> DiningTables => Set<DiningTable>();
}
