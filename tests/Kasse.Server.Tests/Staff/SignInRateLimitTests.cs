using System.Net;
using Kasse.Application.Demo;
using Kasse.Server.Hosting;
using Kasse.Server.Security;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Staff;

/// <summary>Sign-in paths are rate limited per client address, before a PIN or password is even looked at.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task More_sign_in_attempts_than_the_limit_in_a_minute_are_refused_with_429_on_every_sign_in_path()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await KasseHost.StartAsync(DatabaseProvider.Sqlite, database.ConnectionString, new Dictionary<string, string?>
        {
            [KasseWebApp.SeedDemoKey] = "true",
            [KasseSecurity.SignInPermitsKey] = "3",
        });
        using var http = host.CreateClient();
        var api = new KasseClient(http, null!);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await api.PostAsync($"/api/v1/registers/{DemoSeeder.RegisterId}/sign-in", new { employeeId = DemoSeeder.EmployeeId, pin = "0000" })).StatusCode);
        var password = await api.PostAsync("/api/v1/auth/sign-in", new { userName = "mette", password = "not the password" });

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], statuses);
        await KasseClient.Problem(password, HttpStatusCode.TooManyRequests, "sign-in.rate-limited");
        Assert.Equal("60", password.Headers.GetValues("Retry-After").Single());
    }

    [Fact]
    public async Task The_back_office_password_form_is_rate_limited_per_address_like_the_API()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await KasseHost.StartAsync(DatabaseProvider.Sqlite, database.ConnectionString, new Dictionary<string, string?>
        {
            [KasseWebApp.SeedDemoKey] = "true",
            [KasseSecurity.SignInPermitsKey] = "3",
        });
        using var http = host.CreateClient(handler: new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() });
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await PostSignInFormAsync(http, DemoSeeder.EmployeeUserName, "not the password")).StatusCode);
        using var rightButTooLate = await PostSignInFormAsync(http, DemoSeeder.EmployeeUserName, DemoSeeder.EmployeePassword);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightButTooLate.StatusCode);
        Assert.False(rightButTooLate.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("kasse.session=", StringComparison.Ordinal)));
    }

    /// <summary>Posts the back office's sign-in form as a browser does: with the anti-forgery token of the page.</summary>
    private static async Task<HttpResponseMessage> PostSignInFormAsync(HttpClient http, string userName, string password)
    {
        var page = await http.GetStringAsync("/backoffice/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        return await http.PostAsync("/backoffice/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "back-office-sign-in",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }
}
