using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Domain.Sales;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Staff;

/// <summary>A cashier's gated action goes through with a supervisor's PIN for that one action; the audit says who asked and who approved.</summary>
public abstract class ApprovalTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private Task<List<AuditEndpoints.AuditEntryView>?> AuditAsync(string query) =>
        _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>("/api/v1/audit?" + query, KasseClient.Json);

    [Fact]
    public async Task A_discount_above_the_limit_needs_a_supervisor_and_the_audit_names_both()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(100.00m);
        var cashier = await server.SignedInAtAsync(shop.Register.Id, shop.CashierId, Shop.CashierPin);
        var sale = await cashier.OpenSaleAsync(shop);
        sale = await cashier.AddProductAsync(sale.Id, item.Id);
        var url = $"/api/v1/sales/{sale.Id}/lines/{sale.Lines[0].Id}/discount";

        var refused = await cashier.SendAsync(HttpMethod.Put, url, new { kind = "Percent", value = 30, reason = "Buket" });
        var wrongPin = await cashier.SendAsync(HttpMethod.Put, url, new { kind = "Percent", value = 30, reason = "Buket", approval = new Approval(shop.SupervisorId, "0000") });
        var approved = await KasseClient.Read<SaleView>(await cashier.SendAsync(HttpMethod.Put, url,
            new { kind = "Percent", value = 30, reason = "Buket", approval = new Approval(shop.SupervisorId, Shop.SupervisorPin) }));

        await KasseClient.Problem(refused, HttpStatusCode.Forbidden, "permission.approval-required");
        await KasseClient.Problem(wrongPin, HttpStatusCode.Forbidden, "permission.approval-invalid");
        Assert.Equal(70.00m, approved.TotalAmount);
        var discount = Assert.Single((await AuditAsync($"subject={sale.Id}&action=DiscountGiven"))!);
        Assert.Equal(shop.SupervisorId, discount.ApprovedById);
        Assert.Equal(shop.CashierId, discount.ActorEmployeeId);
        var approval = (await AuditAsync($"employeeId={shop.SupervisorId}&action=ApprovalGiven"))!.Single();
        Assert.Equal(shop.CashierId, approval.ActorEmployeeId);
        Assert.Contains("Discount above the limit", approval.Detail);
    }

    [Fact]
    public async Task A_price_override_and_a_no_sale_need_approval_and_repeated_wrong_approval_PINs_lock_the_approver()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(40.00m);
        var cashier = await server.SignedInAtAsync(shop.Register.Id, shop.CashierId, Shop.CashierPin);
        var sale = await cashier.OpenSaleAsync(shop);
        var drawer = $"/api/v1/registers/{shop.Register.Id}/drawer/open";
        await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sessions", new { id = Guid.CreateVersion7(), openingFloat = 500m }));

        await KasseClient.Problem(await cashier.PostAsync($"/api/v1/sales/{sale.Id}/lines", new { productId = item.Id, unitPrice = 25.00m }),
            HttpStatusCode.Forbidden, "permission.approval-required");
        var overridden = await KasseClient.Read<SaleView>(await cashier.PostAsync($"/api/v1/sales/{sale.Id}/lines",
            new { productId = item.Id, unitPrice = 25.00m, approval = new Approval(shop.SupervisorId, Shop.SupervisorPin) }));
        await KasseClient.Problem(await cashier.PostAsync(drawer, new { employeeId = shop.CashierId }), HttpStatusCode.Forbidden, "permission.approval-required");
        for (var i = 0; i < 5; i++)
            await KasseClient.Problem(await cashier.PostAsync(drawer, new { employeeId = shop.CashierId, approval = new Approval(shop.SupervisorId, "0000") }),
                HttpStatusCode.Forbidden, "permission.approval-invalid");
        var locked = await cashier.PostAsync(drawer, new { employeeId = shop.CashierId, approval = new Approval(shop.SupervisorId, Shop.SupervisorPin) });

        Assert.Equal(25.00m, overridden.Lines[0].UnitPrice);
        var audit = Assert.Single((await AuditAsync($"subject={sale.Id}&action=PriceOverridden"))!);
        Assert.Equal("40.00", audit.Before);
        Assert.Equal("25.00", audit.After);
        await KasseClient.Problem(locked, HttpStatusCode.Forbidden, "permission.approval-locked");
    }

    [Fact]
    public async Task A_sale_opened_at_the_till_without_a_cashier_named_is_the_signed_in_cashiers()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(12.00m);
        var cashier = await server.SignedInAtAsync(shop.Register.Id, shop.CashierId, Shop.CashierPin);

        var sale = await KasseClient.Read<SaleView>(await cashier.PostAsync("/api/v1/sales", new { id = Guid.CreateVersion7(), registerId = shop.Register.Id }));
        await cashier.AddProductAsync(sale.Id, item.Id);
        await cashier.PayAsync(sale.Id, PaymentMethod.Card);
        var completed = await cashier.CompleteAsync(sale.Id);

        Assert.Equal(shop.CashierId, sale.CashierId);
        Assert.Equal(shop.CashierId, completed.CashierId);
        Assert.Contains("Søren Kassemand", await _api.Http.GetStringAsync($"/api/v1/sales/{sale.Id}/receipt.txt"));
    }

    [Fact]
    public async Task An_integration_names_only_a_cashier_who_works_in_the_registers_store()
    {
        var here = await _api.NewShopAsync();
        var elsewhere = await _api.NewShopAsync();

        var foreign = await _api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), here.Register.Id, elsewhere.CashierId));
        var drawer = await _api.PostAsync($"/api/v1/registers/{here.Register.Id}/drawer/open", new { employeeId = elsewhere.SupervisorId });
        var own = await _api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), here.Register.Id, here.CashierId));

        await KasseClient.Problem(foreign, HttpStatusCode.Forbidden, "store.not-yours");
        await KasseClient.Problem(drawer, HttpStatusCode.Forbidden, "store.not-yours");
        Assert.Equal(here.CashierId, (await KasseClient.Read<SaleView>(own)).CashierId);
    }

    [Fact]
    public async Task The_owner_raises_the_discount_limit_and_the_change_is_audited()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(50.00m);
        var sale = await _api.OpenSaleAsync(shop);
        sale = await _api.AddProductAsync(sale.Id, item.Id);
        var before = await _api.Http.GetFromJsonAsync<StaffEndpoints.ApprovalSettingsView>("/api/v1/settings/approvals", KasseClient.Json);

        await KasseClient.Read<object>(await _api.SendAsync(HttpMethod.Put, "/api/v1/settings/approvals/discount-percent", new { value = 50m }));
        try
        {
            var discounted = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/discount",
                new { kind = "Amount", value = 20.00m, reason = "Stamkunde" }));
            Assert.Equal(30.00m, discounted.TotalAmount);
        }
        finally
        {
            await KasseClient.Read<object>(await _api.SendAsync(HttpMethod.Put, "/api/v1/settings/approvals/discount-percent", new { value = before!.DiscountApprovalPercent }));
        }
        var change = (await AuditAsync("action=SettingChanged&take=2"))!.Last();
        Assert.Contains("discount.approval-percent", change.Detail);
        Assert.Equal("50", change.After);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApprovalsOnSqlite(SqliteServer server) : ApprovalTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ApprovalsOnPostgres(PostgresServer server) : ApprovalTests(server);
