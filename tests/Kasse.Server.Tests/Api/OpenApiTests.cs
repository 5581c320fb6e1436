using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Api;

/// <summary>
/// Integrators build against the OpenAPI document, so it must describe every route Kasse maps, and the
/// reference page must work in a shop with no internet. Neither touches the database, so one provider is enough.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed partial class OpenApiTests(SqliteServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task The_openapi_document_describes_every_api_route_kasse_maps_with_a_summary_and_a_tag()
    {
        var mapped = server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Path: PathOf(e.RoutePattern), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Path.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Path}"))
            .Order(StringComparer.Ordinal).ToList();

        var response = await _api.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/v1/", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Key: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value)))
            .ToList();

        Assert.NotEmpty(mapped);
        Assert.Equal(mapped, operations.Select(o => o.Key).Order(StringComparer.Ordinal));
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{o.Key} has no summary"));
        Assert.All(operations, o => Assert.True(o.Operation.TryGetProperty("tags", out var t) && t.GetArrayLength() > 0, $"{o.Key} has no tag"));
    }

    [Fact]
    public async Task A_sale_in_the_openapi_document_carries_the_amounts_a_client_shows_so_no_client_recomputes_money()
    {
        var document = JsonDocument.Parse(await _api.Http.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement;
        var sale = document.GetProperty("components").GetProperty("schemas").GetProperty("SaleView").GetProperty("properties");

        Assert.All(["totalAmount", "paidAmount", "amountDue", "cashDue", "cashDueRounding", "cashRoundingIncrement", "tenderedAmount"],
            name => Assert.True(sale.TryGetProperty(name, out _), $"SaleView has no {name}"));
    }

    [Fact]
    public async Task The_api_reference_page_runs_on_scripts_kasse_serves_itself()
    {
        var page = new Uri(server.BaseAddress, "/scalar/v1");

        var response = await _api.Http.GetAsync(page);
        var html = await response.Content.ReadAsStringAsync();
        var scripts = ScriptSources().Matches(html).Select(m => new Uri(page, m.Groups["src"].Value)).ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.True(script.Authority == server.BaseAddress.Authority, $"The page loads {script} from another host; a shop offline could not show it.");
            var asset = await _api.Http.GetAsync(script);
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{script} answered {(int)asset.StatusCode}");
            Assert.Contains("javascript", asset.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await asset.Content.ReadAsByteArrayAsync());
        }
    }

    /// <summary>"/api/v1/sales/{saleId:guid}" as OpenAPI writes it: "/api/v1/sales/{saleId}", no trailing slash.</summary>
    private static string PathOf(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new InvalidOperationException($"Unexpected route part in {pattern.RawText}"),
        })));
        return "/" + string.Join('/', segments);
    }

    [GeneratedRegex("""<script\b[^>]*\bsrc\s*=\s*["'](?<src>[^"']+)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSources();
}
