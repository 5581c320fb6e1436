using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Reliability;

/// <summary>
/// Session fixation (the session cookie is new at every sign-in; one planted before it is worthless), cross-site request
/// forgery (cookie-authenticated writes from another site are refused and change nothing) and the security headers on
/// every kind of answer, including refusals.
/// </summary>
public abstract class SecurityTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private HttpClient Browser() => new(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    private static string? SessionCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith("kasse.session=", StringComparison.Ordinal))?["kasse.session=".Length..]
            : null;

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, Shop shop, string? planted)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/registers/{shop.Register.Id}/sign-in")
        {
            Content = JsonContent.Create(new { employeeId = shop.CashierId, pin = "1111" }),
        };
        if (planted is not null)
            request.Headers.Add("Cookie", "kasse.session=" + planted);
        var response = await browser.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static async Task<HttpResponseMessage> WithSessionAsync(HttpClient browser, HttpMethod method, string path, string session, object? body = null,
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", "kasse.session=" + session);
        foreach (var (name, value) in headers)
            request.Headers.Add(name, value);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: KasseClient.Json);
        return await browser.SendAsync(request);
    }

    [Fact]
    public async Task Signing_in_issues_a_new_session_and_a_cookie_planted_before_sign_in_opens_nothing()
    {
        var shop = await _api.NewShopAsync();
        using var browser = Browser();
        // An attacker plants a session id of their choosing, or a real one of their own, before the cashier signs in.
        var attackers = SessionCookie(await SignInAsync(browser, shop, planted: null))!;
        using (var signOut = await WithSessionAsync(browser, HttpMethod.Post, $"/api/v1/registers/{shop.Register.Id}/sign-out", attackers,
            new { employeeId = shop.CashierId }))
            Assert.True(signOut.IsSuccessStatusCode, await signOut.Content.ReadAsStringAsync());
        const string chosen = "attacker-chosen-session-id";

        var first = SessionCookie(await SignInAsync(browser, shop, planted: chosen));
        var second = SessionCookie(await SignInAsync(browser, shop, planted: attackers));

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.NotEqual(chosen, first);
        Assert.NotEqual(attackers, second);
        Assert.NotEqual(first, second);
        using var withChosen = await WithSessionAsync(browser, HttpMethod.Get, "/api/v1/auth/me", chosen);
        await KasseClient.Problem(withChosen, HttpStatusCode.Unauthorized, "auth.required");
        using var withOwn = await WithSessionAsync(browser, HttpMethod.Get, "/api/v1/auth/me", second!);
        Assert.Equal(HttpStatusCode.OK, withOwn.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_write_from_another_site_riding_on_the_session_cookie_is_refused_and_changes_nothing(string header, string value)
    {
        var shop = await _api.NewShopAsync();
        using var browser = Browser();
        var session = SessionCookie(await SignInAsync(browser, shop, planted: null))!;
        var forged = new OpenSale(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId);

        using var refused = await WithSessionAsync(browser, HttpMethod.Post, "/api/v1/sales", session, forged, (header, value));

        await KasseClient.Problem(refused, HttpStatusCode.Forbidden, "csrf.cross-site");
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/sales/{forged.Id}"), HttpStatusCode.NotFound, "sale.not-found");
    }

    [Fact]
    public async Task The_till_s_own_pages_and_non_browser_clients_may_write_with_the_session_cookie()
    {
        var shop = await _api.NewShopAsync();
        using var browser = Browser();
        var session = SessionCookie(await SignInAsync(browser, shop, planted: null))!;
        var origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);

        using var sameOrigin = await WithSessionAsync(browser, HttpMethod.Post, "/api/v1/sales", session,
            new OpenSale(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId), ("Origin", origin), ("Sec-Fetch-Site", "same-origin"));
        using var noBrowser = await WithSessionAsync(browser, HttpMethod.Post, "/api/v1/sales", session, new OpenSale(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId));

        Assert.Equal(HttpStatusCode.Created, sameOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.Created, noBrowser.StatusCode);
    }

    [Fact]
    public async Task Refusals_carry_the_security_headers_too()
    {
        var anonymous = server.AnonymousClient().Http;
        var answers = new[]
        {
            await anonymous.GetAsync("/api/v1/sales/" + Guid.CreateVersion7()),                       // 401
            await _api.Http.GetAsync("/api/v1/sales/" + Guid.CreateVersion7()),                       // 404
            await _api.Http.GetAsync("/api/v1/no-such-thing"),                                       // 404 from routing
            await _api.Http.PostAsync("/api/v1/sales", new StringContent("{", System.Text.Encoding.UTF8, "application/json")), // 400
            await anonymous.GetAsync("/openapi/v1.json"),
        };
        foreach (var response in answers)
        {
            Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SecurityOnSqlite(SqliteServer server) : SecurityTests(server);

[Collection(PostgresCollection.Name)]
public sealed class SecurityOnPostgres(PostgresServer server) : SecurityTests(server);
