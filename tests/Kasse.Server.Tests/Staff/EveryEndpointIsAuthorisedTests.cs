using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kasse.Application.Staff;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Staff;

/// <summary>
/// Walks every endpoint the app maps and checks each role against the permission matrix: allowed roles get
/// past authorisation, the others get 403, and nobody gets in without credentials. A new endpoint without a
/// permission policy (or an explicit, explained AllowAnonymous) fails here.
/// </summary>
public abstract class EveryEndpointIsAuthorisedTests(KasseServer server)
{
    private sealed record Mapped(string Method, string Pattern, RequiresPermission? Requires, AnonymousBecause? Anonymous)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    private List<Mapped> Endpoints() => server.Services.GetRequiredService<EndpointDataSource>().Endpoints
        .OfType<RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .Select(m => new Mapped(m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e.Metadata.GetMetadata<RequiresPermission>(),
                e.Metadata.GetMetadata<AnonymousBecause>())))
        .ToList();

    [Fact]
    public void Every_endpoint_has_a_permission_policy_or_an_explained_anonymous_access()
    {
        var endpoints = Endpoints();
        var unguarded = endpoints.Where(e => e.Requires is null && e.Anonymous is null).ToList();
        Assert.True(endpoints.Count > 50, $"Expected the whole API, found {endpoints.Count} endpoints.");
        Assert.True(unguarded.Count == 0, "These endpoints have no permission policy: " + string.Join(", ", unguarded)
            + ". Add .RequirePermission(Permission.X), or .AllowAnonymous(\"reason\") for health, the API description or sign-in.");
        Assert.All(endpoints.Where(e => e.Anonymous is not null), e => Assert.False(string.IsNullOrWhiteSpace(e.Anonymous!.Reason)));
        var anonymousApi = endpoints.Where(e => e.Anonymous is not null && e.Pattern.StartsWith("/api", StringComparison.Ordinal)).ToList();
        // Signing in, and the guest at a table whose QR token is the credential (QR ordering, docs/self-service.md).
        Assert.All(anonymousApi, e => Assert.True(e.Pattern.EndsWith("/sign-in", StringComparison.Ordinal)
            || e.Pattern.StartsWith("/api/v1/guest/{token}", StringComparison.Ordinal), e.Pattern));
    }

    [Fact]
    public async Task Each_role_reaches_exactly_the_endpoints_its_permissions_allow_and_no_one_gets_in_anonymously()
    {
        var owner = server.Client();
        var matrix = await owner.Http.GetFromJsonAsync<List<RoleView>>("/api/v1/roles", KasseClient.Json);
        var clients = new Dictionary<string, KasseClient>();
        foreach (var role in Enum.GetNames<Role>())
            clients[role] = await server.ClientAsAsync(role);
        var anonymous = server.AnonymousClient();
        var failures = new List<string>();
        var guarded = Endpoints().Where(e => e.Requires is not null).ToList();
        foreach (var endpoint in guarded)
        {
            var url = Url(endpoint.Pattern);
            var (status, code) = await CallAsync(anonymous, endpoint.Method, url);
            if (status != HttpStatusCode.Unauthorized || code != "auth.required")
                failures.Add($"{endpoint} anonymous: expected 401 auth.required, got {(int)status} {code}");
            foreach (var role in matrix!)
            {
                if (!clients.TryGetValue(role.Name, out var client))
                    continue;
                var allowed = endpoint.Requires!.AnyOf.Count == 0 || endpoint.Requires.AnyOf.Any(role.Permissions.Contains);
                (status, code) = await CallAsync(client, endpoint.Method, url);
                if (allowed && (status == HttpStatusCode.Unauthorized || code is "permission.denied" or "auth.required"))
                    failures.Add($"{endpoint} as {role.Name}: allowed by the matrix but got {(int)status} {code}");
                if (!allowed && (status != HttpStatusCode.Forbidden || code != "permission.denied"))
                    failures.Add($"{endpoint} as {role.Name}: denied by the matrix but got {(int)status} {code}");
            }
        }
        Assert.True(guarded.Count > 50);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Url(string pattern)
    {
        var parts = pattern.Split('/').Select(part => part switch
        {
            _ when part.StartsWith('{') && part.Contains(":guid", StringComparison.Ordinal) => Guid.CreateVersion7().ToString(),
            _ when part.StartsWith('{') && part.Contains(":long", StringComparison.Ordinal) => "987654",
            _ when part.StartsWith('{') && part.Contains(":int", StringComparison.Ordinal) => "160",
            _ when part.StartsWith('{') => "unknown-thing",
            _ => part,
        });
        return string.Join('/', parts);
    }

    private static async Task<(HttpStatusCode Status, string? Code)> CallAsync(KasseClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
            request.Content = JsonContent.Create(new { });
        using var response = await client.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            code = JsonDocument.Parse(body).RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        return (response.StatusCode, code);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EveryEndpointIsAuthorisedOnSqlite(SqliteServer server) : EveryEndpointIsAuthorisedTests(server);

[Collection(PostgresCollection.Name)]
public sealed class EveryEndpointIsAuthorisedOnPostgres(PostgresServer server) : EveryEndpointIsAuthorisedTests(server);
