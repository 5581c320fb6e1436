using System.Net;
using Kasse.Application.Demo;
using Kasse.Server.Hosting;
using Kasse.Server.Security;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Server.Tests.Staff;

/// <summary>Sign-in paths are rate limited per client address, before a PIN or password is even looked at.</summary>
public sealed class SignInRateLimitTests
{
    [Fact]
    public async Task More_sign_in_attempts_than_the_limit_in_a_minute_are_refused_with_429_on_every_sign_in_path()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var app = KasseWebApp.Create([], new Dictionary<string, string?>
        {
            [DatabaseSettings.ProviderKey] = "Sqlite",
            [DatabaseSettings.ConnectionKey] = database.ConnectionString,
            [KasseWebApp.SeedDemoKey] = "true",
            [KasseSecurity.SignInPermitsKey] = "3",
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        try
        {
            await KasseWebApp.PrepareAsync(app, CancellationToken.None);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var api = new KasseClient(http, null!);
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 4; i++)
                statuses.Add((await api.PostAsync($"/api/v1/registers/{DemoSeeder.RegisterId}/sign-in", new { employeeId = DemoSeeder.EmployeeId, pin = "0000" })).StatusCode);
            var password = await api.PostAsync("/api/v1/auth/sign-in", new { userName = "mette", password = "not the password" });

            Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], statuses);
            await KasseClient.Problem(password, HttpStatusCode.TooManyRequests, "sign-in.rate-limited");
            Assert.Equal("60", password.Headers.GetValues("Retry-After").Single());
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
