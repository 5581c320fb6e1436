using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Staff;

public abstract class AccessControlTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private Task<List<AuditEndpoints.AuditEntryView>?> AuditAsync(string query) =>
        _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>("/api/v1/audit?" + query, KasseClient.Json);

    [Fact]
    public async Task An_API_key_is_shown_once_stored_hashed_records_its_last_use_and_stops_working_when_revoked()
    {
        var created = await KasseClient.Read<CreatedApiKey>(await _api.PostAsync("/api/v1/api-keys", new { name = "webshop", role = "Manager", stores = new[] { await server.NewStoreAsync() } }));
        var webshop = new KasseClient(server.CreateClient(created.Secret), server);

        var products = await webshop.Http.GetAsync("/api/v1/products");
        var listed = (await _api.Http.GetFromJsonAsync<List<ApiKeyView>>("/api/v1/api-keys", KasseClient.Json))!.Single(k => k.Id == created.Key.Id);
        var listing = await _api.Http.GetStringAsync("/api/v1/api-keys");
        await KasseClient.Read<ApiKeyView>(await _api.SendAsync(HttpMethod.Delete, $"/api/v1/api-keys/{created.Key.Id}", null));
        var afterRevoke = await webshop.Http.GetAsync("/api/v1/products");

        Assert.StartsWith("kasse_" + created.Key.Prefix + "_", created.Secret);
        Assert.True(products.IsSuccessStatusCode);
        Assert.NotNull(listed.LastUsedAt);
        // The secret is base64url and may itself hold '_', so cut it after the known prefix.
        var secretPart = created.Secret[("kasse_" + created.Key.Prefix + "_").Length..];
        Assert.True(secretPart.Length >= 40, $"the secret part '{secretPart}' is too short to be a 32-byte secret");
        Assert.DoesNotContain(secretPart, listing);
        await KasseClient.Problem(afterRevoke, HttpStatusCode.Unauthorized, "auth.required");
        Assert.Single((await AuditAsync($"subject={created.Key.Id}&action=ApiKeyRevoked"))!);
    }

    [Fact]
    public async Task A_key_scoped_to_some_permissions_may_do_only_those()
    {
        var readOnly = await server.ClientAsAsync("Owner", Permission.Browse);

        var search = await readOnly.Http.GetAsync("/api/v1/products");
        var create = await readOnly.PostAsync("/api/v1/products", new { id = Guid.CreateVersion7(), sku = "X-1", name = "X", price = 1m, vatPercent = 25m });

        Assert.True(search.IsSuccessStatusCode);
        await KasseClient.Problem(create, HttpStatusCode.Forbidden, "permission.denied");
    }

    [Fact]
    public async Task The_owner_makes_a_custom_role_whose_staff_get_exactly_its_permissions_and_the_change_is_audited()
    {
        var role = $"Kiosk{server.NextNumber()}";
        var saved = await KasseClient.Read<RoleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/roles/{role}",
            new { permissions = new[] { Permission.Browse, Permission.Sell } }));
        var kiosk = await server.ClientAsAsync(role);
        var manager = await server.ClientAsAsync("Manager");

        var canBrowse = await kiosk.Http.GetAsync("/api/v1/products");
        var cannotRefund = await kiosk.PostAsync("/api/v1/returns", new { });
        var managerMayNotEditRoles = await manager.SendAsync(HttpMethod.Put, $"/api/v1/roles/{role}", new { permissions = Array.Empty<Permission>() });
        var ownerKeepsAll = await _api.SendAsync(HttpMethod.Put, "/api/v1/roles/Owner", new { permissions = new[] { Permission.Sell } });
        await KasseClient.Read<RoleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/roles/{role}", new { permissions = new[] { Permission.Browse } }));
        var revokedAtOnce = await kiosk.PostAsync("/api/v1/sales", new { id = Guid.CreateVersion7(), registerId = Guid.CreateVersion7() });

        Assert.False(saved.IsBuiltIn);
        Assert.True(canBrowse.IsSuccessStatusCode);
        await KasseClient.Problem(cannotRefund, HttpStatusCode.Forbidden, "permission.denied");
        await KasseClient.Problem(managerMayNotEditRoles, HttpStatusCode.Forbidden, "permission.denied");
        await KasseClient.Problem(ownerKeepsAll, HttpStatusCode.BadRequest, "role.owner-fixed");
        await KasseClient.Problem(revokedAtOnce, HttpStatusCode.Forbidden, "permission.denied");
        var changes = (await AuditAsync($"subject={role}&action=RolePermissionsChanged"))!;
        Assert.Equal(2, changes.Count);
        Assert.Contains("may no longer Sell", changes[0].Detail);
        Assert.Contains("Sell", changes[0].Before);
    }

    [Fact]
    public async Task A_manager_can_neither_make_an_owner_nor_take_over_one_by_changing_their_PIN()
    {
        var shop = await _api.NewShopAsync();
        var stores = new[] { shop.Store.Id };
        var ownerId = Guid.CreateVersion7();
        var cashierId = Guid.CreateVersion7();
        await KasseClient.Read<object>(await _api.PostAsync("/api/v1/employees", new { id = ownerId, name = "Ejer Eriksen", role = nameof(Role.Owner), pin = "9999", stores }));
        var manager = await server.ClientAsAsync(nameof(Role.Manager), shop.Store.Id);

        var newOwner = await manager.PostAsync("/api/v1/employees", new { id = Guid.CreateVersion7(), name = "Ny Ejer", role = nameof(Role.Owner), pin = "1212", stores });
        var ownersPin = await manager.SendAsync(HttpMethod.Patch, $"/api/v1/employees/{ownerId}", new { pin = "1313" });
        var cashier = await manager.PostAsync("/api/v1/employees", new { id = cashierId, name = "Ny Kasse", role = nameof(Role.Cashier), pin = "1414", stores });
        var promoted = await manager.SendAsync(HttpMethod.Patch, $"/api/v1/employees/{cashierId}", new { role = nameof(Role.Owner) });

        await KasseClient.Problem(newOwner, HttpStatusCode.Forbidden, "employee.role-above-yours");
        await KasseClient.Problem(ownersPin, HttpStatusCode.Forbidden, "employee.role-above-yours");
        await KasseClient.Problem(promoted, HttpStatusCode.Forbidden, "employee.role-above-yours");
        Assert.True(cashier.IsSuccessStatusCode, await cashier.Content.ReadAsStringAsync());
        // The owner's PIN is still theirs.
        await KasseClient.Problem(await server.SessionClient().PostAsync($"/api/v1/registers/{shop.Register.Id}/sign-in", new { employeeId = ownerId, pin = "1313" }),
            HttpStatusCode.Forbidden, "employee.sign-in-failed");
    }

    [Fact]
    public async Task The_accountant_reads_reports_and_the_audit_trail_but_changes_nothing()
    {
        var accountant = await server.ClientAsAsync("Accountant");
        var shop = await _api.NewShopAsync();

        var audit = await accountant.Http.GetAsync("/api/v1/audit");
        var journal = await accountant.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/journal");
        var sell = await accountant.PostAsync("/api/v1/sales", new { id = Guid.CreateVersion7(), registerId = shop.Register.Id });

        Assert.True(audit.IsSuccessStatusCode);
        Assert.True(journal.IsSuccessStatusCode);
        await KasseClient.Problem(sell, HttpStatusCode.Forbidden, "permission.denied");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccessControlOnSqlite(SqliteServer server) : AccessControlTests(server);

[Collection(PostgresCollection.Name)]
public sealed class AccessControlOnPostgres(PostgresServer server) : AccessControlTests(server);
