using System.Net;
using Kasse.Application.Customers;
using Kasse.Application.Sales;
using Kasse.Domain.Customers;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Customers;

public abstract class LoyaltyTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private static LoyaltyRules Rules(decimal perKrone = 1m, decimal pointValue = 0.10m, IReadOnlyList<CategoryPointsRate>? categories = null,
        IReadOnlyList<LoyaltyTier>? tiers = null, IReadOnlyList<StampCardRule>? stampCards = null) =>
        new(true, perKrone, pointValue, categories ?? [], tiers ?? [], stampCards ?? []);

    [Fact]
    public async Task A_sale_earns_points_per_krone_with_its_own_rate_per_category_and_the_ledger_shows_it()
    {
        var shop = await _api.NewShopAsync();
        var coffee = await _api.NewCategoryAsync(server, "Kaffe");
        await _api.SetLoyaltyAsync(shop, Rules(perKrone: 1m, categories: [new CategoryPointsRate(coffee.Id, 2m)]));
        var latte = await _api.NewProductInAsync(server, 40.00m, coffee.Id, "Latte");
        var paper = await _api.NewProductAsync(25.50m, name: "Avis");
        var customer = await _api.NewCustomerAsync(shop);

        var sold = await _api.SellToAsync(shop, customer.Id, (latte, 1m), (paper, 1m));

        var after = await _api.GetCustomerAsync(customer.Id);
        Assert.Equal(105, after.PointsBalance); // 40 × 2 + 25.50 × 1, rounded down
        Assert.Equal(10.50m, after.PointsWorth);
        var movement = Assert.Single(await KasseClient.Read<IReadOnlyList<LoyaltyMovementView>>(await _api.Http.GetAsync($"/api/v1/customers/{customer.Id}/loyalty")));
        Assert.Equal((LoyaltyMovementKind.Earned, 105L, sold.Id), (movement.Kind, movement.Amount, movement.SaleId));
    }

    [Fact]
    public async Task A_customer_past_a_tier_threshold_earns_at_the_tier_multiplier()
    {
        var shop = await _api.NewShopAsync();
        await _api.SetLoyaltyAsync(shop, Rules(tiers: [new LoyaltyTier("Guld", 100, 2m), new LoyaltyTier("Sølv", 50, 1.5m)]));
        var item = await _api.NewProductAsync(100.00m);
        var customer = await _api.NewCustomerAsync(shop);

        await _api.SellToAsync(shop, customer.Id, (item, 1m));
        Assert.Equal(("Guld", 100L), ((await _api.GetCustomerAsync(customer.Id)).Tier, (await _api.GetCustomerAsync(customer.Id)).PointsBalance));
        await _api.SellToAsync(shop, customer.Id, (item, 1m));
        Assert.Equal(300, (await _api.GetCustomerAsync(customer.Id)).PointsBalance);
    }

    [Fact]
    public async Task Returns_take_points_back_in_proportion_and_all_returns_together_take_back_exactly_what_was_earned()
    {
        var shop = await _api.NewShopAsync();
        await _api.SetLoyaltyAsync(shop, Rules());
        var candles = await _api.NewProductAsync(33.33m);
        var customer = await _api.NewCustomerAsync(shop);
        var sold = await _api.SellToAsync(shop, customer.Id, (candles, 3m));
        Assert.Equal(99, (await _api.GetCustomerAsync(customer.Id)).PointsBalance);

        var first = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id, [new ReturnLineRequest(sold.Lines[0].Id, 1m)]));
        Assert.Equal(customer.Id, first.CustomerId);
        Assert.Equal(66, (await _api.GetCustomerAsync(customer.Id)).PointsBalance);
        await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id, [new ReturnLineRequest(sold.Lines[0].Id, 2m)]));
        var after = await _api.GetCustomerAsync(customer.Id);
        Assert.Equal((0L, 0L), (after.PointsBalance, after.LifetimePoints));
    }

    [Fact]
    public async Task Points_pay_as_a_tender_move_with_the_payment_and_come_back_when_the_payment_is_removed()
    {
        var shop = await _api.NewShopAsync();
        await _api.SetLoyaltyAsync(shop, Rules(pointValue: 0.10m));
        var customer = await _api.NewCustomerAsync(shop);
        await _api.SellToAsync(shop, customer.Id, (await _api.NewProductAsync(200.00m), 1m));
        Assert.Equal(200, (await _api.GetCustomerAsync(customer.Id)).PointsBalance);

        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, (await _api.NewProductAsync(50.00m)).Id);
        await KasseClient.Problem(await _api.TryPayAsync(sale.Id, PaymentMethod.LoyaltyPoints, 15.00m), HttpStatusCode.Conflict, "loyalty.no-customer");
        await _api.AttachAsync(sale.Id, customer.Id);
        await KasseClient.Problem(await _api.TryPayAsync(sale.Id, PaymentMethod.LoyaltyPoints, 25.00m), HttpStatusCode.Conflict, "loyalty.insufficient-points");
        var paymentId = Guid.CreateVersion7();
        await KasseClient.Read<SaleView>(await _api.TryPayAsync(sale.Id, PaymentMethod.LoyaltyPoints, 15.00m, paymentId: paymentId));
        Assert.Equal(50, (await _api.GetCustomerAsync(customer.Id)).PointsBalance);

        await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Delete, $"/api/v1/sales/{sale.Id}/payments/{paymentId}",
            new VoidPayment(new Kasse.Application.Staff.Approval(shop.SupervisorId, Shop.SupervisorPin))));
        Assert.Equal(200, (await _api.GetCustomerAsync(customer.Id)).PointsBalance);

        await _api.PayAsync(sale.Id, PaymentMethod.LoyaltyPoints, 10.00m);
        await _api.PayAsync(sale.Id, PaymentMethod.Card);
        var sold = await _api.CompleteAsync(sale.Id);
        // 100 points spent; 40 of the 50 kr paid with money earn 40.
        Assert.Equal(140, (await _api.GetCustomerAsync(customer.Id)).PointsBalance);
        Assert.Contains(sold.Payments, p => p.Method == PaymentMethod.LoyaltyPoints && p.Amount == 10.00m);
    }

    [Fact]
    public async Task Points_redeemed_as_a_discount_are_spent_when_the_sale_completes()
    {
        var shop = await _api.NewShopAsync();
        await _api.SetLoyaltyAsync(shop, Rules(pointValue: 0.50m));
        var customer = await _api.NewCustomerAsync(shop);
        await _api.SellToAsync(shop, customer.Id, (await _api.NewProductAsync(40.00m), 1m));

        var sale = await _api.OpenSaleAsync(shop);
        await _api.AttachAsync(sale.Id, customer.Id);
        await _api.AddProductAsync(sale.Id, (await _api.NewProductAsync(30.00m)).Id);
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/sales/{sale.Id}/points-discount", new RedeemPointsAsDiscount(41)), HttpStatusCode.Conflict, "loyalty.insufficient-points");
        var discounted = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/points-discount", new RedeemPointsAsDiscount(20)));
        Assert.Equal(20.00m, discounted.TotalAmount);
        Assert.Equal(40, (await _api.GetCustomerAsync(customer.Id)).PointsBalance);

        await _api.PayAsync(sale.Id, PaymentMethod.Card);
        await _api.CompleteAsync(sale.Id);
        Assert.Equal(40 - 20 + 20, (await _api.GetCustomerAsync(customer.Id)).PointsBalance);
    }

    [Fact]
    public async Task Every_tenth_coffee_is_free_on_the_stamp_card_and_a_return_takes_its_stamps_back()
    {
        var shop = await _api.NewShopAsync();
        var coffee = await _api.NewProductAsync(35.00m, name: "Kaffe");
        var card = new StampCardRule(Guid.CreateVersion7(), "Kaffekort", [coffee.Id], [], 10);
        await _api.SetLoyaltyAsync(shop, Rules(stampCards: [card]) with { Enabled = false });
        var customer = await _api.NewCustomerAsync(shop);

        await _api.SellToAsync(shop, customer.Id, (coffee, 6m));
        var sold = await _api.SellToAsync(shop, customer.Id, (coffee, 4m));
        var stamps = Assert.Single((await _api.GetCustomerAsync(customer.Id)).Stamps);
        Assert.Equal((10L, 1L), (stamps.Stamps, stamps.RewardsAvailable));

        var sale = await _api.OpenSaleAsync(shop);
        await _api.AttachAsync(sale.Id, customer.Id);
        sale = await _api.AddProductAsync(sale.Id, coffee.Id, 2m);
        var free = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/stamp-rewards", new RedeemStampReward(card.Id, sale.Lines[0].Id)));
        Assert.Equal(35.00m, free.TotalAmount);
        await _api.PayAsync(sale.Id, PaymentMethod.Card);
        await _api.CompleteAsync(sale.Id);
        Assert.Equal(2, Assert.Single((await _api.GetCustomerAsync(customer.Id)).Stamps).Stamps); // 10 − 10 + 2

        var another = await _api.OpenSaleAsync(shop);
        await _api.AttachAsync(another.Id, customer.Id);
        another = await _api.AddProductAsync(another.Id, coffee.Id);
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/sales/{another.Id}/stamp-rewards", new RedeemStampReward(card.Id, another.Lines[0].Id)),
            HttpStatusCode.Conflict, "loyalty.not-enough-stamps");

        await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id, [new ReturnLineRequest(sold.Lines[0].Id, 2m)]));
        Assert.Equal(0, Assert.Single((await _api.GetCustomerAsync(customer.Id)).Stamps).Stamps);
    }

    [Fact]
    public async Task A_training_sale_earns_no_points_and_no_stamps()
    {
        var shop = await _api.NewShopAsync();
        var coffee = await _api.NewProductAsync(35.00m);
        await _api.SetLoyaltyAsync(shop, Rules(stampCards: [new StampCardRule(Guid.CreateVersion7(), "Kaffekort", [coffee.Id], [], 10)]));
        var customer = await _api.NewCustomerAsync(shop);
        await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/training", new { on = true, employeeId = shop.SupervisorId }));

        await _api.SellToAsync(shop, customer.Id, (coffee, 3m));

        var after = await _api.GetCustomerAsync(customer.Id);
        Assert.Equal((0L, 0L), (after.PointsBalance, Assert.Single(after.Stamps).Stamps));
        Assert.Empty(await KasseClient.Read<IReadOnlyList<CustomerSaleView>>(await _api.Http.GetAsync($"/api/v1/customers/{customer.Id}/sales")));
    }

    [Fact]
    public async Task Loyalty_rules_that_make_no_sense_are_refused()
    {
        var shop = await _api.NewShopAsync();
        var path = $"/api/v1/stores/{shop.Store.Id}/loyalty";
        await KasseClient.Problem(await _api.SendAsync(HttpMethod.Put, path, Rules(perKrone: -1m)), HttpStatusCode.BadRequest, "loyalty.rate");
        await KasseClient.Problem(await _api.SendAsync(HttpMethod.Put, path, Rules(pointValue: 0m)), HttpStatusCode.BadRequest, "loyalty.point-value");
        await KasseClient.Problem(await _api.SendAsync(HttpMethod.Put, path, Rules(stampCards: [new StampCardRule(Guid.CreateVersion7(), "Tom", [], [], 10)])),
            HttpStatusCode.BadRequest, "loyalty.stamp-card");
        await KasseClient.Problem(await _api.SendAsync(HttpMethod.Put, path, Rules(categories: [new CategoryPointsRate(Guid.CreateVersion7(), 2m)])),
            HttpStatusCode.NotFound, "loyalty.category-unknown");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LoyaltyOnSqlite(SqliteServer server) : LoyaltyTests(server);

[Collection(PostgresCollection.Name)]
public sealed class LoyaltyOnPostgres(PostgresServer server) : LoyaltyTests(server);
