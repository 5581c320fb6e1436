using System.Collections.Concurrent;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Domain.Sales;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Ui.Display;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Sales;

/// <summary>
/// The customer display follows the sale on the server, whoever changes it: here only the HTTP API does, and the
/// register's display feed (the hub every display page subscribes to) shows each change once it has committed.
/// </summary>
public abstract class CustomerDisplayFeedTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();
    private CustomerDisplayHub Hub => server.Services.GetRequiredService<CustomerDisplayHub>();

    /// <summary>What one register's display was shown, in order (as a display page subscribes).</summary>
    private sealed class Screen : IDisposable
    {
        private readonly ConcurrentQueue<DisplayState> _shown = new();
        private readonly IDisposable _subscription;

        public Screen(CustomerDisplayHub hub, Guid registerId) => _subscription = hub.Subscribe(registerId, _shown.Enqueue);

        public List<DisplayState> Shown => [.. _shown];
        public DisplayState? Now => _shown.LastOrDefault();

        public void Dispose() => _subscription.Dispose();
    }

    [Fact]
    public async Task A_sale_changed_through_the_api_shows_on_its_registers_display_and_moves_with_a_park_and_resume_to_another_register()
    {
        var shop = await _api.NewShopAsync();
        var register2 = await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2");
        var bread = await _api.NewProductAsync(28.95m, name: "Rugbrød");
        var coffee = await _api.NewProductAsync(49.95m, name: "Kaffe");
        using var screen1 = new Screen(Hub, shop.Register.Id);
        using var screen2 = new Screen(Hub, register2.Id);

        var sale = await _api.OpenSaleAsync(shop);
        // With an Idempotency-Key the change commits with the middleware's transaction: the display hears of it after that.
        var added = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines",
            new AddLine(Guid.CreateVersion7(), ProductId: bread.Id, Quantity: 2m), idempotencyKey: Guid.NewGuid().ToString()));
        await _api.AddProductAsync(sale.Id, coffee.Id);
        var selling = screen1.Now;
        Assert.NotNull(selling);
        Assert.Equal((DisplayPhase.Selling, sale.Id), (selling.Phase, selling.SaleId));
        Assert.Equal([("Rugbrød", 2m, 57.90m), ("Kaffe", 1m, 49.95m)], selling.Lines.Select(l => (l.Name, l.Quantity, l.Total)));
        Assert.Equal(107.85m, selling.Total);
        Assert.Same(selling, Hub.Latest(shop.Register.Id)); // a display opened now starts from it

        var breadLine = added.Lines.Single().Id;
        await _api.SendAsync(HttpMethod.Patch, $"/api/v1/sales/{sale.Id}/lines/{breadLine}", new SalesEndpoints.ChangeQuantityRequest(1m));
        Assert.Equal(78.90m, screen1.Now!.Total);
        await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/discount", new SetDiscount(DiscountKind.Amount, 8.90m, "Stamkunde"));
        Assert.Equal((70.00m, 8.90m), (screen1.Now!.Total, screen1.Now.DiscountTotal));

        var parked = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/park", null));
        Assert.Equal(SaleStatus.Parked, parked.Status);
        Assert.Equal(DisplayPhase.Idle, screen1.Now!.Phase);
        Assert.Empty(screen2.Shown);

        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/resume", new SalesEndpoints.ResumeRequest(register2.Id)));
        Assert.Equal((DisplayPhase.Selling, sale.Id, 70.00m), (screen2.Now!.Phase, screen2.Now.SaleId, screen2.Now.Total));
        Assert.Equal(DisplayPhase.Idle, screen1.Now!.Phase);

        // A part payment by card, then the rest in cash: the display shows what the sale says is left, then the change.
        await _api.PayAsync(sale.Id, PaymentMethod.Card, 20.20m);
        Assert.Equal((20.20m, 49.80m, 50.00m), (screen2.Now!.Paid, screen2.Now.AmountDue, screen2.Now.CashDue));
        await _api.PayCashAsync(sale.Id, 100m);
        await _api.CompleteAsync(sale.Id);
        var done = screen2.Now!;
        Assert.Equal((DisplayPhase.Done, 50.00m, 0.20m, 120.20m), (done.Phase, done.ChangeDue, done.CashRounding, done.Tendered));

        // A refused change shows nothing new; the next customer's sale, still empty, leaves the thank-you on screen.
        var shown = screen2.Shown.Count;
        await KasseClient.Problem(await _api.TryPayAsync(sale.Id, PaymentMethod.Card, 1m), System.Net.HttpStatusCode.Conflict);
        await _api.OpenSaleAsync(shop with { Register = register2 });
        Assert.Equal(shown, screen2.Shown.Count);
        Assert.Same(done, Hub.Latest(register2.Id));
    }

    [Fact]
    public async Task A_voided_sale_returns_its_display_to_the_welcome_but_another_sale_on_the_register_does_not_blank_the_one_on_screen()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(12.50m);
        using var screen = new Screen(Hub, shop.Register.Id);

        var other = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(other.Id, item.Id);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, item.Id, 3m);
        Assert.Equal((sale.Id, 37.50m), (screen.Now!.SaleId, screen.Now.Total));

        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{other.Id}/void", null));
        Assert.Equal((DisplayPhase.Selling, sale.Id), (screen.Now!.Phase, screen.Now.SaleId));

        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/void", null));
        Assert.Equal((DisplayPhase.Idle, sale.Id), (screen.Now!.Phase, screen.Now.SaleId));
    }

    [Fact]
    public async Task After_a_part_payment_the_sale_says_what_is_left_exactly_and_in_cash_by_its_own_rounding_even_after_the_store_changes_it()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(99.70m);
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, item.Id);

        var part = await _api.PayAsync(sale.Id, PaymentMethod.Card, 20m);
        Assert.Equal((79.70m, 79.50m, -0.20m, 0.50m), (part.AmountDue, part.CashDue, part.CashDueRounding, part.CashRoundingIncrement));

        // The store goes over to whole kroner while the sale is open: the sale keeps its own rule.
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<StoreSettingsService>().SaveAsync(shop.Store.Id,
                new SaveStoreSettings(shop.Store.Name, shop.Store.Address, shop.Store.CompanyId, shop.Store.ReceiptHeader, shop.Store.ReceiptFooter,
                    shop.Store.VatRates, shop.Store.Currency, 1.00m, shop.Store.TimeZone, shop.Store.Language), CancellationToken.None);
        var read = await _api.GetSaleAsync(sale.Id);
        Assert.Equal((79.70m, 79.50m, -0.20m, 0.50m), (read.AmountDue, read.CashDue, read.CashDueRounding, read.CashRoundingIncrement));
        var paid = await _api.PayCashAsync(sale.Id, read.CashDue);
        Assert.Equal((0m, 0m, 0m, 99.50m), (paid.AmountDue, paid.CashDue, paid.CashDueRounding, paid.TenderedAmount));
        await _api.CompleteAsync(sale.Id);

        // A sale opened after the change takes the new rule.
        var next = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(next.Id, item.Id);
        var nextPart = await _api.PayAsync(next.Id, PaymentMethod.Card, 20m);
        Assert.Equal((79.70m, 80.00m, 0.30m, 1.00m), (nextPart.AmountDue, nextPart.CashDue, nextPart.CashDueRounding, nextPart.CashRoundingIncrement));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CustomerDisplayFeedOnSqlite(SqliteServer server) : CustomerDisplayFeedTests(server);

[Collection(PostgresCollection.Name)]
public sealed class CustomerDisplayFeedOnPostgres(PostgresServer server) : CustomerDisplayFeedTests(server);
