using Kasse.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Data;

public sealed partial class KasseDbContext
{
    public DbSet<SalesSummary> SalesSummaries => Set<SalesSummary>();
}
