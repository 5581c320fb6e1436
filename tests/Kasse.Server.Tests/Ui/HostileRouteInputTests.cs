using System.Net;
using System.Text.RegularExpressions;
using Kasse.Application.Staff;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Ui;

/// <summary>
/// Every route the node maps outside the API — the UI's own endpoints, the receipt page, the pages of the till, the
/// customer display and the back office, the sign-in and sign-out forms, Blazor's own routes and the static assets —
/// answers whatever a client sends without a 5xx, and never redirects anyone to another site.
/// </summary>
public abstract partial class HostileRouteInputTests(KasseServer server)
{
    private const string Password = "korrekt hest batteri";

    /// <summary>Values for route parameters and query strings, percent-encoded as they go on the wire.</summary>
    private static readonly string[] Hostile =
    [
        "not-a-guid", "%00", "%09", "%0d%0a", "%0D%0ASet-Cookie:%20evil=1", "00000000-0000-0000-0000-000000000000",
        "%2F%2Fevil.example", "%2F%5Cevil.example", "%2F%09%2Fevil.example", "%2F%0d%0a%2Fevil.example", "https:evil.example",
        "https%3A%2F%2Fevil.example", "%2F.%2F%2Fevil.example", "%20%2F%2Fevil.example", "%2F%C3%B8%E2%82%AC", "%ED%A0%80", "xx",
        "-1", "99999999999999999999", "..%2F..%2Fappsettings.json", new string('a', 900),
    ];

    /// <summary>The query parameters the UI reads (and a few Blazor reads), all set to the same hostile value at once.</summary>
    private static readonly string[] QueryNames = ["returnUrl", "idle", "store", "saved", "id", "negotiateVersion", "v"];

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteParameter();

    [Fact]
    public async Task No_route_outside_the_API_answers_5xx_or_redirects_to_another_site_whatever_it_is_sent()
    {
        var routes = NonApiRoutes();
        Assert.Contains(routes, r => r.Pattern == "/ui/language/{code}");
        Assert.Contains(routes, r => r.Pattern == "/ui/sign-out");
        Assert.Contains(routes, r => r.Pattern.StartsWith("/receipt/{", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Pattern.StartsWith("/display/{", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Pattern.StartsWith("/till/{", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Pattern == "/backoffice/sign-in" && r.Methods.Contains("POST"));
        Assert.Contains(routes, r => r.Pattern.EndsWith(".js", StringComparison.Ordinal));

        var requests = new List<(string Method, string PathAndQuery)>();
        foreach (var (pattern, methods) in routes)
        {
            var paths = RouteParameter().IsMatch(pattern)
                ? Hostile.Select(v => RouteParameter().Replace(pattern, v)).Append(RouteParameter().Replace(pattern, Guid.CreateVersion7().ToString())).ToList()
                : [pattern];
            var plain = pattern.Contains("{code}", StringComparison.Ordinal) ? RouteParameter().Replace(pattern, "en") : paths[^1];
            var targets = paths.Select(p => p + "?returnUrl=%2F%09%2Fevil.example")
                .Concat(Hostile.Select(v => plain + "?" + string.Join('&', QueryNames.Select(n => $"{n}={v}"))))
                .Append(plain + "?returnUrl=%2F" + new string('a', 6000))
                .Append(plain + "?returnUrl=%2F%2Fevil.example&returnUrl=%2Fbackoffice&idle=true&idle=false");
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
                requests.AddRange(targets.Select(t => (method, t)));
        }
        // Paths no route maps, hostile on their own.
        foreach (var path in new[] { "//evil.example", "/%2F%2Fevil.example", "/%5Cevil.example", "/%00", "/backoffice/%0d%0a", "/%C3%A6%C3%B8%C3%A5", "/" + new string('x', 6000) })
            requests.Add(("GET", path));

        using var owner = Client(server.OwnerKey, hostileCookies: false);
        using var anonymous = Client(null, hostileCookies: true);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (request, ct) =>
        {
            foreach (var (who, http) in new[] { ("anonymous", anonymous), ("owner", owner) })
            {
                using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(server.BaseAddress.GetLeftPart(UriPartial.Authority) + request.PathAndQuery));
                if (request.Method == "POST")
                    message.Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["_handler"] = "back-office-sign-in", ["__RequestVerificationToken"] = "%00forged", ["Input.UserName"] = "\0\r\n",
                        ["Input.Password"] = new string('p', 5000),
                    });
                if (who == "anonymous")
                    message.Headers.TryAddWithoutValidation("Range", "bytes=99999999999999999999-");
                using var response = await http.SendAsync(message, ct);
                Check(failures, $"{request.Method} {Shorten(request.PathAndQuery)} ({who})", response);
            }
        });
        await SignInFormRedirectsStayOnSiteAsync(failures);

