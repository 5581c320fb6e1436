using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Staff;

/// <summary>Every gated till action, by every kind of caller: who acts is the caller, and only their own role or a supervisor's PIN lets it through.</summary>
public enum GatedAction
{
    PriceOverride,
    PriceOverrideOnANewLine,
    FullLineDiscount,
    TakeBackAPayment,
    NoSaleDrawerOpen,
    CashReturnWithoutReceipt,
}

public enum GatedCaller
{
    /// <summary>A cashier, naming nobody else, without an approval.</summary>
    OwnRole,
    /// <summary>A cashier naming the manager in the body (the borrowed-rights attack).</summary>
    NamingAMorePowerfulEmployee,
    /// <summary>A manager naming the cashier in the body.</summary>
    NamingALessPowerfulEmployee,
    /// <summary>A cashier with the supervisor's right PIN.</summary>
    WithAValidApproval,
    /// <summary>A cashier with a wrong supervisor PIN.</summary>
    WithAWrongApproval,
}

/// <summary>The road the caller comes by: a till's PIN session, or an integration's API key of the same role.</summary>
public enum GatedRoad
{
    PinSession,
    ApiKey,
}

public abstract class GatedActionMatrixTests(KasseServer server)
{
    private const string ManagerPin = "2468";
    private readonly KasseClient _owner = server.Client();

