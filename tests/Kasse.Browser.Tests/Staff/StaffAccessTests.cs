using System.Net.Http.Json;
using Kasse.Application.Demo;
using Kasse.Domain.Staff;
using Kasse.Server.Api;

namespace Kasse.Browser.Tests.Staff;

/// <summary>
/// Sign-in and permissions in the browser: a cashier's gated action approved by a supervisor's PIN on the same
/// till, and the back office showing a cashier only what their role may use.
/// </summary>
public abstract class StaffAccessTests(BrowserServer server)
{
    private const string Rugbrod = "5704312418755"; // Rugbrød, groft 1 kg: 28,95

    [Fact]
    public async Task A_cashiers_discount_above_the_limit_is_applied_once_a_supervisor_enters_their_PIN_and_the_audit_names_both()
    {
        var register = await server.NewRegisterAsync("Kasse godkendelse " + Guid.NewGuid().ToString("N")[..4]);
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync(BrowserServer.CashierName, BrowserServer.CashierPin);
        await till.ScanAsync(Rugbrod, 1);

        await page.TillMoreAsync("sale-discount");
        await page.Locator("#discount-value").FillAsync("40");
        await page.Locator("#discount-reason").FillAsync("Kunden klagede");
        await page.GetByTestId("apply-discount").ClickAsync();
        var approval = page.GetByTestId("approval-dialog");
        await Assertions.Expect(approval).ToBeVisibleAsync();
        await Assertions.Expect(till.Total).ToHaveTextAsync("28,95 kr."); // nothing given before the approval

        await approval.Locator("#approval-approver").SelectOptionAsync(server.SupervisorId.ToString());
        await approval.Locator("#approval-pin").FillAsync("0000");
        await approval.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(approval.GetByTestId("approval-error")).ToBeVisibleAsync();
        await Assertions.Expect(till.Total).ToHaveTextAsync("28,95 kr.");

        await approval.Locator("#approval-pin").FillAsync(BrowserServer.SupervisorPin);
        await approval.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(approval).ToHaveCountAsync(0);
        await Assertions.Expect(till.Total).ToHaveTextAsync("17,37 kr.");
        await Artifacts.ScreenshotAsync(page, $"till-discount-approved-{server.Provider.ToString().ToLowerInvariant()}");

        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", server.OwnerApiKey);
        var approvals = await api.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>(
            $"/api/v1/audit?registerId={register.Id}&action={AuditAction.ApprovalGiven}", Json);
        var discounts = await api.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>(
            $"/api/v1/audit?registerId={register.Id}&action={AuditAction.DiscountGiven}", Json);
        var approved = Assert.Single(approvals!);
        Assert.Equal(nameof(Permission.DiscountAboveLimit), approved.Subject);
        Assert.Equal(server.CashierId, approved.ActorEmployeeId);
        Assert.Equal(server.SupervisorId, approved.ApprovedById);
        var discount = Assert.Single(discounts!);
        Assert.Equal((server.CashierId, server.SupervisorId), (discount.ActorEmployeeId, discount.ApprovedById));
    }

    [Fact]
    public async Task A_cashiers_price_override_and_no_sale_drawer_open_each_take_a_supervisors_PIN_on_the_till()
    {
        var register = await server.NewRegisterAsync("Kasse pris " + Guid.NewGuid().ToString("N")[..4]);
        var till = new TillPage(await server.NewPageAsync(), register.Id);
        var page = till.Page;
        await till.OpenAsync();
        await till.SignInAsync(BrowserServer.CashierName, BrowserServer.CashierPin);
        await till.ScanAsync(Rugbrod, 1);

        await page.GetByTestId("line-price").ClickAsync();
        await page.Locator("#override-price").FillAsync("20,00");
        await page.GetByTestId("apply-price").ClickAsync();
        var approval = page.GetByTestId("approval-dialog");
        await Assertions.Expect(approval).ToHaveAttributeAsync("data-permission", nameof(Permission.PriceOverride));
        await approval.Locator("#approval-approver").SelectOptionAsync(server.SupervisorId.ToString());
        await approval.Locator("#approval-pin").FillAsync(BrowserServer.SupervisorPin);
        await approval.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(approval).ToHaveCountAsync(0);
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(1);
        await Assertions.Expect(till.Total).ToHaveTextAsync("20,00 kr.");

        await page.TillMoreAsync("open-menu");
        await page.Locator("#nosale-reason").FillAsync("Byttepenge");
        await page.GetByTestId("no-sale").ClickAsync();
        await Assertions.Expect(approval).ToHaveAttributeAsync("data-permission", nameof(Permission.NoSaleDrawerOpen));
        await approval.Locator("#approval-approver").SelectOptionAsync(server.SupervisorId.ToString());
        await approval.Locator("#approval-pin").FillAsync(BrowserServer.SupervisorPin);
        await approval.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(approval).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("menu-note")).ToHaveTextAsync("Skuffen er åbnet.");

        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        api.DefaultRequestHeaders.Add("X-Api-Key", server.OwnerApiKey);
        foreach (var action in new[] { AuditAction.PriceOverridden, AuditAction.DrawerOpened })
        {
            var entries = await api.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?registerId={register.Id}&action={action}", Json);
            var entry = Assert.Single(entries!);
            Assert.Equal((server.CashierId, server.SupervisorId), (entry.ActorEmployeeId, entry.ApprovedById));
        }
    }

    [Fact]
    public async Task A_cashier_in_the_back_office_sees_only_what_their_role_allows_and_cannot_open_user_management()
    {
        var anonymous = await server.NewPageAsync();
        await anonymous.GotoAsync("/backoffice/users");
        await Assertions.Expect(anonymous).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/backoffice/sign-in\\?returnUrl=%2Fbackoffice%2Fusers$"));
        await anonymous.Locator("#user-name").FillAsync(BrowserServer.CashierUserName);
        await anonymous.Locator("#password").FillAsync("not the password");
        await anonymous.GetByTestId("sign-in-submit").ClickAsync();
        await Assertions.Expect(anonymous.GetByTestId("sign-in-error")).ToBeVisibleAsync();

        var page = await server.NewBackOfficePageAsync(userName: BrowserServer.CashierUserName, password: BrowserServer.CashierPassword);
        await Assertions.Expect(page.GetByTestId("signed-in-as")).ToContainTextAsync(BrowserServer.CashierName);
        await Assertions.Expect(page.Locator(".bo-nav [data-section=users]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".bo-nav [data-section=products]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".bo-nav [data-section=sales]")).ToHaveCountAsync(1);

        var answer = await page.GotoAsync("/backoffice/users");
        await Assertions.Expect(page.GetByTestId("not-allowed")).ToBeVisibleAsync();
        Assert.Equal(403, answer!.Status);
        await Assertions.Expect(page.GetByTestId("user-form")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("tr[data-user]")).ToHaveCountAsync(0);

        await page.GetByTestId("sign-out").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/backoffice/sign-in$"));
        await page.GotoAsync("/backoffice");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/backoffice/sign-in"));
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = CreateJson();

    private static System.Text.Json.JsonSerializerOptions CreateJson()
    {
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        json.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        return json;
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class StaffAccessOnSqlite(SqliteBrowserServer server) : StaffAccessTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class StaffAccessOnPostgres(PostgresBrowserServer server) : StaffAccessTests(server);
