using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kasse.Application.Demo;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Reliability;

/// <summary>
/// The real <c>kasse</c> process at its most talkative (Debug, with every SQL command) through a day's secrets: an API
/// key made and used, a PIN set and used, a password set, used and mistyped, a session cookie. Not one of them may
/// appear in what it printed. (Card numbers in logs are searched for by <c>KasseCrashTests</c>, after a card day.)
/// </summary>
public sealed class LogSecretsTests : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private TestDatabase _database = null!;
    private System.Diagnostics.Process? _kasse;

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    [Fact]
    public async Task PINs_passwords_API_keys_and_session_cookies_never_reach_the_log()
    {
        const string pin = "583920";
        const string password = "Rødgrød-med-fløde-4711";
        const string mistyped = "Rødgrød-med-fløde-4712";
        var (process, address) = await KasseProcess.ServeAsync(_log, "--database", "Sqlite", "--connection", _database.ConnectionString,
            "--Logging:LogLevel:Default", "Debug", "--Logging:LogLevel:Microsoft.AspNetCore", "Debug", "--Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        _kasse = process;
        using var owner = new HttpClient { BaseAddress = address, DefaultRequestHeaders = { { "X-Api-Key", DemoSeeder.DemoApiKey } } };
        using var cookieless = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = address };

        var created = await Json(await owner.PostAsJsonAsync("/api/v1/api-keys", new { name = "Webshop", role = "Manager" }));
        var apiKey = created.GetProperty("secret").GetString()!;
        using (var withKey = new HttpRequestMessage(HttpMethod.Get, "/api/v1/products?q=kaffe"))
        {
            withKey.Headers.Add("X-Api-Key", apiKey);
            Assert.Equal(HttpStatusCode.OK, (await cookieless.SendAsync(withKey)).StatusCode);
        }
        var employee = Guid.CreateVersion7();
        await Json(await owner.PostAsJsonAsync("/api/v1/employees", new { id = employee, name = "Hemmelig Hansen", role = "Manager", pin }));
        await Json(await owner.PatchAsJsonAsync($"/api/v1/employees/{employee}", new { userName = "hemmelig", password }));
        var wrong = await cookieless.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "hemmelig", password = mistyped });
        Assert.True(wrong.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"A wrong password answered {(int)wrong.StatusCode}.");
        var signedIn = await cookieless.PostAsJsonAsync("/api/v1/auth/sign-in", new { userName = "hemmelig", password });
        Assert.True(signedIn.IsSuccessStatusCode, await signedIn.Content.ReadAsStringAsync());
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("kasse.session=", StringComparison.Ordinal));
        using (var withCookie = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me"))
        {
            withCookie.Headers.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await cookieless.SendAsync(withCookie)).StatusCode);
        }
        var till = await cookieless.PostAsJsonAsync($"/api/v1/registers/{DemoSeeder.RegisterId}/sign-in", new { employeeId = employee, pin });
        Assert.True(till.IsSuccessStatusCode, await till.Content.ReadAsStringAsync());

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        string log;
        lock (_log)
            log = _log.ToString();
        Assert.Contains("/api/v1/auth/sign-in", log, StringComparison.Ordinal); // the log did record the requests
        foreach (var (what, secret) in new[]
                 {
                     ("the API key", apiKey), ("the PIN", pin), ("the password", password), ("the mistyped password", mistyped),
                     ("the session cookie", cookie["kasse.session=".Length..]),
                 })
            Assert.False(log.Contains(secret, StringComparison.Ordinal), $"kasse logged {what}.");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (_kasse is { HasExited: false })
            _kasse.Kill(entireProcessTree: true);
        _kasse?.Dispose();
        await _database.DisposeAsync();
    }
}