    public static TheoryData<GatedAction, GatedCaller, GatedRoad> Cases()
    {
        var cases = new TheoryData<GatedAction, GatedCaller, GatedRoad>();
        foreach (var action in Enum.GetValues<GatedAction>())
            foreach (var caller in Enum.GetValues<GatedCaller>())
                foreach (var road in Enum.GetValues<GatedRoad>())
                    cases.Add(action, caller, road);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_gated_action_passes_only_on_the_callers_own_role_or_a_supervisors_approval(GatedAction action, GatedCaller caller, GatedRoad road)
    {
        var shop = await _owner.NewShopAsync();
        var managerId = Guid.CreateVersion7();
        await KasseClient.Read<object>(await _owner.PostAsync("/api/v1/employees",
            new { id = managerId, name = $"Mette Chef {server.NextNumber()}", role = nameof(Role.Manager), pin = ManagerPin, stores = new[] { shop.Store.Id } }));
        await KasseClient.Read<object>(await _owner.PostAsync($"/api/v1/registers/{shop.Register.Id}/sessions", new { id = Guid.CreateVersion7(), openingFloat = 500m }));
        var product = await _owner.NewProductAsync(40.00m);

        var managerActs = caller == GatedCaller.NamingALessPowerfulEmployee;
        var client = await ClientAsync(shop, road, managerActs ? (managerId, ManagerPin, nameof(Role.Manager)) : (shop.CashierId, Shop.CashierPin, nameof(Role.Cashier)));
        // Whom the body names: another employee in the two "naming" cases; otherwise an integration names the cashier it serves.
        Guid? named = caller switch
        {
            GatedCaller.NamingAMorePowerfulEmployee => managerId,
            GatedCaller.NamingALessPowerfulEmployee => shop.CashierId,
            _ => road == GatedRoad.ApiKey ? shop.CashierId : null,
        };
        Approval? approval = caller switch
        {
            GatedCaller.WithAValidApproval => new Approval(shop.SupervisorId, Shop.SupervisorPin),
            GatedCaller.WithAWrongApproval => new Approval(shop.SupervisorId, "0000"),
            _ => null,
        };

        var attempt = await AttemptAsync(action, client, shop, product.Id, named, approval);

        var borrowing = road == GatedRoad.PinSession && caller is GatedCaller.NamingAMorePowerfulEmployee or GatedCaller.NamingALessPowerfulEmployee;
        var expectedCode = borrowing ? "actor.not-yourself"
            : caller switch
            {
                GatedCaller.OwnRole or GatedCaller.NamingAMorePowerfulEmployee => "permission.approval-required",
                GatedCaller.WithAWrongApproval => "permission.approval-invalid",
                _ => null,
            };
        var audit = await AuditOfAsync(action, attempt.Subject);
        if (expectedCode is not null)
        {
            await KasseClient.Problem(attempt.Response, HttpStatusCode.Forbidden, expectedCode);
            Assert.True(attempt.Unchanged(), $"{action} refused ({expectedCode}) but the sale, drawer or return changed anyway.");
            Assert.Empty(audit);
            // No line of the audit trail may blame the manager for what a cashier tried.
            Assert.DoesNotContain((await AuditAsync($"employeeId={managerId}&storeId={shop.Store.Id}"))!, a => a.Action != AuditAction.SignedIn);
            return;
        }
        Assert.True(attempt.Response.IsSuccessStatusCode, $"{action} by {caller} over {road}: {(int)attempt.Response.StatusCode} {await attempt.Response.Content.ReadAsStringAsync()}");
        var line = Assert.Single(audit);
        Assert.Equal(caller == GatedCaller.WithAValidApproval ? shop.SupervisorId : null, line.ApprovedById);
        // Who acted is the caller: the signed-in employee, or the API key itself (which is no employee).
        Assert.Equal(road == GatedRoad.PinSession ? (managerActs ? managerId : shop.CashierId) : null, line.ActorEmployeeId);
        if (road == GatedRoad.ApiKey)
            Assert.StartsWith("API key", line.Actor);
    }

    private async Task<KasseClient> ClientAsync(Shop shop, GatedRoad road, (Guid Id, string Pin, string Role) who) =>
        road == GatedRoad.PinSession
            ? await server.SignedInAtAsync(shop.Register.Id, who.Id, who.Pin)
            : await server.ClientAsAsync(who.Role, shop.Store.Id);

    private sealed record Attempt(HttpResponseMessage Response, string Subject, Func<bool> Unchanged);

    private async Task<Attempt> AttemptAsync(GatedAction action, KasseClient client, Shop shop, Guid productId, Guid? named, Approval? approval)
    {
        if (action == GatedAction.NoSaleDrawerOpen)
        {
            var opened = await client.PostAsync($"/api/v1/registers/{shop.Register.Id}/drawer/open", new { employeeId = named, reason = "Veksle", approval });
            var drawerOpens = (await AuditAsync($"registerId={shop.Register.Id}&action=DrawerOpened"))!.Count;
            return new Attempt(opened, shop.Register.Id.ToString(), () => drawerOpens == 0);
        }
        if (action == GatedAction.CashReturnWithoutReceipt)
        {
            var returnId = Guid.CreateVersion7();
            var returned = await client.TryReturnAsync(new CreateReturn(returnId, shop.Register.Id, named, null, null,
                [new UnreceiptedReturnLine(ProductId: productId)], PaymentMethod.Cash, "Ingen bon", approval));
            var stored = await _owner.Http.GetAsync($"/api/v1/sales/{returnId}");
            return new Attempt(returned, returnId.ToString(), () => stored.StatusCode == HttpStatusCode.NotFound);
        }

        var open = await client.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), shop.Register.Id, named));
        if (!open.IsSuccessStatusCode)
            return new Attempt(open, "", () => true); // the naming itself was refused: nothing was opened
        var sale = await KasseClient.Read<SaleView>(open);
        sale = await client.AddProductAsync(sale.Id, productId);
        if (action == GatedAction.TakeBackAPayment)
            sale = await client.PayAsync(sale.Id, PaymentMethod.Card, 10.00m);
        var before = sale;
        var response = action switch
        {
            GatedAction.PriceOverride => await client.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/lines/{sale.Lines[0].Id}/price",
                new { unitPrice = 0.01m, approval }),
            GatedAction.PriceOverrideOnANewLine => await client.PostAsync($"/api/v1/sales/{sale.Id}/lines",
                new AddLine(ProductId: productId, UnitPrice: 0.01m, Approval: approval)),
            GatedAction.FullLineDiscount => await client.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/lines/{sale.Lines[0].Id}/discount",
                new { kind = "Percent", value = 100, reason = "Ven af huset", approval }),
            GatedAction.TakeBackAPayment => await client.SendAsync(HttpMethod.Delete, $"/api/v1/sales/{sale.Id}/payments/{sale.Payments[0].Id}",
                new { approval }),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        var after = await _owner.GetSaleAsync(sale.Id);
        return new Attempt(response, sale.Id.ToString(),
            () => after.TotalAmount == before.TotalAmount && after.Lines.Count == before.Lines.Count && after.PaidAmount == before.PaidAmount);
    }

    private async Task<List<AuditEndpoints.AuditEntryView>> AuditOfAsync(GatedAction action, string subject)
    {
        if (subject.Length == 0)
            return [];
        var kind = action switch
        {
            GatedAction.PriceOverride or GatedAction.PriceOverrideOnANewLine => AuditAction.PriceOverridden,
            GatedAction.FullLineDiscount => AuditAction.DiscountGiven,
            GatedAction.TakeBackAPayment => AuditAction.PaymentVoided,
            GatedAction.NoSaleDrawerOpen => AuditAction.DrawerOpened,
            GatedAction.CashReturnWithoutReceipt => AuditAction.Refunded,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        return (await AuditAsync($"subject={subject}&action={kind}"))!;
    }

    private Task<List<AuditEndpoints.AuditEntryView>?> AuditAsync(string query) =>
        _owner.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>("/api/v1/audit?" + query, KasseClient.Json);
}

[Collection(SqliteCollection.Name)]
public sealed class GatedActionMatrixOnSqlite(SqliteServer server) : GatedActionMatrixTests(server);

[Collection(PostgresCollection.Name)]
public sealed class GatedActionMatrixOnPostgres(PostgresServer server) : GatedActionMatrixTests(server);