        // The switch that was reported: a returnUrl a browser would read as another site goes to the start page.
        using (var language = await owner.GetAsync("/ui/language/en?returnUrl=/%09/evil.example"))
            if (language.StatusCode != HttpStatusCode.Redirect || language.Headers.Location?.OriginalString != "/")
                failures.Add($"/ui/language/en?returnUrl=/%09/evil.example: expected a redirect to /, got {(int)language.StatusCode} {language.Headers.Location}");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {requests.Count * 2} requests failed:\n" + string.Join("\n", failures.Order().Take(60)));
    }

    /// <summary>The back office's sign-in form with the right password goes back to a hostile returnUrl only if it is on this site.</summary>
    private async Task SignInFormRedirectsStayOnSiteAsync(System.Collections.Concurrent.ConcurrentBag<string> failures)
    {
        var api = server.Client();
        var shop = await api.NewShopAsync();
        var userName = $"vagt{server.NextNumber()}";
        await KasseClient.Read<EmployeeView>(await api.SendAsync(HttpMethod.Patch, $"/api/v1/employees/{shop.SupervisorId}", new { userName, password = Password }));
        foreach (var returnUrl in Hostile.Where(v => v.StartsWith('%') || v.Contains(':', StringComparison.Ordinal)))
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseAddress };
            var page = await http.GetStringAsync($"/backoffice/sign-in?returnUrl={returnUrl}");
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            using var response = await http.PostAsync($"/backoffice/sign-in?returnUrl={returnUrl}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "back-office-sign-in", ["__RequestVerificationToken"] = token, ["Input.UserName"] = userName, ["Input.Password"] = Password,
            }));
            if (response.StatusCode != HttpStatusCode.Redirect)
                failures.Add($"sign-in form, right password, returnUrl={returnUrl}: expected a redirect, got {(int)response.StatusCode}");
            Check(failures, $"sign-in form, right password, returnUrl={returnUrl}", response);
        }
        // Hostile user names with a genuine form token: refused, not a server error and no session.
        foreach (var hostileName in new[] { "\0", "vagt\0", "\r\nvagt", "\u00f8vagt\u0085", new string('v', 5000), userName + "\0" })
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseAddress };
            var page = await http.GetStringAsync("/backoffice/sign-in");
            var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
            using var response = await http.PostAsync("/backoffice/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "back-office-sign-in", ["__RequestVerificationToken"] = token, ["Input.UserName"] = hostileName, ["Input.Password"] = Password,
            }));
            // 403 (wrong sign-in), or 400 where the form reader refuses a NUL before the page sees it.
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.BadRequest)
                || (response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("kasse.session=", StringComparison.Ordinal))))
                failures.Add($"sign-in form, user name {Shorten(Uri.EscapeDataString(hostileName))}: expected a refusal, got {(int)response.StatusCode}");
        }
    }

    private void Check(System.Collections.Concurrent.ConcurrentBag<string> failures, string what, HttpResponseMessage response)
    {
        if ((int)response.StatusCode >= 500)
            failures.Add($"{what}: {(int)response.StatusCode}");
        if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.TryGetValues("Location", out var locations)
            && OffSite(locations.Single()) is { } elsewhere)
            failures.Add($"{what}: redirects off-site to {elsewhere}");
    }

    /// <summary>Where a browser would go: it drops tabs and newlines, trims spaces and controls, and reads a backslash as a slash.</summary>
    private string? OffSite(string location)
    {
        var asRead = new string(location.Where(c => c is not ('\t' or '\r' or '\n')).ToArray()).Trim().Trim(Enumerable.Range(0, 0x21).Select(i => (char)i).ToArray())
            .Replace('\\', '/');
        if (!Uri.TryCreate(server.BaseAddress, asRead, out var target))
            return $"'{location}' (not a URL)";
        return target.Scheme == server.BaseAddress.Scheme && target.Authority == server.BaseAddress.Authority ? null : target.ToString();
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;

    /// <summary>Every route pattern outside /api, with its HTTP methods (any method: GET and POST are tried).</summary>
    private List<(string Pattern, IReadOnlyList<string> Methods)> NonApiRoutes() =>
        server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]))
            .Where(r => !r.Pattern.StartsWith("/api/", StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => r.Pattern)
            .Select(g => (g.Key, (IReadOnlyList<string>)g.SelectMany(r => r.Methods).Distinct().ToList()))
            .ToList();

    private HttpClient Client(string? apiKey, bool hostileCookies)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (apiKey is not null)
            http.DefaultRequestHeaders.Add(ApiKeyService.Header, apiKey);
        if (hostileCookies)
            http.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", ".AspNetCore.Culture=c%3Dxx-%00%7Cuic%3D%0D; kasse.session=%00garbage; .AspNetCore.Antiforgery.x=%ED%A0%80");
        return http;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HostileRouteInputOnSqlite(SqliteServer server) : HostileRouteInputTests(server);

[Collection(PostgresCollection.Name)]
public sealed class HostileRouteInputOnPostgres(PostgresServer server) : HostileRouteInputTests(server);
