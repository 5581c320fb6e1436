using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Ui.Access;

namespace Kasse.Server.Tests.Ui;

/// <summary>
/// Walks every routable page of the browser UI (its @page routes) and checks each built-in role against the
/// permission matrix: allowed roles get the page, the others "not allowed" (403), and nobody signed in is sent to
/// the sign-in page. A new page without a rule (PageNeeds or PageOpen) fails here.
/// </summary>
public abstract class EveryPageIsAuthorisedTests(KasseServer server)
{
    [Fact]
    public void Every_routable_page_has_an_access_rule()
    {
        var pages = PageAccess.RoutablePages();
        var without = pages.Where(p => !PageAccess.HasRule(p.Page)).Select(p => $"{p.Page.Name} ({string.Join(", ", p.Routes)})").ToList();

        Assert.True(pages.Count >= 10, $"Expected the till, the display and the back office, found {pages.Count} pages.");
        Assert.True(without.Count == 0, "These pages have no access rule: " + string.Join("; ", without)
            + ". Add @attribute [PageNeeds(Permission.X)] (or [PageNeeds] for any signed-in employee), or [PageOpen(\"why it is safe\")].");
    }

    [Fact]
    public async Task Each_role_opens_exactly_the_pages_its_permissions_allow_and_anonymous_visitors_are_sent_to_sign_in()
    {
        var matrix = await server.Client().Http.GetFromJsonAsync<List<RoleView>>("/api/v1/roles", KasseClient.Json);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Enum.GetNames<Role>())
            clients[role] = Client(await server.NewApiKeyAsync(role));
        using var anonymous = Client(null);
        var failures = new List<string>();
        var checkedPages = 0;
        foreach (var (page, routes) in PageAccess.RoutablePages())
        {
            var open = page.GetCustomAttributes(typeof(PageOpenAttribute), false).Length > 0;
            var needs = (PageNeedsAttribute?)page.GetCustomAttributes(typeof(PageNeedsAttribute), false).SingleOrDefault();
            foreach (var route in routes)
            {
                checkedPages++;
                var url = Url(route);
                using (var response = await anonymous.GetAsync(url))
                {
                    if (open && response.StatusCode != HttpStatusCode.OK)
                        failures.Add($"{url} anonymous: open page, got {(int)response.StatusCode}");
                    if (!open && (response.StatusCode != HttpStatusCode.Redirect
                        || response.Headers.Location?.OriginalString != PageAccess.SignInUrl(url)))
                        failures.Add($"{url} anonymous: expected a redirect to sign in, got {(int)response.StatusCode} {response.Headers.Location}");
                }
                foreach (var role in matrix!.Where(r => clients.ContainsKey(r.Name)))
                {
                    var allowed = open || (needs is not null && (needs.AnyOf.Count == 0 || needs.AnyOf.Any(role.Permissions.Contains)));
                    using var response = await clients[role.Name].GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    if (allowed && (response.StatusCode != HttpStatusCode.OK || !body.Contains("_framework/blazor.web.js", StringComparison.Ordinal)))
                        failures.Add($"{url} as {role.Name}: allowed by the matrix but got {(int)response.StatusCode}");
                    if (!allowed && response.StatusCode != HttpStatusCode.Forbidden)
                        failures.Add($"{url} as {role.Name}: denied by the matrix but got {(int)response.StatusCode}");
                }
            }
        }
        foreach (var client in clients.Values)
            client.Dispose();

        Assert.True(checkedPages >= 10);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_access_rule_follows_the_live_matrix_when_the_owner_changes_a_role()
    {
        var role = "PageTester" + server.NextNumber();
        await KasseClient.Read<RoleView>(await server.Client().SendAsync(HttpMethod.Put, $"/api/v1/roles/{role}", new { permissions = new[] { "Browse" } }));
        using var client = Client(await server.NewApiKeyAsync(role));
        using var before = await client.GetAsync("/backoffice/users");
        await KasseClient.Read<RoleView>(await server.Client().SendAsync(HttpMethod.Put, $"/api/v1/roles/{role}", new { permissions = new[] { "Browse", "ManageUsers" } }));
        using var after = await client.GetAsync("/backoffice/users");

        Assert.Equal(HttpStatusCode.Forbidden, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    /// <summary>No automatic redirects: the test looks at where an anonymous visitor is sent.</summary>
    private HttpClient Client(string? apiKey)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress };
        if (apiKey is not null)
            http.DefaultRequestHeaders.Add(ApiKeyService.Header, apiKey);
        return http;
    }

    private static string Url(string route) =>
        "/" + string.Join('/', route.TrimStart('/').Split('/').Select(part => part.StartsWith('{') ? Guid.CreateVersion7().ToString() : part));
}

[Collection(SqliteCollection.Name)]
public sealed class EveryPageIsAuthorisedOnSqlite(SqliteServer server) : EveryPageIsAuthorisedTests(server);

[Collection(PostgresCollection.Name)]
public sealed class EveryPageIsAuthorisedOnPostgres(PostgresServer server) : EveryPageIsAuthorisedTests(server);
