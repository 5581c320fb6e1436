using Kasse.Domain.Accounting;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Data;

public sealed partial class KasseDbContext
{
    public DbSet<StoredChart> AccountingCharts => Set<StoredChart>();
    public DbSet<AccountingConnectorSettings> AccountingConnectors => Set<AccountingConnectorSettings>();
    public DbSet<AccountingPush> AccountingPushes => Set<AccountingPush>();
}
