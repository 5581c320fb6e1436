using Kasse.Application.Fiscal;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Money;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Stores;

/// <summary>Everything a manager sets for a shop in the back office.</summary>
public sealed record SaveStoreSettings(string Name, string Address, string CompanyId, string? ReceiptHeader, string? ReceiptFooter,
    IReadOnlyList<VatRateView> VatRates, string Currency, decimal CashRoundingIncrement, string TimeZone, string Language);

/// <summary>The back office's changes to a store and its registers.</summary>
public sealed class StoreSettingsService(KasseDbContext db, StoreCache stores)
{
    public async Task<StoreView> SaveAsync(Guid storeId, SaveStoreSettings command, CancellationToken ct)
    {
        var saved = await SaveOnceAsync(storeId, command, ct);
        stores.Forget(storeId); // the tills' cached settings (VAT rates, rounding, time zone) take the change from the next scan
        return saved;
    }

    private Task<StoreView> SaveOnceAsync(Guid storeId, SaveStoreSettings command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var store = await StoreService.FindStoreAsync(db, storeId, ct);
        store.Update(command.Name, command.Address, command.CompanyId);
        store.SetReceiptTexts(command.ReceiptHeader, command.ReceiptFooter);
        store.SetLanguage(command.Language);
        store.MoveToTimeZone(command.TimeZone);
        var currency = command.Currency.Trim().ToUpperInvariant();
        // The journal, the X/Z reports and SAF-T sum a store's sales in one currency; it can't change under them.
        if (currency != store.Currency && await db.Sales.AnyAsync(s => s.StoreId == storeId && s.Status == SaleStatus.Completed, ct))
            throw DomainException.Conflict(StoreErrors.CurrencyInUse, $"The store has sales in {store.Currency}, so its currency can't change.");
        store.SetMoney(currency, command.CashRoundingIncrement);
        var before = store.VatRates.Select(r => r.Percent).ToList();
        store.SetVatRates(command.VatRates.Select(r => new VatRate(r.Code, r.Percent, r.Description)).ToList());
        var removed = before.Except(store.VatRates.Select(r => r.Percent)).ToList();
        if (removed.Count > 0)
            await EnsureNoProductSoldAtAsync(store.Name, removed, ct);
        await db.SaveChangesAsync(ct);
        return StoreView.From(store);
    }, ct);

    public Task<RegisterView> RenameRegisterAsync(Guid registerId, string name, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var register = await StoreService.FindRegisterAsync(db, registerId, ct);
        register.Rename(name);
        if (await db.Registers.AnyAsync(r => r.StoreId == register.StoreId && r.Name == register.Name && r.Id != registerId, ct))
            throw DomainException.Conflict(RegisterErrors.NameTaken, $"The store already has a register named '{register.Name}'.");
        await db.SaveChangesAsync(ct);
        return RegisterView.From(register);
    }, ct);

    /// <summary>An active product whose VAT rate the store no longer has could not be sold; refuse the change instead.</summary>
    /// <remarks>Only the rates taken away are checked: the catalogue is shared, and another store may sell at rates this one never had.</remarks>
    private async Task EnsureNoProductSoldAtAsync(string storeName, IReadOnlyList<decimal> removed, CancellationToken ct)
    {
        var sold = await db.Products.Where(p => p.IsActive).Select(p => p.VatPercent).Distinct().ToListAsync(ct);
        var missing = sold.Where(removed.Contains).Order().FirstOrDefault(-1m);
        var orphan = missing < 0m ? null
            : await db.Products.Where(p => p.IsActive && p.VatPercent == missing).OrderBy(p => p.Name).Select(p => new { p.Name, p.VatPercent }).FirstAsync(ct);
        if (orphan is not null)
            throw DomainException.Conflict(StoreErrors.VatRateInUse,
                $"'{orphan.Name}' is sold at {orphan.VatPercent.ToString(System.Globalization.CultureInfo.InvariantCulture)} % VAT, which {storeName} would no longer have. "
                + $"Change the product's VAT first, or keep that rate.");
    }
}
