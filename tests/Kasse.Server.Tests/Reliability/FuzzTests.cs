using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Kasse.Domain.Sales;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Reliability;

/// <summary>
/// Thousands of generated malformed and hostile requests (fixed seed, about a minute per database) to every API
/// endpoint the app maps, as the owner so they get past authorisation: no answer is a 5xx, every refusal is
/// problem+json with a detail, and a refused request leaves every table exactly as it was (content hash).
/// </summary>
public abstract class FuzzTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Seed = 424242;
    public const string SecondsVariable = "KASSE_FUZZ_SECONDS";

    private KasseServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        _server = provider == DatabaseProvider.Sqlite ? new SqliteServer() : new PostgresServer();
        await _server.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private static TimeSpan Budget => TimeSpan.FromSeconds(
        Environment.GetEnvironmentVariable(SecondsVariable) is { Length: > 0 } s ? double.Parse(s, CultureInfo.InvariantCulture) : 60);

    [Fact]
    public async Task Hostile_requests_to_every_endpoint_get_a_4xx_problem_never_a_5xx_and_a_refused_one_changes_nothing()
    {
        var api = _server.Client();
        var known = await KnownIdsAsync(api);
        var openApi = JsonDocument.Parse(await api.Http.GetStringAsync("/openapi/v1.json")).RootElement.Clone();
        var endpoints = Endpoints(openApi);
        Assert.True(endpoints.Count > 50, $"Expected the whole API, found {endpoints.Count} endpoints.");
        var generator = new HostileRequests(new Random(Seed), openApi, known);
        var failures = new List<string>();
        await using var inspector = await DatabaseInspector.OpenAsync(_server.Database);
        var hashes = await DatabaseInspector.TableHashesAsync(inspector, provider);
        var sent = 0;
        var refused = 0;
        var perEndpoint = endpoints.ToDictionary(e => e.ToString(), _ => 0);
        var clock = Stopwatch.StartNew();

        while (clock.Elapsed < Budget && failures.Count < 25)
        {
            foreach (var endpoint in endpoints)
            {
                var request = generator.Next(endpoint);
                var (status, problem) = await SendAsync(api.Http, request);
                sent++;
                perEndpoint[endpoint.ToString()]++;
                if (status >= 500)
                    failures.Add($"{status} for {request}\n  {problem}");
                else if (status >= 400 && problem is not null)
                    failures.Add($"{status} without a problem+json detail for {request}\n  {problem}");
                var after = await DatabaseInspector.TableHashesAsync(inspector, provider);
                if (status >= 400)
                {
                    refused++;
                    var changed = DatabaseInspector.Changed(hashes, after).Except(RecordedOnRefusal(request)).ToList();
                    if (changed.Count > 0)
                        failures.Add($"Refused with {status}, yet {string.Join(", ", changed)} changed: {request}");
                }
                hashes = after;
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} bad answers out of {sent} requests:\n" + string.Join("\n", failures));
        Assert.True(sent >= endpoints.Count * 3, $"Only {sent} requests in {Budget.TotalSeconds} s; every endpoint must be tried several times.");
        Assert.True(refused > sent / 2, $"Only {refused} of {sent} hostile requests were refused: the generator is not hostile enough.");
        TestContext.Current.SendDiagnosticMessage($"{provider}: {sent} requests to {endpoints.Count} endpoints, {refused} refused, in {clock.Elapsed.TotalSeconds:0} s.");
    }

    /// <summary>
    /// A refused sign-in or supervisor approval is recorded on purpose: the audit trail (and its journal entry) says who
    /// failed, the fraud detector may raise an alert, and the employee's failed-attempt count moves towards a lockout. Those tables may change on a refusal of
    /// such a request, and only of such a request.
    /// </summary>
    private static string[] RecordedOnRefusal(HostileRequest request)
    {
        // Changed by Kasse itself whatever the request: an API key's last use is noted on every use, and the print
        // queue's worker checks the printers (one made by an earlier accepted request) in the background.
        string[] always = ["ApiKeys", "Printers", "PrintJobs"];
        var body = request.Body is null ? "" : System.Text.Encoding.UTF8.GetString(request.Body);
        return request.Path.Split('?')[0].EndsWith("/sign-in", StringComparison.Ordinal) || body.Contains("\"approval\"", StringComparison.Ordinal)
            || body.Contains("\"pin\"", StringComparison.Ordinal)
            ? [.. always, "AuditEntries", "Employees", "FraudAlerts", "JournalEntries", "JournalHeads"]
            : always;
    }

    /// <summary>Sends one request; returns its status and, when a refusal is not a proper problem, why not.</summary>
    private static async Task<(int Status, string? Problem)> SendAsync(HttpClient http, HostileRequest hostile)
    {
        using var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Path);
        if (hostile.Body is not null)
        {
            request.Content = new ByteArrayContent(hostile.Body);
            if (hostile.ContentType is not null)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(hostile.ContentType);
        }
        // A client sending a body larger than Kasse accepts asks first (Expect: 100-continue), so it reads the 413 instead
        // of writing into a connection the server has closed.
        if (hostile.Body is { Length: > (int)KasseWebApp.MaxRequestBodyBytes })
            request.Headers.ExpectContinue = true;
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            return (599, "no answer at all: " + e.Message + " " + e.InnerException?.Message);
        }
        using var _ = response;
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (status < 400)
            return (status, null);
        // Kestrel refuses a request line or headers over its limits (8 KB, 32 KB) itself, before any of Kasse runs, with
        // an empty answer that ASP.NET Core gives no way to shape; it is still a refusal that changes nothing.
        if (status is 414 or 431 && body.Length == 0)
            return (status, null);
        // Likewise a path with an encoded NUL (%00): Kestrel answers 400 itself, with no body.
        if (status == 400 && body.Length == 0 && hostile.Path.Contains("%00", StringComparison.Ordinal))
            return (status, null);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            return (status, $"content type {response.Content.Headers.ContentType}: {Cut(body)}");
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() : null;
            var code = problem.TryGetProperty("code", out var c) ? c.GetString() : null;
            if (string.IsNullOrWhiteSpace(detail) || string.IsNullOrWhiteSpace(code))
                return (status, "no detail or code: " + Cut(body));
            return (status, status >= 500 ? Cut(body) : null);
        }
        catch (JsonException)
        {
            return (status, "not JSON: " + Cut(body));
        }
    }

    private static string Cut(string text) => text.Length > 400 ? text[..400] : text;

    /// <summary>Every /api endpoint the app maps, with its body schema and query parameters from the OpenAPI description.</summary>
    private List<FuzzEndpoint> Endpoints(JsonElement openApi)
    {
        var paths = openApi.GetProperty("paths");
        return _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method =>
            {
                var pattern = "/" + e.RoutePattern.RawText!.TrimStart('/');
                var documented = "/" + string.Join('/', pattern.TrimStart('/').Split('/').Select(p => p.StartsWith('{') ? "{" + p.Trim('{', '}').Split(':')[0] + "}" : p));
                JsonElement? schema = null;
                var query = new List<string>();
                if (paths.TryGetProperty(documented, out var path) && path.TryGetProperty(method.ToLowerInvariant(), out var operation))
                {
                    if (operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
                        && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var s))
                        schema = s;
                    if (operation.TryGetProperty("parameters", out var parameters))
                        query.AddRange(parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!));
                }
                return new FuzzEndpoint(method, pattern, schema, query);
            }))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A small shop with one of everything, so generated ids sometimes name real things and requests go deep.</summary>
    private static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> KnownIdsAsync(KasseClient api)
    {
        var shop = await api.NewShopAsync();
        var product = await api.NewProductAsync(24.95m, name: "Rugbrød");
        var open = await api.OpenSaleAsync(shop);
        open = await api.AddProductAsync(open.Id, product.Id);
        var completed = await api.SellAsync(shop, PaymentMethod.Cash, (product, 2m));
        string[] sales = [open.Id.ToString(), completed.Id.ToString()];
        return new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["storeId"] = [shop.Store.Id.ToString()],
            ["registerId"] = [shop.Register.Id.ToString()],
            ["saleId"] = sales,
            ["originalSaleId"] = [completed.Id.ToString()],
            ["lineId"] = [open.Lines[0].Id.ToString(), completed.Lines[0].Id.ToString()],
            ["originalLineId"] = [completed.Lines[0].Id.ToString()],
            ["productId"] = [product.Id.ToString()],
            ["employeeId"] = [shop.CashierId.ToString(), shop.SupervisorId.ToString()],
            ["cashierId"] = [shop.CashierId.ToString()],
            ["paymentId"] = [completed.Payments[0].Id.ToString()],
        };
    }
}

public sealed class FuzzOnSqlite() : FuzzTests(DatabaseProvider.Sqlite);

public sealed class FuzzOnPostgres() : FuzzTests(DatabaseProvider.Postgres);
