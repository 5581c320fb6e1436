using System.Globalization;
using System.Net.Http.Json;
using Kasse.Application.Accounting;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Accounting;

/// <summary>The bookkeeper's requests, spoken through the API.</summary>
internal static class AccountingIntents
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Period(DateOnly from, DateOnly to) => $"from={Day(from)}&to={Day(to)}";

    public static async Task<List<DayView>> DaysAsync(this KasseClient api, Guid storeId, DateOnly from, DateOnly to) =>
        await KasseClient.Read<List<DayView>>(await api.Http.GetAsync($"/api/v1/stores/{storeId}/accounting/days?{Period(from, to)}"));

    public static async Task<DayView> DayAsync(this KasseClient api, Guid storeId, DateOnly day) =>
        await KasseClient.Read<DayView>(await api.Http.GetAsync($"/api/v1/stores/{storeId}/accounting/days/{Day(day)}"));

    public static async Task<string> CsvAsync(this KasseClient api, Guid storeId, string layout, DateOnly from, DateOnly to)
    {
        var response = await api.Http.GetAsync($"/api/v1/stores/{storeId}/accounting/{layout}?{Period(from, to)}");
        Assert.True(response.IsSuccessStatusCode, $"{layout}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), "The CSV starts with a UTF-8 byte-order mark.");
        return System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }

    public static Task<HttpResponseMessage> TrySetConnectorAsync(this KasseClient api, Guid storeId, string? url, string? journal, string? token) =>
        api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{storeId}/accounting/connector", new SetConnector(url, journal, token));

    public static Task<HttpResponseMessage> TryPushDayAsync(this KasseClient api, Guid storeId, DateOnly day) =>
        api.PostAsync($"/api/v1/stores/{storeId}/accounting/days/{Day(day)}/push", null);

    public static async Task<DayView> PushDayAsync(this KasseClient api, Guid storeId, DateOnly day) =>
        await KasseClient.Read<DayView>(await api.TryPushDayAsync(storeId, day));

    public static async Task<ChartView> ChartAsync(this KasseClient api, Guid storeId) =>
        (await api.Http.GetFromJsonAsync<ChartView>($"/api/v1/stores/{storeId}/accounting/chart", KasseClient.Json))!;
}
