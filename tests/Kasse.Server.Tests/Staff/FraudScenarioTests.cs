using System.Net.Http.Json;
using Kasse.Application.CashControl;
using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Staff;

/// <summary>Scenario days replayed through the API: an honest day raises nothing, each kind of fraud is flagged by its rule.</summary>
public abstract class FraudScenarioTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private static Approval Supervisor(Shop shop) => new(shop.SupervisorId, Shop.SupervisorPin);

    private async Task<List<FraudAlertView>> AlertsAfterTheDayAsync(Shop shop)
    {
        await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/stores/{shop.Store.Id}/fraud/evaluations", new { }));
        return (await _api.Http.GetFromJsonAsync<List<FraudAlertView>>($"/api/v1/fraud/alerts?storeId={shop.Store.Id}", KasseClient.Json))!;
    }

    private async Task<FraudAlertView> FlaggedAsync(Shop shop, FraudRule rule)
    {
        var alerts = await AlertsAfterTheDayAsync(shop);
        var alert = Assert.Single(alerts, a => a.Rule == rule);
        Assert.False(string.IsNullOrWhiteSpace(alert.Explanation));
        Assert.NotEmpty(alert.Events);
        Assert.True(alert.Observed > alert.Threshold, $"{alert.Observed} should exceed {alert.Threshold}");
        return alert;
    }

    /// <param name="by">Who sells: a cashier signed in at the till (the owner's key by default).</param>
    private async Task<SaleView> OpenSaleWithAsync(Shop shop, ProductView product, KasseClient? by = null)
    {
        var sale = await (by ?? _api).OpenSaleAsync(shop);
        return await (by ?? _api).AddProductAsync(sale.Id, product.Id);
    }

    private Task<HttpResponseMessage> DiscountAsync(SaleView sale, decimal percent, Approval? approval, KasseClient? by = null) =>
        (by ?? _api).SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/discount", new SetDiscount(DiscountKind.Percent, percent, "Stamkunde", approval));

    private async Task OpenSessionAsync(Shop shop, decimal openingFloat = 500m) =>
        await KasseClient.Read<SessionView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sessions",
            new OpenSession(Guid.CreateVersion7(), openingFloat, shop.CashierId)));

    [Fact]
    public async Task An_honest_day_raises_no_alert()
    {
        var shop = await _api.NewShopAsync();
        var bread = await _api.NewProductAsync(30.00m);
        await OpenSessionAsync(shop);
        var sold = await _api.SellAsync(shop, PaymentMethod.Cash, (bread, 2m));
        await _api.SellAsync(shop, PaymentMethod.Card, (bread, 1m));
        await _api.SellAsync(shop, PaymentMethod.Card, (bread, 3m));
        var voided = await OpenSaleWithAsync(shop, bread);
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{voided.Id}/void", null));
        var discounted = await OpenSaleWithAsync(shop, bread);
        await KasseClient.Read<SaleView>(await DiscountAsync(discounted, 10m, null));
        await _api.PayAsync(discounted.Id, PaymentMethod.Card);
        await _api.CompleteAsync(discounted.Id);
        await KasseClient.Read<DrawerOpenedView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/drawer/open",
            new OpenDrawer(shop.CashierId, "Veksle", Supervisor(shop))));
        await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id, [new ReturnLineRequest(sold.Lines[0].Id, 1m)],
            Reason: "Forkert vare"));
        var session = await _api.Http.GetFromJsonAsync<SessionView>($"/api/v1/registers/{shop.Register.Id}/sessions/current", KasseClient.Json);
        // 500 float + 60 sold − 30 returned in cash (the till rounds nothing here).
        await KasseClient.Read<SessionView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sessions/{session!.Id}/count",
            new CountCash(530.00m, shop.CashierId)));

        Assert.Empty(await AlertsAfterTheDayAsync(shop));
    }

    [Fact]
    public async Task Many_voids_compared_with_peers_are_flagged()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(20.00m);
        await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), shop.Register.Id, shop.SupervisorId)));
        for (var i = 0; i < 4; i++)
        {
            var sale = await OpenSaleWithAsync(shop, item);
            await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/void", null));
        }

        var alert = await FlaggedAsync(shop, FraudRule.ManyVoidsOrRefunds);
        Assert.Equal(shop.CashierId, alert.EmployeeId);
        Assert.Contains("peer average", alert.Explanation);
    }

    [Fact]
    public async Task Refunds_without_a_receipt_and_to_another_card_are_flagged()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(99.00m);
        for (var i = 0; i < 3; i++)
            await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, Products: [new UnreceiptedReturnLine(item.Id)],
                RefundMethod: PaymentMethod.Card, Reason: "Gave", Approval: Supervisor(shop)));

        var alerts = await AlertsAfterTheDayAsync(shop);
        Assert.Contains(alerts, a => a.Rule == FraudRule.RefundsWithoutReceipt && a.EmployeeId == shop.CashierId && a.Events.Count == 3);
        Assert.Contains(alerts, a => a.Rule == FraudRule.RefundToDifferentCard && a.EmployeeId == shop.CashierId);
    }

    [Fact]
    public async Task Many_no_sale_drawer_opens_are_flagged_and_a_manager_acknowledges_the_alert_with_a_note()
    {
        var shop = await _api.NewShopAsync();
        await OpenSessionAsync(shop);
        for (var i = 0; i < 4; i++)
            await KasseClient.Read<DrawerOpenedView>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/drawer/open",
                new OpenDrawer(shop.CashierId, "Veksle", Supervisor(shop))));

        var alert = await FlaggedAsync(shop, FraudRule.NoSaleDrawerOpens);
        var acknowledged = await KasseClient.Read<FraudAlertView>(await _api.PostAsync($"/api/v1/fraud/alerts/{alert.Id}/acknowledgement",
            new { note = "Talt med Søren: byttepenge til torvedag" }));
        var open = await _api.Http.GetFromJsonAsync<List<FraudAlertView>>($"/api/v1/fraud/alerts?storeId={shop.Store.Id}&open=true", KasseClient.Json);

        Assert.Equal(4m, alert.Observed);
        Assert.NotNull(acknowledged.AcknowledgedAt);
        Assert.DoesNotContain(open!, a => a.Id == alert.Id);
        var audit = await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?subject={alert.Id}", KasseClient.Json);
        Assert.Contains("torvedag", Assert.Single(audit!).Detail);
    }

    [Fact]
    public async Task Discounts_above_the_limit_and_just_under_it_are_flagged()
    {
        var above = await _api.NewShopAsync();
        var under = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(100.00m);
        // The discounts are given by the cashiers at their tills: the rules count them against whoever acted.
        var aboveCashier = await server.SignedInAtAsync(above.Register.Id, above.CashierId, Shop.CashierPin);
        var underCashier = await server.SignedInAtAsync(under.Register.Id, under.CashierId, Shop.CashierPin);
        for (var i = 0; i < 3; i++)
            await KasseClient.Read<SaleView>(await DiscountAsync(await OpenSaleWithAsync(above, item, aboveCashier), 30m, Supervisor(above), aboveCashier));
        for (var i = 0; i < 4; i++)
            await KasseClient.Read<SaleView>(await DiscountAsync(await OpenSaleWithAsync(under, item, underCashier), 19m, null, underCashier));

        var aboveAlert = await FlaggedAsync(above, FraudRule.DiscountsAboveThreshold);
        var underAlert = await FlaggedAsync(under, FraudRule.SalesJustUnderApprovalLimit);
        Assert.Equal(above.CashierId, aboveAlert.EmployeeId);
        Assert.Equal(4m, underAlert.Observed);
    }

    [Fact]
    public async Task Price_overrides_training_receipts_and_a_short_drawer_are_flagged()
    {
        var overrides = await _api.NewShopAsync();
        var training = await _api.NewShopAsync();
        var shortDrawer = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(50.00m);
        for (var i = 0; i < 4; i++)
        {
            var sale = await _api.OpenSaleAsync(overrides);
            await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines",
                new AddLine(ProductId: item.Id, UnitPrice: 5.00m, Approval: Supervisor(overrides))));
        }
        await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/registers/{training.Register.Id}/training", new { on = true }));
        for (var i = 0; i < 6; i++)
            await _api.SellAsync(training, PaymentMethod.Card, (item, 1m));
        await OpenSessionAsync(shortDrawer);
        var session = await _api.Http.GetFromJsonAsync<SessionView>($"/api/v1/registers/{shortDrawer.Register.Id}/sessions/current", KasseClient.Json);
        await KasseClient.Read<SessionView>(await _api.PostAsync($"/api/v1/registers/{shortDrawer.Register.Id}/sessions/{session!.Id}/count",
            new CountCash(400.00m, shortDrawer.CashierId)));

        await FlaggedAsync(overrides, FraudRule.PriceOverrides);
        await FlaggedAsync(training, FraudRule.TrainingOutsideTraining);
        var cash = await FlaggedAsync(shortDrawer, FraudRule.CashOverShort);
        Assert.Equal(100.00m, cash.Observed);
        Assert.Contains("short by 100.00", cash.Explanation);
    }

    [Fact]
    public async Task Wrong_PINs_for_many_employees_at_one_till_are_flagged()
    {
        var shop = await _api.NewShopAsync();
        var third = Guid.CreateVersion7();
        await KasseClient.Read<object>(await _api.PostAsync("/api/v1/employees", new { id = third, name = "Tredje", role = "Cashier", pin = "2222", stores = new[] { shop.Store.Id } }));
        foreach (var employee in new[] { shop.CashierId, shop.SupervisorId, third })
            await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sign-in", new { employeeId = employee, pin = "0000" });

        var alert = await FlaggedAsync(shop, FraudRule.ManyPinAttempts);
        Assert.Equal(3m, alert.Observed);
        Assert.Null(alert.EmployeeId);
    }

    [Fact]
    public async Task The_owner_tunes_a_threshold()
    {
        var rules = await _api.Http.GetFromJsonAsync<List<FraudRuleView>>("/api/v1/fraud/rules", KasseClient.Json);
        var manager = await server.ClientAsAsync("Manager");

        var refused = await manager.SendAsync(HttpMethod.Put, "/api/v1/fraud/rules/CashOverShort", new { threshold = 10m });
        var tuned = await KasseClient.Read<FraudRuleView>(await _api.SendAsync(HttpMethod.Put, "/api/v1/fraud/rules/CashOverShort", new { threshold = 50m }));

        Assert.Equal(Enum.GetValues<FraudRule>().Length, rules!.Count);
        await KasseClient.Problem(refused, System.Net.HttpStatusCode.Forbidden, "permission.denied");
        Assert.Equal(50m, tuned.Threshold);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FraudScenariosOnSqlite(SqliteServer server) : FraudScenarioTests(server);

[Collection(PostgresCollection.Name)]
public sealed class FraudScenariosOnPostgres(PostgresServer server) : FraudScenarioTests(server);
