using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Kasse.Application.Hosting;
using Kasse.Domain.Accounting;

namespace Kasse.Application.Accounting;

/// <summary>The HTTP client the connector uses: one per process, with a bounded wait per request.</summary>
public sealed class AccountingHttp : IDisposable
{
    public HttpClient Client { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(20),
    };

    public void Dispose() => Client.Dispose();
}

/// <summary>
/// A journal API shaped like the common Danish REST accounting APIs: vouchers posted as JSON into a journal
/// (kassekladde) with a bearer token. Before posting it asks whether a voucher with our external id already
/// exists, and the post carries the external id as its Idempotency-Key, so a lost answer never makes a second
/// voucher. The wire format is in docs/accounting.md.
/// </summary>
public sealed class JournalApiConnector(AccountingHttp http, SecretProtector secrets) : IAccountingConnector
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ConnectorResult> PushAsync(AccountingConnectorSettings settings, ConnectorVoucher voucher, CancellationToken ct)
    {
        var vouchers = new Uri(settings.Url, $"journals/{Uri.EscapeDataString(settings.Journal)}/vouchers");
        try
        {
            using var lookup = Request(HttpMethod.Get, new Uri(vouchers + "?externalId=" + Uri.EscapeDataString(voucher.ExternalId)), settings);
            using var found = await http.Client.SendAsync(lookup, ct);
            if (!found.IsSuccessStatusCode)
                return await FailureAsync(found, "looking for an earlier push", ct);
            var existing = await found.Content.ReadFromJsonAsync<List<RemoteVoucher>>(Json, ct) ?? [];
            if (existing.FirstOrDefault(v => v.ExternalId == voucher.ExternalId) is { } earlier)
                return ConnectorResult.Accepted(earlier.VoucherNumber);

            using var post = Request(HttpMethod.Post, vouchers, settings);
            post.Headers.Add("Idempotency-Key", voucher.ExternalId);
            post.Content = JsonContent.Create(new
            {
                externalId = voucher.ExternalId,
                date = voucher.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                number = voucher.Number,
                text = voucher.Text,
                currency = voucher.Currency,
                entries = voucher.Entries.Select(e => new { account = e.Account, amount = e.Amount, text = e.Text }),
            }, options: Json);
            using var posted = await http.Client.SendAsync(post, ct);
            if (!posted.IsSuccessStatusCode)
                return await FailureAsync(posted, "posting the voucher", ct);
            var created = await posted.Content.ReadFromJsonAsync<RemoteVoucher>(Json, ct);
            return created is { VoucherNumber.Length: > 0 }
                ? ConnectorResult.Accepted(created.VoucherNumber)
                : ConnectorResult.Transient("The accounting system accepted the voucher but did not say its number.");
        }
        catch (HttpRequestException e)
        {
            return ConnectorResult.Transient($"The accounting system at {settings.Url} did not answer: {e.Message}");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return ConnectorResult.Transient($"The accounting system at {settings.Url} did not answer in time.");
        }
        catch (JsonException e)
        {
            return ConnectorResult.Transient($"The accounting system's answer was not the expected JSON: {e.Message}");
        }
    }

    private HttpRequestMessage Request(HttpMethod method, Uri uri, AccountingConnectorSettings settings)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secrets.Unprotect(settings.Token, $"The accounting token of store {settings.StoreId}"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private static async Task<ConnectorResult> FailureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var body = await response.Content.ReadAsStringAsync(ct);
        var detail = body.Length > 300 ? body[..300] : body;
        var status = (int)response.StatusCode;
        var message = $"The accounting system answered {status} {response.ReasonPhrase} {what}: {detail}".Trim();
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                ConnectorResult.Rejected($"The accounting system refused Kasse's access token ({status}); save a valid token in the accounting settings."),
            HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests => ConnectorResult.Transient(message),
            _ when status >= 500 => ConnectorResult.Transient(message),
            _ => ConnectorResult.Rejected(message),
        };
    }

    private sealed record RemoteVoucher(string ExternalId, string VoucherNumber);
}
