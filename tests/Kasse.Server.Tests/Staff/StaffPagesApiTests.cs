using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Staff;

/// <summary>What the back office's staff pages need from the API: custom roles renamed and deleted, the audit trail searched and paged, punches listed.</summary>
public abstract class StaffPagesApiTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private Task<List<AuditEndpoints.AuditEntryView>?> AuditAsync(string query) =>
        _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>("/api/v1/audit?" + query, KasseClient.Json);

    [Fact]
    public async Task A_custom_role_renamed_takes_its_people_and_keys_along_and_can_be_deleted_only_once_nobody_has_it()
    {
        var name = $"Lager{server.NextNumber()}";
        await KasseClient.Read<RoleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/roles/{name}", new { permissions = new[] { "Browse", "EditProducts" } }));
        var shop = await _api.NewShopAsync();
        await KasseClient.Read<object>(await _api.SendAsync(HttpMethod.Patch, $"/api/v1/employees/{shop.CashierId}", new { role = name }));
        var key = new KasseClient(server.CreateClient(await server.NewApiKeyAsync(name)), server);

        var renamed = await KasseClient.Read<RoleView>(await _api.PostAsync($"/api/v1/roles/{name}/rename", new { name = name + "-ny" }));
        var keyAfterRename = await key.Http.GetAsync("/api/v1/products");
        var employees = await _api.Http.GetFromJsonAsync<List<EmployeeView>>("/api/v1/employees", KasseClient.Json);
        var inUse = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/roles/{name}-ny", null);
        var builtIn = await _api.SendAsync(HttpMethod.Delete, "/api/v1/roles/Cashier", null);
        var taken = await _api.PostAsync($"/api/v1/roles/{name}-ny/rename", new { name = "Manager" });
        await KasseClient.Read<object>(await _api.SendAsync(HttpMethod.Patch, $"/api/v1/employees/{shop.CashierId}", new { role = "Cashier" }));
        var keys = await _api.Http.GetFromJsonAsync<List<ApiKeyView>>("/api/v1/api-keys", KasseClient.Json);
        foreach (var k in keys!.Where(k => k.Role == name + "-ny"))
            await KasseClient.Read<ApiKeyView>(await _api.SendAsync(HttpMethod.Delete, $"/api/v1/api-keys/{k.Id}", null));
        var deleted = await _api.SendAsync(HttpMethod.Delete, $"/api/v1/roles/{name}-ny", null);
        var roles = await _api.Http.GetFromJsonAsync<List<RoleView>>("/api/v1/roles", KasseClient.Json);
        var audit = await AuditAsync($"action=RolePermissionsChanged&text={name}&take=10");

        Assert.Equal([Permission.Browse, Permission.EditProducts], renamed.Permissions);
        Assert.Equal(HttpStatusCode.OK, keyAfterRename.StatusCode);
        Assert.Equal(name + "-ny", employees!.Single(e => e.Id == shop.CashierId).Role);
        var problem = await KasseClient.Problem(inUse, HttpStatusCode.Conflict, "role.in-use");
        Assert.Contains("1 employee(s) and 1 API key(s)", problem.GetProperty("detail").GetString());
        await KasseClient.Problem(builtIn, HttpStatusCode.BadRequest, "role.built-in");
        await KasseClient.Problem(taken, HttpStatusCode.Conflict, "role.exists");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(roles!, r => r.Name.StartsWith(name, StringComparison.Ordinal));
        Assert.Equal(3, audit!.Count);
        Assert.Contains(audit, a => a.Detail.Contains("renamed", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Detail.Contains("deleted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_audit_trail_is_searched_by_text_in_any_case_and_paged_without_overlap()
    {
        var word = $"Æblemost{server.NextNumber()}";
        for (var i = 0; i < 3; i++)
            await KasseClient.Read<RoleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/roles/{word}{i}", new { permissions = new[] { "Browse" } }));

        var all = await AuditAsync($"text={word.ToUpperInvariant()}");
        var first = await AuditAsync($"text={word.ToLowerInvariant()}&take=2");
        var second = await AuditAsync($"text={word}&take=2&skip=2");
        var badSkip = await _api.Http.GetAsync("/api/v1/audit?skip=-1");

        Assert.Equal(3, all!.Count);
        Assert.Equal(2, first!.Count);
        Assert.Single(second!);
        Assert.Equal(all.Select(a => a.Id), first.Concat(second!).Select(a => a.Id));
        await KasseClient.Problem(badSkip, HttpStatusCode.BadRequest, "page");
    }

    [Fact]
    public async Task Punches_of_a_period_are_listed_oldest_first_with_the_ids_a_correction_needs()
    {
        var shop = await _api.NewShopAsync();
        var monday = new DateTimeOffset(2026, 4, 6, 6, 0, 0, TimeSpan.Zero);
        await KasseClient.Read<PunchView>(await _api.PostAsync("/api/v1/time-clock/corrections",
            new { employeeId = shop.CashierId, kind = "ClockOut", at = monday.AddHours(8), reason = "Glemt" }));
        await KasseClient.Read<PunchView>(await _api.PostAsync("/api/v1/time-clock/corrections",
            new { employeeId = shop.CashierId, kind = "ClockIn", at = monday, reason = "Glemt" }));

        var punches = await _api.Http.GetFromJsonAsync<List<PunchView>>(
            $"/api/v1/time-clock/punches?from={monday.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}&to={monday.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}&employeeId={shop.CashierId}",
            KasseClient.Json);
        var cashier = await server.ClientAsAsync(nameof(Role.Cashier));
        var refused = await cashier.Http.GetAsync($"/api/v1/time-clock/punches?from=2026-04-06T00:00:00Z&to=2026-04-07T00:00:00Z");

        Assert.Equal([PunchKind.ClockIn, PunchKind.ClockOut], punches!.Select(p => p.Kind));
        Assert.All(punches!, p => Assert.NotEqual(Guid.Empty, p.Id));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StaffPagesApiOnSqlite(SqliteServer server) : StaffPagesApiTests(server);

[Collection(PostgresCollection.Name)]
public sealed class StaffPagesApiOnPostgres(PostgresServer server) : StaffPagesApiTests(server);
