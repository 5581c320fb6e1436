using System.Net.Http.Json;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Kasse.Server.Api;

namespace Kasse.Browser.Tests.Staff;

/// <summary>
/// The till takes the same road as the API: the same front door checks the caller, takes the approval, writes the
/// audit line and runs the fraud rules at once — so what the API does for a till action, the till does too.
/// </summary>
public abstract class TillRoadTests(BrowserServer server)
{
    private const string Rugbrod = "5704312418755";    // Rugbrød, groft 1 kg: 28,95
    private const string Franskbrod = "5703390314485"; // Franskbrød, skiveskåret 750 g: 22,95

    [Fact]
    public async Task A_short_blind_count_at_the_till_raises_the_cash_alert_at_once_as_the_API_does()
    {
        // A cashier of their own, so no other test's count of the same day has raised this alert for them already.
        var cashier = await server.UseAsync<EmployeeService, EmployeeView>(e =>
            e.CreateAsync(Guid.CreateVersion7(), "Tæller " + Guid.NewGuid().ToString("N")[..6], nameof(Role.Cashier), "1357",
                Kasse.Domain.Languages.Danish, [Kasse.Application.Demo.DemoSeeder.StoreId], false, CancellationToken.None));
        var register = await server.NewRegisterAsync("Kasse optælling " + Guid.NewGuid().ToString("N")[..4], drawerOpen: false);
        using var api = OwnerApi();
        (await api.PostAsJsonAsync($"/api/v1/registers/{register.Id}/sessions", new { id = Guid.CreateVersion7(), openingFloat = 500m })).EnsureSuccessStatusCode();
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync(cashier.Name, "1357");

        await page.TillMoreAsync("open-menu");
        await page.Locator("#count-amount").FillAsync("400"); // 100 kr short of the float
        await page.GetByTestId("blind-count").ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-result")).ToBeVisibleAsync();

        // No sweep has run: the alert is there because the count itself ran the rules, as POST …/count does.
        var alerts = await api.GetFromJsonAsync<List<FraudAlertView>>($"/api/v1/fraud/alerts?storeId={Kasse.Application.Demo.DemoSeeder.StoreId}&open=true&take=500", Json);
        var alert = Assert.Single(alerts!, a => a.Rule == FraudRule.CashOverShort && a.EmployeeId == cashier.Id);
        Assert.Equal(100m, alert.Observed);
    }

    [Fact]
    public async Task A_price_override_at_the_till_changes_the_line_in_place_in_one_step()
    {
        var register = await server.NewRegisterAsync("Kasse pris2 " + Guid.NewGuid().ToString("N")[..4]);
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync(BrowserServer.CashierName, BrowserServer.CashierPin);
        await till.ScanAsync(Rugbrod, 1);
        await till.ScanAsync(Franskbrod, 2);

        await till.CartLines.Nth(0).ClickAsync(); // the rye bread, first in the cart
        // Its own Price button: until the selection is drawn, the one on screen still belongs to the line scanned last.
        await till.CartLines.Nth(0).GetByTestId("line-price").ClickAsync();
        await page.Locator("#override-price").FillAsync("20,00");
        await page.GetByTestId("apply-price").ClickAsync();
        var approval = page.GetByTestId("approval-dialog");
        await approval.Locator("#approval-approver").SelectOptionAsync(server.SupervisorId.ToString());
        await approval.Locator("#approval-pin").FillAsync(BrowserServer.SupervisorPin);
        await approval.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(approval).ToHaveCountAsync(0);

        // The line keeps its place (and its id): the override is one change of that line, not a new line and a removal.
        await Assertions.Expect(till.Total).ToHaveTextAsync("42,95 kr.");
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(2);
        await Assertions.Expect(till.CartLines.Nth(0)).ToContainTextAsync("Rugbrød");
        await Assertions.Expect(till.CartLines.Nth(0)).ToContainTextAsync("20,00");
        using var api = OwnerApi();
        var overrides = await api.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?registerId={register.Id}&action={AuditAction.PriceOverridden}", Json);
        var entry = Assert.Single(overrides!);
        Assert.Equal((server.CashierId, server.SupervisorId), (entry.ActorEmployeeId, entry.ApprovedById));
    }

    [Fact]
    public async Task Taking_back_a_payment_at_the_till_takes_a_supervisors_PIN_and_the_audit_names_both()
    {
        var register = await server.NewRegisterAsync("Kasse tilbage " + Guid.NewGuid().ToString("N")[..4]);
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync(BrowserServer.CashierName, BrowserServer.CashierPin);
        await till.ScanAsync(Rugbrod, 1);
        await till.PayAsync();
        await page.Locator("#pay-amount").FillAsync("10");
        await till.Tender("Card").ClickAsync();
        await Assertions.Expect(page.GetByTestId("amount-due")).ToHaveTextAsync("18,95 kr.");

        await page.GetByTestId("payments").Locator("li button").ClickAsync();
        var approval = page.GetByTestId("approval-dialog");
        await Assertions.Expect(approval).ToHaveAttributeAsync("data-permission", nameof(Permission.VoidAfterPayment));
        await approval.Locator("#approval-approver").SelectOptionAsync(server.SupervisorId.ToString());
        await approval.Locator("#approval-pin").FillAsync("0000");
        await approval.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(approval.GetByTestId("approval-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("payments").Locator("li")).ToHaveCountAsync(1); // a wrong PIN takes nothing back
        await approval.Locator("#approval-pin").FillAsync(BrowserServer.SupervisorPin);
        await approval.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(approval).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("amount-due")).ToHaveTextAsync("28,95 kr.");

        using var api = OwnerApi();
        var taken = await api.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?registerId={register.Id}&action={AuditAction.PaymentVoided}", Json);
        var entry = Assert.Single(taken!);
        Assert.Equal((server.CashierId, server.SupervisorId), (entry.ActorEmployeeId, entry.ApprovedById));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private HttpClient OwnerApi()
    {
        var api = new HttpClient { BaseAddress = server.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", server.OwnerApiKey);
        return api;
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class TillRoadsOnSqlite(SqliteBrowserServer server) : TillRoadTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class TillRoadsOnPostgres(PostgresBrowserServer server) : TillRoadTests(server);
