using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kasse.Application.Payments;

namespace Kasse.Devices.Payments;

/// <summary>
/// One HTTP exchange with a payment device on the local network, sorted into what it means for money:
/// no connection (nothing sent), no answer (maybe charged: ask), or an answer to read.
/// </summary>
internal static class DeviceHttp
{
    public static readonly JsonSerializerOptions NexoJson = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
    };

    public static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Exchange(HttpResponseMessage? Response, DeviceAnswer? Failure) : IDisposable
    {
        public void Dispose() => Response?.Dispose();
    }

    public static async Task<Exchange> SendAsync(HttpClient http, HttpRequestMessage request, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, limit.Token);
            return new Exchange(response, null);
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
        {
            return new Exchange(null, new DeviceAnswer.Unreachable(e.Message));
        }
        catch (HttpRequestException e)
        {
            return new Exchange(null, new DeviceAnswer.NoAnswer(e.Message));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Exchange(null, new DeviceAnswer.NoAnswer(
                $"no answer within {timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s"));
        }
        catch (IOException e)
        {
            return new Exchange(null, new DeviceAnswer.NoAnswer(e.Message));
        }
    }

    public static async Task<T?> ReadAsync<T>(HttpResponseMessage response, JsonSerializerOptions json, CancellationToken ct) where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(json, ct);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or IOException)
        {
            return null;
        }
    }
}
