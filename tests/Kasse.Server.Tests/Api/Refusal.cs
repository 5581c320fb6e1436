using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Runtime.CompilerServices;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Api;

/// <summary>Raw requests a careless or hostile client might send, and the checks every refusal must pass.</summary>
internal static class Refusal
{
    private static readonly ConditionalWeakTable<KasseServer, Task<Shop>> Shops = [];

    /// <summary>One shop per server for tests that only need somewhere to open a sale.</summary>
    public static Task<Shop> SharedShopAsync(KasseServer server) =>
        Shops.GetValue(server, s => s.Client().NewShopAsync());

    public static async Task<HttpResponseMessage> SendRawAsync(this KasseClient api, HttpMethod method, string path, string? body,
        string? contentType = "application/json", string? idempotencyKey = null, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(method, path);
        // A client that sends a large body asks first (Expect: 100-continue), as real clients do; otherwise the server's
        // early refusal races the client still writing the body, and the client sees a broken pipe instead of the answer.
        if (expectContinue)
            request.Headers.ExpectContinue = true;
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        if (idempotencyKey is not null)
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return await api.Http.SendAsync(request);
    }

    /// <summary>
    /// Asserts a refusal a person can act on: never a 5xx, the status expected, application/problem+json with a
    /// matching status, a non-empty detail and (when given) the machine-readable code. Returns the problem.
    /// </summary>
    public static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        var shown = body.Length > 500 ? body[..500] + "…" : body;
        var request = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";
        Assert.True((int)response.StatusCode < 500, $"{request} failed on the server ({(int)response.StatusCode}): {shown}");
        Assert.True(status == response.StatusCode, $"{request}: expected {(int)status} but got {(int)response.StatusCode}: {shown}");
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{request}: expected application/problem+json but got '{response.Content.Headers.ContentType}': {shown}");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.True(problem.TryGetProperty("status", out var s) && s.GetInt32() == (int)status, $"{request}: the problem's status is wrong: {shown}");
        Assert.True(problem.TryGetProperty("detail", out var detail) && !string.IsNullOrWhiteSpace(detail.GetString()),
            $"{request}: a problem must say what is wrong and what to do (no 'detail'): {shown}");
        if (code is not null)
        {
            Assert.True(problem.TryGetProperty("code", out var c), $"{request}: the problem has no 'code' (expected {code}): {shown}");
            Assert.Equal(code, c.GetString());
        }
        return problem;
    }

    public static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString()!;
}
