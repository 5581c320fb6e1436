using Kasse.Application.Fiscal;
using Kasse.Application.Staff;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Money;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Stores;

public sealed record VatRateView(string Code, decimal Percent, string Description);

/// <summary>A scale-label layout: prefix (20–29), what the value holds, and how many digits name the item.</summary>
public sealed record VariableMeasureRuleView(string Prefix, VariableMeasureKind Kind, int ItemDigits = 5);

public sealed record StoreView(Guid Id, string Name, string Address, string CompanyId, string CountryCode, string Currency,
    string TimeZone, decimal CashRoundingIncrement, IReadOnlyList<VatRateView> VatRates, IReadOnlyList<VariableMeasureRuleView> VariableMeasureRules,
    string? ReceiptHeader = null, string? ReceiptFooter = null, string Language = Languages.Danish)
{
    public static StoreView From(Store s) => new(s.Id, s.Name, s.Address, s.CompanyId, s.CountryCode, s.Currency, s.TimeZoneId,
        // Highest rate first, whatever order the database hands the rows back in.
        s.CashRoundingIncrement, s.VatRates.OrderByDescending(r => r.Percent).Select(r => new VatRateView(r.Code, r.Percent, r.Description)).ToList(),
        s.VariableMeasureRules.Select(r => new VariableMeasureRuleView(r.Prefix, r.Kind, r.ItemDigits)).ToList(),
        s.ReceiptHeader, s.ReceiptFooter, s.Language);
}

public sealed record RegisterView(Guid Id, Guid StoreId, string Name, long LastReceiptNumber, bool TrainingMode, RegisterKind Kind = RegisterKind.Till)
{
    public static RegisterView From(Register r) => new(r.Id, r.StoreId, r.Name, r.LastReceiptNumber, r.TrainingMode, r.Kind);
}

public sealed record CreateStore(Guid Id, string Name, string Address, string CompanyId, string CountryCode, string? Currency = null,
    string? TimeZone = null, decimal? CashRoundingIncrement = null, IReadOnlyList<VatRateView>? VatRates = null,
    IReadOnlyList<VariableMeasureRuleView>? VariableMeasureRules = null);

public sealed class StoreService(KasseDbContext db, SigningKeys signingKeys, FiscalJournal journal, CurrentActor current, TimeProvider clock)
{
    public Task<StoreView> CreateAsync(CreateStore command, CancellationToken ct) => db.CreateOnceAsync(() => CreateOnceAsync(command, ct));

    private async Task<StoreView> CreateOnceAsync(CreateStore command, CancellationToken ct)
    {
        var existing = await db.Stores.FindAsync([command.Id], ct);
        if (existing is not null)
            return StoreView.From(existing);
        var store = new Store(command.Id, command.Name, command.Address, command.CompanyId, command.CountryCode,
            command.Currency ?? DefaultCurrency(command.CountryCode), command.TimeZone ?? DefaultTimeZone(command.CountryCode),
            command.CashRoundingIncrement, command.VatRates?.Select(r => new VatRate(r.Code, r.Percent, r.Description)),
            command.VariableMeasureRules?.Select(r => new VariableMeasureRule(r.Prefix, r.Kind, r.ItemDigits)));
        db.Stores.Add(store);
        db.JournalHeads.Add(new JournalHead { StoreId = store.Id });
        if (!await db.CompanySequences.AnyAsync(c => c.CompanyId == store.CompanyId, ct))
            db.CompanySequences.Add(new CompanySequence { CompanyId = store.CompanyId });
        await db.SaveChangesAsync(ct);
        // Made now, not at the first sale, so two tills never race to create the company's key.
        await signingKeys.ForCompanyAsync(store.CompanyId, ct);
        return StoreView.From(store);
    }

