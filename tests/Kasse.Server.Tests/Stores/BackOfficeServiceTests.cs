using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Domain;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Stores;

/// <summary>What the back office changes, checked on each database: settings that reach the receipt, and the rules behind them.</summary>
public abstract class BackOfficeServiceTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<T> Use<TService, T>(Func<TService, Task<T>> call) where TService : notnull
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static SaveStoreSettings SettingsOf(StoreView s) =>
        new(s.Name, s.Address, s.CompanyId, s.ReceiptHeader, s.ReceiptFooter, s.VatRates, s.Currency, s.CashRoundingIncrement, s.TimeZone, s.Language);

    [Fact]
    public async Task Saved_store_settings_are_read_back_and_print_on_the_receipt()
    {
        var shop = await _api.NewShopAsync();
        var settings = SettingsOf(shop.Store) with
        {
            Name = "Ærø Købmand",
            ReceiptHeader = "Åbent alle dage 8–21",
            ReceiptFooter = "Bytteret 30 dage\nwww.aeroe.dk",
            Language = "en",
        };

        await Use<StoreSettingsService, StoreView>(s => s.SaveAsync(shop.Store.Id, settings, CancellationToken.None));
        var store = await KasseClient.Read<StoreView>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}"));
        var product = await _api.NewProductAsync(20m);
        var sale = await _api.SellAsync(shop, PaymentMethod.Card, (product, 1m));
        var text = await _api.Http.GetStringAsync($"/api/v1/sales/{sale.Id}/receipt.txt");

        Assert.Equal(("Ærø Købmand", "Åbent alle dage 8–21", "Bytteret 30 dage\nwww.aeroe.dk", "en"),
            (store.Name, store.ReceiptHeader, store.ReceiptFooter, store.Language));
        Assert.Contains("Ærø Købmand", text);
        Assert.Contains("Åbent alle dage 8–21", text);
        Assert.Contains("www.aeroe.dk", text);
    }

    [Fact]
    public async Task The_currency_is_fixed_once_the_store_has_sold_but_rounding_may_change()
    {
        var shop = await _api.NewShopAsync();
        var before = SettingsOf(shop.Store) with { Currency = "EUR" };
        await Use<StoreSettingsService, StoreView>(s => s.SaveAsync(shop.Store.Id, before, CancellationToken.None));
        await Use<StoreSettingsService, StoreView>(s => s.SaveAsync(shop.Store.Id, before with { Currency = "DKK" }, CancellationToken.None));
        var product = await _api.NewProductAsync(20m);
        await _api.SellAsync(shop, PaymentMethod.Card, (product, 1m));

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            Use<StoreSettingsService, StoreView>(s => s.SaveAsync(shop.Store.Id, before, CancellationToken.None)));
        var rounded = await Use<StoreSettingsService, StoreView>(s =>
            s.SaveAsync(shop.Store.Id, before with { Currency = "DKK", CashRoundingIncrement = 1.00m }, CancellationToken.None));

        Assert.Equal("store.currency-in-use", refused.Code);
        Assert.Equal(("DKK", 1.00m), (rounded.Currency, rounded.CashRoundingIncrement));
    }

    [Fact]
    public async Task A_VAT_rate_that_products_are_sold_at_cannot_be_removed()
    {
        var shop = await _api.NewShopAsync();
        await _api.NewProductAsync(20m, vat: 25m);

        var refused = await Assert.ThrowsAsync<DomainException>(() => Use<StoreSettingsService, StoreView>(s => s.SaveAsync(shop.Store.Id,
            SettingsOf(shop.Store) with { VatRates = [new VatRateView("Z", 0m, "Momsfri")] }, CancellationToken.None)));
        var kept = await KasseClient.Read<StoreView>(await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}"));

        Assert.Equal("store.vat-rate-in-use", refused.Code);
        Assert.Equal([25m, 0m], kept.VatRates.Select(r => r.Percent));
    }

    [Fact]
    public async Task Receipts_are_found_by_number_day_and_amount_and_know_when_their_copy_is_printed()
    {
        var shop = await _api.NewShopAsync();
        var cheap = await _api.NewProductAsync(10m);
        var dear = await _api.NewProductAsync(77.25m);
        var first = await _api.SellAsync(shop, PaymentMethod.Card, (cheap, 1m));
        var second = await _api.SellAsync(shop, PaymentMethod.Card, (dear, 1m));
        await Use<ReceiptService, PrintedReceipt>(r => r.CopyAsync(second.Id, 42, CancellationToken.None));

        var byNumber = await Use<ReceiptLookup, IReadOnlyList<ReceiptMatch>>(l => l.FindAsync(new ReceiptQuery(shop.Store.Id, ReceiptNumber: 1), CancellationToken.None));
        var byDayAndAmount = await Use<ReceiptLookup, IReadOnlyList<ReceiptMatch>>(l =>
            l.FindAsync(new ReceiptQuery(shop.Store.Id, BusinessDay: second.BusinessDay, TotalAmount: 77.25m), CancellationToken.None));
        var none = await Use<ReceiptLookup, IReadOnlyList<ReceiptMatch>>(l =>
            l.FindAsync(new ReceiptQuery(shop.Store.Id, BusinessDay: second.BusinessDay!.Value.AddDays(-1)), CancellationToken.None));

        Assert.Equal(first.Id, Assert.Single(byNumber).SaleId);
        Assert.False(byNumber[0].CopyPrinted);
        var match = Assert.Single(byDayAndAmount);
        Assert.Equal((second.Id, 2L, "Kasse 1", true), (match.SaleId, match.ReceiptNumber, match.RegisterName, match.CopyPrinted));
        Assert.Empty(none);
    }

    [Fact]
    public async Task A_changed_PIN_replaces_the_old_one_and_the_language_is_kept()
    {
        var shop = await _api.NewShopAsync();
        var id = Guid.CreateVersion7();
        await Use<EmployeeService, EmployeeView>(s => s.CreateAsync(id, "Lærke", nameof(Role.Cashier), "1357", "da", [shop.Store.Id], false, CancellationToken.None));

        var changed = await Use<EmployeeService, EmployeeView>(s => s.UpdateAsync(id, new UpdateEmployee("Lærke Ø", nameof(Role.Manager), "en", true, "975310"), CancellationToken.None));
        var oldPin = await Assert.ThrowsAsync<DomainException>(() =>
            Use<EmployeeService, SignedIn>(s => s.SignInAsync(shop.Register.Id, id, "1357", CancellationToken.None)));
        var signedIn = await Use<EmployeeService, SignedIn>(s => s.SignInAsync(shop.Register.Id, id, "975310", CancellationToken.None));
        var kept = await Use<EmployeeService, EmployeeView>(s => s.UpdateAsync(id, new UpdateEmployee("Lærke Ø", nameof(Role.Manager), "en", true), CancellationToken.None));
        var again = await Use<EmployeeService, SignedIn>(s => s.SignInAsync(shop.Register.Id, id, "975310", CancellationToken.None));

        Assert.Equal(("Lærke Ø", nameof(Role.Manager), "en"), (changed.Name, changed.Role, changed.Language));
        Assert.Equal("employee.sign-in-failed", oldPin.Code);
        Assert.Equal("en", signedIn.Employee.Language);
        Assert.Equal(id, again.Employee.Id);
        Assert.Equal("en", kept.Language);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BackOfficeServicesOnSqlite(SqliteServer server) : BackOfficeServiceTests(server);

[Collection(PostgresCollection.Name)]
public sealed class BackOfficeServicesOnPostgres(PostgresServer server) : BackOfficeServiceTests(server);
