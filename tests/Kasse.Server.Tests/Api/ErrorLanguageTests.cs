using System.Net;
using System.Text.Json;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Api;

/// <summary>
/// A refusal's detail speaks the language the client asks for (Accept-Language); a client that asks for none, or for
/// one Kasse doesn't speak, gets the English it was written against. The code stays the same in every language.
/// </summary>
public abstract class ErrorLanguageTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<JsonElement> GetRefusedAsync(string path, string? language, HttpStatusCode status, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        return await KasseClient.Problem(await _api.Http.SendAsync(request), status, code);
    }

    [Theory]
    [InlineData("da")]
    [InlineData("da-DK")]
    [InlineData("da-DK, en;q=0.5")]
    public async Task A_refusal_is_in_Danish_when_the_client_asks_for_Danish(string language)
    {
        var id = Guid.CreateVersion7();

        var problem = await GetRefusedAsync($"/api/v1/sales/{id}", language, HttpStatusCode.NotFound, "sale.not-found");

        Assert.Equal($"Der findes intet salg med id {id}.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("en-GB")]
    [InlineData("de-DE")]
    [InlineData("da;q=0.2, en;q=0.8")]
    public async Task A_refusal_is_in_English_when_no_Danish_is_asked_first(string? language)
    {
        var id = Guid.CreateVersion7();

        var problem = await GetRefusedAsync($"/api/v1/sales/{id}", language, HttpStatusCode.NotFound, "sale.not-found");

        Assert.Equal($"No sale has id {id}.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_wrong_PIN_is_refused_in_Danish_with_the_same_code()
    {
        var shop = await _api.NewShopAsync();
        var till = server.SessionClient();
        till.Http.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "da");

        var refused = await till.PostAsync($"/api/v1/registers/{shop.Register.Id}/sign-in", new { employeeId = shop.CashierId, pin = "9999" });

        var problem = await KasseClient.Problem(refused, HttpStatusCode.Forbidden, "employee.sign-in-failed");
        Assert.Equal("Den PIN-kode er forkert. Prøv igen.", problem.GetProperty("detail").GetString());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ErrorLanguageOnSqlite(SqliteServer server) : ErrorLanguageTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ErrorLanguageOnPostgres(PostgresServer server) : ErrorLanguageTests(server);
