using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Demo;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;

namespace Kasse.Browser.Tests.Staff;

/// <summary>The back office's staff pages, driven in Chromium: the permission matrix, API keys, the audit trail, timesheets and fraud alerts.</summary>
[Collection(SqliteBrowserCollection.Name)]
public sealed class StaffPagesTests(SqliteBrowserServer server)
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private HttpClient Api(string? key = null)
    {
        var http = new HttpClient { BaseAddress = server.BaseAddress };
        http.DefaultRequestHeaders.Add(ApiKeyService.Header, key ?? server.OwnerApiKey);
        return http;
    }

    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private Task<Guid> NewEmployeeAsync(string name, Role role)
    {
        var id = Guid.CreateVersion7();
        return server.UseAsync<EmployeeService, Guid>(async s => (await s.CreateAsync(id, name, role.ToString(), "1357",
            Kasse.Domain.Languages.Danish, [DemoSeeder.StoreId], false, CancellationToken.None)).Id);
    }

    [Fact]
    public async Task The_owner_gives_cashiers_a_permission_in_the_matrix_and_a_cashiers_key_may_use_it_at_once()
    {
        using var cashierKey = Api(await server.UseAsync<ApiKeyService, string>(async s =>
            (await s.CreateAsync("matrix test " + Unique(), nameof(Role.Cashier), null, [DemoSeeder.StoreId], false, "test", CancellationToken.None)).Secret));
        var performance = $"/api/v1/stores/{DemoSeeder.StoreId}/performance?from=2026-03-01T00:00:00Z&to=2026-03-02T00:00:00Z";
        var before = await cashierKey.GetAsync(performance, TestContext.Current.CancellationToken);
        try
        {
            var page = await server.NewOwnerPageAsync();
            await page.GotoInteractiveAsync("/backoffice/roles");
            var box = page.Locator("tr[data-permission=SeeReports] input[data-role=Cashier]");
            await Assertions.Expect(box).Not.ToBeCheckedAsync();
            await Assertions.Expect(page.Locator("tr[data-permission=SeeReports] input[data-role=Owner]")).ToBeDisabledAsync();
            await box.CheckAsync();
            await page.GetByTestId("save-matrix").ClickAsync();
            await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Gemt.");
            await Artifacts.ScreenshotAsync(page, "backoffice-roles");

            var after = await cashierKey.GetAsync(performance, TestContext.Current.CancellationToken);
            await page.GotoInteractiveAsync("/backoffice/roles");
            await Assertions.Expect(box).ToBeCheckedAsync();

            Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
            Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        }
        finally
        {
            await server.UseAsync<RoleService, RoleView>(s => s.SaveAsync(nameof(Role.Cashier), BuiltInRoles.Defaults(Role.Cashier), CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_custom_role_is_made_renamed_and_deleted_and_one_still_in_use_is_kept()
    {
        var name = "Weekend" + Unique();
        var page = await server.NewOwnerPageAsync();
        await page.GotoInteractiveAsync("/backoffice/roles");
        await page.GetByTestId("new-role-name").FillAsync(name);
        await page.GetByTestId("add-role").ClickAsync();
        await Assertions.Expect(page.Locator($"th[data-role='{name}']")).ToBeVisibleAsync();
        // Made from the cashier's permissions, as the form said.
        await Assertions.Expect(page.Locator($"tr[data-permission=Sell] input[data-role='{name}']")).ToBeCheckedAsync();

        await page.Locator($"th[data-role='{name}']").GetByTestId("rename-role").ClickAsync();
        await page.Locator("#r-rename").FillAsync(name + "x");
        await page.GetByTestId("confirm-rename").ClickAsync();
        await Assertions.Expect(page.Locator($"th[data-role='{name}x']")).ToBeVisibleAsync();
        var person = await NewEmployeeAsync("Rolle " + Unique(), Role.Cashier);
        await server.UseAsync<EmployeeService, EmployeeView>(s => s.ChangeAsync(person, name + "x", null, null, null, null, CancellationToken.None));

        await page.Locator($"th[data-role='{name}x']").GetByTestId("delete-role").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error")).ToContainTextAsync("1 medarbejder(e)");
        await server.UseAsync<EmployeeService, EmployeeView>(s => s.ChangeAsync(person, nameof(Role.Cashier), null, null, null, null, CancellationToken.None));
        await page.Locator($"th[data-role='{name}x']").GetByTestId("delete-role").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"th[data-role='{name}x']")).ToHaveCountAsync(0);
        var roles = await server.UseAsync<RoleService, IReadOnlyList<RoleView>>(s => s.ListAsync(CancellationToken.None));
        Assert.DoesNotContain(roles, r => r.Name.StartsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_api_key_made_on_the_page_is_shown_once_works_shows_its_last_use_and_is_refused_once_revoked()
    {
        var name = "Webshop " + Unique();
        var page = await server.NewOwnerPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = server.BaseAddress.ToString().TrimEnd('/') });
        await page.GotoInteractiveAsync("/backoffice/api-keys");
        await page.GetByTestId("key-name").FillAsync(name);
        await page.GetByTestId("key-role").SelectOptionAsync(nameof(Role.Manager));
        await page.GetByTestId("create-key").ClickAsync();
        var secret = await page.GetByTestId("key-secret").InputValueAsync();
        await page.GetByTestId("copy-key").ClickAsync();
        await Assertions.Expect(page.GetByTestId("copied")).ToBeVisibleAsync();
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");

        using var integration = Api(secret);
        var working = await integration.GetAsync("/api/v1/employees", TestContext.Current.CancellationToken);
        await page.GotoInteractiveAsync("/backoffice/api-keys");
        var row = page.Locator($"tr[data-key='{name}']");
        await Assertions.Expect(page.GetByTestId("key-secret")).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByTestId("last-used")).Not.ToHaveTextAsync("aldrig");
        await Artifacts.ScreenshotAsync(page, "backoffice-api-keys");
        await row.GetByTestId("revoke-key").ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("tilbagekaldt");
        var refused = await integration.GetAsync("/api/v1/employees", TestContext.Current.CancellationToken);

        Assert.StartsWith("kasse_", secret);
        Assert.Equal(secret, clipboard);
        Assert.Equal(HttpStatusCode.OK, working.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_filters_by_kind_and_text_and_shows_what_changed()
    {
        var role = "Audit" + Unique();
        using (var api = Api())
            (await api.PutAsJsonAsync($"/api/v1/roles/{role}", new { permissions = new[] { "Browse", "Sell" } }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var page = await server.NewOwnerPageAsync();
        await page.GotoInteractiveAsync("/backoffice/audit");
        await page.GetByTestId("filter-action").SelectOptionAsync(nameof(AuditAction.RolePermissionsChanged));
        await page.GetByTestId("filter-text").FillAsync(role.ToLowerInvariant());
        await page.GetByTestId("audit-search").ClickAsync();

        var rows = page.GetByTestId("audit-table").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-action", nameof(AuditAction.RolePermissionsChanged));
        await Assertions.Expect(rows.First).ToContainTextAsync(role);
        await Assertions.Expect(rows.First.GetByTestId("change-line")).ToContainTextAsync("+ Browse, Sell");
        await Artifacts.ScreenshotAsync(page, "backoffice-audit");

        await page.GetByTestId("filter-action").SelectOptionAsync(nameof(AuditAction.ApiKeyRevoked));
        await page.GetByTestId("audit-search").ClickAsync();
        await Assertions.Expect(page.GetByTestId("audit-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_manager_moves_a_forgotten_clock_out_the_totals_follow_and_the_payroll_csv_has_the_corrected_shift()
    {
        var name = "Timer " + Unique();
        var employee = await NewEmployeeAsync(name, Role.Cashier);
        // 08:00–12:00 in Copenhagen on a winter Monday (UTC+1), added as corrections so the times are in the past.
        await server.UseAsync<TimeClockService, PunchView>(s => s.AddMissingAsync(employee, PunchKind.ClockIn, Monday.AddHours(7), "Opsætning af test", CancellationToken.None));
        await server.UseAsync<TimeClockService, PunchView>(s => s.AddMissingAsync(employee, PunchKind.ClockOut, Monday.AddHours(11), "Opsætning af test", CancellationToken.None));

        var page = await server.NewOwnerPageAsync();
        await page.GotoInteractiveAsync("/backoffice/timesheets");
        await page.GetByTestId("period-from").FillAsync("2026-03-02");
        await page.GetByTestId("period-to").FillAsync("2026-03-02");
        await page.GetByTestId("period-employee").SelectOptionAsync(employee.ToString());
        await page.GetByTestId("show-period").ClickAsync();
        var sheet = page.Locator($"[data-sheet='{name}']");
        await Assertions.Expect(sheet.GetByTestId("total-hours")).ToHaveTextAsync("4,00 timer arbejdet");

        await sheet.GetByTestId("show-punches").ClickAsync();
        await sheet.Locator("tr[data-punch=ClockOut]").GetByTestId("move-punch").ClickAsync();
        await page.GetByTestId("correction-time").FillAsync("2026-03-02T13:30");
        await page.GetByTestId("correction-reason").FillAsync("Glemte at stemple ud");
        await page.GetByTestId("save-correction").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Gemt.");
        await Assertions.Expect(sheet.GetByTestId("total-hours")).ToHaveTextAsync("5,50 timer arbejdet");
        await Artifacts.ScreenshotAsync(page, "backoffice-timesheets");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("payroll-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        var audit = await server.UseAsync<AuditSearch, AuditPage>(s =>
            s.FindAsync(new AuditFilter(Action: AuditAction.TimeClockCorrected, Subject: employee.ToString(), Text: "glemte"), 0, 10, CancellationToken.None));

        Assert.Equal("payroll-2026-03-02-2026-03-02.csv", download.SuggestedFilename);
        Assert.Contains($"{employee};{name};2026-03-02T07:00:00Z;2026-03-02T12:30:00Z;0;5.5", csv);
        var correction = Assert.Single(audit.Entries);
        Assert.Contains("11:00", correction.Before);
    }

    [Fact]
    public async Task An_open_fraud_alert_is_counted_in_the_nav_explains_itself_and_is_acknowledged_with_a_note()
    {
        var name = "Skuffe " + Unique();
        var supervisor = await NewEmployeeAsync(name, Role.Supervisor);
        var register = await server.NewRegisterAsync("Kasse Svindel " + Unique());
        // The supervisor signs in at the till (the one who acts is the one the rules count) and opens the drawer four
        // times without a sale; the rule flags more than three a day.
        using (var till = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = server.BaseAddress })
        {
            (await till.PostAsJsonAsync($"/api/v1/registers/{register.Id}/sign-in", new { employeeId = supervisor, pin = "1357" },
                TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
            for (var i = 0; i < 4; i++)
                (await till.PostAsJsonAsync($"/api/v1/registers/{register.Id}/drawer/open", new { reason = "Veksle" },
                    TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        }
        var open = await server.UseAsync<FraudDetector, int>(s => s.CountOpenAsync(CancellationToken.None));

        var page = await server.NewOwnerPageAsync();
        await page.GotoInteractiveAsync("/backoffice/fraud");
        await Assertions.Expect(page.GetByTestId("open-alerts")).ToHaveTextAsync(open.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var alert = page.Locator("[data-alert=NoSaleDrawerOpens]").Filter(new() { HasText = name });
        await Assertions.Expect(alert).ToHaveAttributeAsync("data-state", "open");
        await Assertions.Expect(alert.GetByTestId("explanation")).ToContainTextAsync("4 drawer opens without a sale");
        await Assertions.Expect(alert.GetByTestId("compared")).ToContainTextAsync("målt 4, grænse 3");
        await Assertions.Expect(alert.GetByTestId("events").Locator("li")).ToHaveCountAsync(4);
        await Artifacts.ScreenshotAsync(page, "backoffice-fraud");

        await alert.GetByTestId("ack-note").FillAsync("Talt op med Sara: byttepenge til marked");
        await alert.GetByTestId("acknowledge").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Kvitteret.");
        await Assertions.Expect(alert).ToHaveCountAsync(0);
        if (open > 1)
            await Assertions.Expect(page.GetByTestId("open-alerts")).ToHaveTextAsync((open - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        else
            await Assertions.Expect(page.GetByTestId("open-alerts")).ToHaveCountAsync(0);
        await page.GetByTestId("open-only").UncheckAsync();
        await Assertions.Expect(alert).ToHaveAttributeAsync("data-state", "acknowledged");
        await Assertions.Expect(alert.GetByTestId("acknowledgement")).ToContainTextAsync("byttepenge til marked");
    }

    [Fact]
    public async Task Performance_sorts_by_a_column_when_its_header_is_clicked()
    {
        var u = Unique();
        foreach (var name in new[] { $"Perf A {u}", $"Perf B {u}" })
        {
            var employee = await NewEmployeeAsync(name, Role.Cashier);
            await server.UseAsync<TimeClockService, PunchView>(s => s.AddMissingAsync(employee, PunchKind.ClockIn, Monday.AddDays(1).AddHours(7), "Test", CancellationToken.None));
            await server.UseAsync<TimeClockService, PunchView>(s => s.AddMissingAsync(employee, PunchKind.ClockOut, Monday.AddDays(1).AddHours(9), "Test", CancellationToken.None));
        }
        var page = await server.NewOwnerPageAsync();
        await page.GotoInteractiveAsync("/backoffice/performance");
        await page.GetByTestId("period-from").FillAsync("2020-01-01");
        await page.GetByTestId("show-period").ClickAsync();
        var table = page.GetByTestId("performance-table");
        await Assertions.Expect(table.Locator($"tr[data-employee='Perf B {u}']")).ToBeVisibleAsync();
        await table.Locator("[data-sort=name]").ClickAsync();
        await Assertions.Expect(table.Locator("th[aria-sort=ascending] [data-sort=name]")).ToHaveCountAsync(1);
        var names = await table.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.employee)");
        await table.Locator("[data-sort=name]").ClickAsync();
        // The second click re-renders over the live connection: read the rows only once the header says so.
        await Assertions.Expect(table.Locator("th[aria-sort=descending] [data-sort=name]")).ToHaveCountAsync(1);
        var reversed = await table.Locator("tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.employee)");

        Assert.Equal(names.Order(StringComparer.CurrentCulture), names);
        Assert.Equal(names.Reverse(), reversed);
    }

    [Fact]
    public async Task A_cashier_clocks_in_takes_a_break_and_clocks_out_from_the_till_menu()
    {
        var name = "Stempel " + Unique();
        var employee = await NewEmployeeAsync(name, Role.Cashier);
        var register = await server.NewRegisterAsync("Kasse Stempel " + Unique());
        var page = await server.NewOwnerPageAsync();
        var till = new TillPage(page, register.Id);
        await till.OpenAsync();
        await till.SignInAsync(name, "1357");
        await page.TillMoreAsync("open-menu");
        var clock = page.GetByTestId("time-clock");
        await Assertions.Expect(clock.GetByTestId("clock-status")).ToHaveTextAsync("Du er ikke stemplet ind.");

        foreach (var kind in new[] { PunchKind.ClockIn, PunchKind.BreakStart, PunchKind.BreakEnd, PunchKind.ClockOut })
        {
            await clock.Locator($"[data-punch={kind}]").ClickAsync();
            await Assertions.Expect(clock.Locator($"[data-punch={kind}]")).ToHaveCountAsync(0);
        }
        var punches = await server.UseAsync<TimeClockService, IReadOnlyList<PunchView>>(s =>
            s.PunchesAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), employee, CancellationToken.None));

        Assert.Equal([PunchKind.ClockIn, PunchKind.BreakStart, PunchKind.BreakEnd, PunchKind.ClockOut], punches.Select(p => p.Kind));
        Assert.All(punches, p => Assert.Equal(register.Id, p.RegisterId));
    }
}
