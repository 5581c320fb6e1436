using Kasse.Domain.CashControl;
using Kasse.Domain.Catalog;
using Kasse.Domain.Devices;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kasse.Data;

internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

/// <remarks>Partial so each capability (inventory, customers, reports …) keeps its sets in its own file.</remarks>
public sealed partial class KasseDbContext(DbContextOptions<KasseDbContext> options) : DbContext(options)
{
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    public DbSet<Store> Stores => Set<Store>();
    public DbSet<Register> Registers => Set<Register>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductBarcode> ProductBarcodes => Set<ProductBarcode>();
    public DbSet<ProductImage> ProductImages => Set<ProductImage>();
    public DbSet<FavouriteProduct> FavouriteProducts => Set<FavouriteProduct>();
    public DbSet<Sale> Sales => Set<Sale>();
    public DbSet<SaleLine> SaleLines => Set<SaleLine>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<JournalEntry> JournalEntries => Set<JournalEntry>();
    public DbSet<JournalHead> JournalHeads => Set<JournalHead>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<CompanySequence> CompanySequences => Set<CompanySequence>();
    public DbSet<RegisterSession> RegisterSessions => Set<RegisterSession>();
    public DbSet<CashMovement> CashMovements => Set<CashMovement>();
    public DbSet<StoredReport> RegisterReports => Set<StoredReport>();
    public DbSet<Printer> Printers => Set<Printer>();
    public DbSet<PrintJob> PrintJobs => Set<PrintJob>();
    public DbSet<TerminalPayment> TerminalPayments => Set<TerminalPayment>();
    public DbSet<PaymentDeviceSettings> PaymentDeviceSettings => Set<PaymentDeviceSettings>();
    public DbSet<RoleDefinition> Roles => Set<RoleDefinition>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<TimePunch> TimePunches => Set<TimePunch>();
    public DbSet<FraudAlert> FraudAlerts => Set<FraudAlert>();
    public DbSet<StaffSetting> StaffSettings => Set<StaffSetting>();

    /// <summary>Asked on every write turn; EF answers <c>ProviderName</c> by reflection each time, so it is kept.</summary>
    internal bool IsSqlite => _isSqlite ??= Database.ProviderName == SqliteProvider;

    private bool? _isSqlite;

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KasseDbContext).Assembly);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var cached = BeforeSave();
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        Saved(cached);
        return saved;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var cached = BeforeSave();
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        Saved(cached);
        return saved;
    }

    /// <summary>Cached data this context changed in its open transaction: its caches are told again when it commits.</summary>
    private CachedData _uncommitted;

    private void Saved(CachedData cached)
    {
        if (cached == CachedData.None)
            return;
        CachedDataVersions.Raise(cached);
        if (Database.CurrentTransaction is not null)
            _uncommitted |= cached;
    }

    /// <summary>
    /// Raised again after the commit, because a cache that read between the save and the commit saw the old rows under
    /// the new counter (see <see cref="CachedDataCommits"/>).
    /// </summary>
    internal void Committed()
    {
        CachedDataVersions.Raise(_uncommitted);
        _uncommitted = CachedData.None;
        var afterCommit = _afterCommit;
        _afterCommit = null;
        if (HoldAfterCommit)
            _heldAfterCommit = afterCommit;
        else
            Run(afterCommit);
    }

    /// <summary>Set while a commit waits to be durable (<see cref="WriteTransaction"/>'s group commit): what waits for the commit waits for that too.</summary>
    internal bool HoldAfterCommit { get; set; }

    /// <summary>The shared rows of the batch this context's command is part of (the sale writer's), or null: see <see cref="SharedRowAccess"/>.</summary>
    public SharedRowBatch? RowBatch { get; set; }

    private List<Action>? _heldAfterCommit;

    internal void RunHeldAfterCommit()
    {
        var held = _heldAfterCommit;
        _heldAfterCommit = null;
        Run(held);
    }

    internal void DropHeldAfterCommit() => _heldAfterCommit = null;

    /// <summary>
    /// For a context that works inside a transaction another context owns (<see cref="Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.UseTransaction(Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade, System.Data.Common.DbTransaction?)"/>):
    /// what this one would have done at the commit, handed to the owner to run once that transaction has committed.
    /// </summary>
    public Action TakeCommitWork()
    {
        var cached = _uncommitted;
        var afterCommit = _afterCommit;
        _uncommitted = CachedData.None;
        _afterCommit = null;
        return () =>
        {
            CachedDataVersions.Raise(cached);
            Run(afterCommit);
        };
    }

    private static void Run(List<Action>? actions)
    {
        if (actions is not null)
            foreach (var action in actions)
                action();
    }

    /// <summary>Work queued for after a commit that did not come (a rollback, or a transaction disposed without one).</summary>
    internal void TransactionEnded() => _afterCommit = null;

    private List<Action>? _afterCommit;

    /// <summary>
    /// Runs <paramref name="action"/> once the open transaction (the outermost, e.g. the idempotency middleware's) has
    /// committed, and never if it rolls back; with no transaction open, at once. For what others may only hear of once it
    /// is durable (a customer display, a screen). The action must not throw: the commit has happened by then.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (Database.CurrentTransaction is null)
            action();
        else
            (_afterCommit ??= []).Add(action);
    }

    /// <summary>
    /// One pass over the pending changes before every save (a completed sale tracks dozens of rows): the audit trail is
    /// append-only, so a change or deletion of an entry is a bug, refused before it reaches the database; and the
    /// answer says which in-memory caches the save makes old.
    /// </summary>
    private CachedData BeforeSave()
    {
        var cached = CachedData.None;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
                continue;
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The audit trail is append-only.");
            cached |= CachedDataVersions.ChangedBy(entry);
        }
        return cached;
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no instant type: store UTC ticks so instants sort and compare in SQL, exactly.
        if (IsSqlite)
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
