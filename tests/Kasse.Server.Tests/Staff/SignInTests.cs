using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Staff;

public abstract class SignInTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private Task<List<AuditEndpoints.AuditEntryView>?> AuditAsync(string query) =>
        _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>("/api/v1/audit?" + query, KasseClient.Json);

    [Fact]
    public async Task Wrong_PINs_lock_the_cashier_out_for_a_while_and_every_failure_is_audited()
    {
        var shop = await _api.NewShopAsync();
        var till = server.SessionClient();
        var signIn = $"/api/v1/registers/{shop.Register.Id}/sign-in";

        for (var attempt = 1; attempt <= SignInLockout.FreeAttempts; attempt++)
            await KasseClient.Problem(await till.PostAsync(signIn, new { employeeId = shop.CashierId, pin = "9999" }), HttpStatusCode.Forbidden, "employee.sign-in-failed");
        var locked = await KasseClient.Problem(await till.PostAsync(signIn, new { employeeId = shop.CashierId, pin = "1111" }), HttpStatusCode.Forbidden, "employee.locked-out");
        EmployeeView later;
        using (server.Clock.PinAt(DateTimeOffset.UtcNow + SignInLockout.FirstLockout + TimeSpan.FromSeconds(5)))
            later = await KasseClient.Read<EmployeeView>(await till.PostAsync(signIn, new { employeeId = shop.CashierId, pin = "1111" }));

        Assert.Contains("locked", locked.GetProperty("detail").GetString());
        Assert.Equal(shop.CashierId, later.Id);
        var failures = await AuditAsync($"subject={shop.CashierId}&action=SignInFailed");
        Assert.Equal(SignInLockout.FreeAttempts + 1, failures!.Count);
        Assert.All(failures, f => Assert.Equal(shop.Register.Id, f.RegisterId));
        Assert.Single((await AuditAsync($"subject={shop.CashierId}&action=LockedOut"))!);
        var signedIn = Assert.Single((await AuditAsync($"subject={shop.CashierId}&action=SignedIn"))!);
        Assert.NotNull(signedIn.JournalSequence);
    }

    [Fact]
    public async Task A_PIN_session_at_the_till_may_sell_but_not_manage_users()
    {
        var shop = await _api.NewShopAsync();
        var till = server.SessionClient();
        await KasseClient.Read<EmployeeView>(await till.PostAsync($"/api/v1/registers/{shop.Register.Id}/sign-in", new { employeeId = shop.CashierId, pin = "1111" }));

        var me = await till.Http.GetFromJsonAsync<AuthEndpoints.MeView>("/api/v1/auth/me", KasseClient.Json);
        var sale = await till.OpenSaleAsync(shop);
        var refused = await till.PostAsync("/api/v1/employees", new { id = Guid.CreateVersion7(), name = "Ny", role = "Owner", pin = "1234" });

        Assert.Equal(shop.CashierId, me!.EmployeeId);
        Assert.Equal(shop.Register.Id, me.RegisterId);
        Assert.Contains(Permission.Sell, me.Permissions);
        Assert.Equal(shop.CashierId, sale.CashierId);
        await KasseClient.Problem(refused, HttpStatusCode.Forbidden, "permission.denied");
        await KasseClient.Read<EmployeeView>(await till.PostAsync($"/api/v1/registers/{shop.Register.Id}/sign-out", new { employeeId = shop.CashierId }));
        await KasseClient.Problem(await till.Http.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized, "auth.required");
    }

    [Fact]
    public async Task The_back_office_signs_in_by_password_with_a_strict_http_only_cookie_that_ends_after_idle_time()
    {
        var shop = await _api.NewShopAsync();
        var userName = $"aase{server.NextNumber()}";
        await KasseClient.Read<EmployeeView>(await _api.SendAsync(HttpMethod.Patch, $"/api/v1/employees/{shop.SupervisorId}",
            new { role = "Manager", userName, password = "korrekt hest batteri" }));
        var browser = server.SessionClient();

        await KasseClient.Problem(await browser.PostAsync("/api/v1/auth/sign-in", new { userName, password = "forkert hest batteri" }),
            HttpStatusCode.Forbidden, "employee.sign-in-failed");
        var signIn = await browser.PostAsync("/api/v1/auth/sign-in", new { userName = userName.ToUpperInvariant(), password = "korrekt hest batteri" });
        var cookie = string.Join(";", signIn.Headers.GetValues("Set-Cookie")).ToLowerInvariant();
        var me = await browser.Http.GetFromJsonAsync<AuthEndpoints.MeView>("/api/v1/auth/me", KasseClient.Json);
        HttpResponseMessage idle;
        using (server.Clock.PinAt(DateTimeOffset.UtcNow.AddMinutes(16)))
            idle = await browser.Http.GetAsync("/api/v1/auth/me");

        Assert.True(signIn.IsSuccessStatusCode, await signIn.Content.ReadAsStringAsync());
        Assert.Contains("httponly", cookie);
        Assert.Contains("samesite=strict", cookie);
        Assert.Equal(shop.SupervisorId, me!.EmployeeId);
        Assert.Contains(Permission.ManageUsers, me.Permissions);
        await KasseClient.Problem(idle, HttpStatusCode.Unauthorized, "auth.required");
        var changed = Assert.Single((await AuditAsync($"subject={shop.SupervisorId}&action=EmployeeChanged"))!);
        Assert.Contains("Supervisor → Manager", changed.Detail);
        Assert.DoesNotContain("korrekt", changed.After);
    }

    [Fact]
    public async Task Every_answer_carries_the_security_headers()
    {
        foreach (var path in new[] { "/health", "/api/v1/products", "/" })
        {
            var response = await server.AnonymousClient().Http.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignInOnSqlite(SqliteServer server) : SignInTests(server);

[Collection(PostgresCollection.Name)]
public sealed class SignInOnPostgres(PostgresServer server) : SignInTests(server);