    /// <summary>
    /// The stores the caller works in (every store for a chain-wide caller). Nobody signed in yet — the till's
    /// start page choosing its register — sees them all, as before: a store's name and address are not secret.
    /// </summary>
    public async Task<IReadOnlyList<StoreView>> ListAsync(CancellationToken ct)
    {
        var actor = current.Value;
        var limited = actor.Stores is { } mine && (actor.EmployeeId is not null || actor.ApiKeyId is not null) ? mine : null;
        return (await db.Stores.OrderBy(s => s.Name).ToListAsync(ct)).Where(s => limited is null || limited.Contains(s.Id)).Select(StoreView.From).ToList();
    }

    public async Task<StoreView> GetAsync(Guid id, CancellationToken ct) => StoreView.From(await FindStoreAsync(db, id, ct));

    public Task<RegisterView> CreateRegisterAsync(Guid storeId, Guid id, string name, CancellationToken ct) =>
        db.CreateOnceAsync(() => CreateRegisterOnceAsync(storeId, id, name, ct));

    private async Task<RegisterView> CreateRegisterOnceAsync(Guid storeId, Guid id, string name, CancellationToken ct)
    {
        var existing = await db.Registers.FindAsync([id], ct);
        if (existing is not null)
            return RegisterView.From(existing);
        await FindStoreAsync(db, storeId, ct);
        var register = new Register(id, storeId, name);
        // Not counting the same id: a twin request racing this one is no clash, and the retry answers with it.
        if (await db.Registers.AnyAsync(r => r.StoreId == storeId && r.Name == register.Name && r.Id != id, ct))
            throw DomainException.Conflict(RegisterErrors.NameTaken, $"The store already has a register named '{register.Name}'.");
        db.Registers.Add(register);
        await db.SaveChangesAsync(ct);
        return RegisterView.From(register);
    }

    /// <summary>Turns training mode on or off for a register; each switch is journaled (SAF-T 13023/13024).</summary>
    public Task<RegisterView> SetTrainingModeAsync(Guid registerId, bool on, Guid? employeeId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var register = await FindRegisterAsync(db, registerId, ct);
        if (register.SetTrainingMode(on))
            await journal.AppendAsync(register.StoreId, clock.Now(), on ? JournalEventKind.TrainingModeOn : JournalEventKind.TrainingModeOff,
                register.Id, employeeId, null, FiscalPayload.ForRegister(register.Id, register.Name), ct);
        await db.SaveChangesAsync(ct);
        return RegisterView.From(register);
    }, ct);

    public async Task<IReadOnlyList<RegisterView>> ListRegistersAsync(Guid storeId, CancellationToken ct)
    {
        await FindStoreAsync(db, storeId, ct);
        return (await db.Registers.Where(r => r.StoreId == storeId).OrderBy(r => r.Name).ToListAsync(ct)).Select(RegisterView.From).ToList();
    }

    public async Task<RegisterView> GetRegisterAsync(Guid id, CancellationToken ct) => RegisterView.From(await FindRegisterAsync(db, id, ct));

    public static async Task<Store> FindStoreAsync(KasseDbContext db, Guid id, CancellationToken ct) =>
        await db.Stores.FirstOrDefaultAsync(s => s.Id == id, ct)
        ?? throw DomainException.NotFound(StoreErrors.NotFound, $"No store has id {id}.");

    public static async Task<Register> FindRegisterAsync(KasseDbContext db, Guid id, CancellationToken ct) =>
        await db.Registers.FirstOrDefaultAsync(r => r.Id == id, ct)
        ?? throw DomainException.NotFound(RegisterErrors.NotFound, $"No register has id {id}.");

    private static string DefaultCurrency(string country) => country.Trim().ToUpperInvariant() switch
    {
        "DK" => "DKK",
        "NO" => "NOK",
        "SE" => "SEK",
        "IS" => "ISK",
        _ => "EUR",
    };

    private static string DefaultTimeZone(string country) => country.Trim().ToUpperInvariant() switch
    {
        "DK" => "Europe/Copenhagen",
        "NO" => "Europe/Oslo",
        "SE" => "Europe/Stockholm",
        "FI" => "Europe/Helsinki",
        "DE" => "Europe/Berlin",
        _ => "Europe/Copenhagen",
    };
}
