using System.Net.Http.Json;
using Kasse.Application.CashControl;
using Kasse.Domain.CashControl;
using Kasse.Server.Tests.Infrastructure;
using static Kasse.Server.Api.FiscalEndpoints;

namespace Kasse.Server.Tests.CashControl;

/// <summary>The till's cash-control commands, spoken through the API.</summary>
internal static class CashControlIntents
{
    public static Task<HttpResponseMessage> TryOpenSessionAsync(this KasseClient api, Shop shop, decimal openingFloat, Guid? id = null) =>
        api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sessions", new OpenSession(id ?? Guid.CreateVersion7(), openingFloat, shop.CashierId));

    public static async Task<SessionView> OpenSessionAsync(this KasseClient api, Shop shop, decimal openingFloat) =>
        await KasseClient.Read<SessionView>(await api.TryOpenSessionAsync(shop, openingFloat));

    public static Task<HttpResponseMessage> TryCountAsync(this KasseClient api, Shop shop, Guid sessionId, decimal counted, string? note = null) =>
        api.PostAsync($"/api/v1/registers/{shop.Register.Id}/sessions/{sessionId}/count", new CountCash(counted, shop.CashierId, note));

    public static async Task<SessionView> CountAsync(this KasseClient api, Shop shop, Guid sessionId, decimal counted) =>
        await KasseClient.Read<SessionView>(await api.TryCountAsync(shop, sessionId, counted));

    public static Task<HttpResponseMessage> TryMoveCashAsync(this KasseClient api, Shop shop, CashMovementKind kind, decimal amount, string reason) =>
        api.PostAsync($"/api/v1/registers/{shop.Register.Id}/cash-movements",
            new RecordCashMovement(Guid.CreateVersion7(), kind, amount, reason, shop.CashierId));

    public static async Task<CashMovementView> MoveCashAsync(this KasseClient api, Shop shop, CashMovementKind kind, decimal amount, string reason) =>
        await KasseClient.Read<CashMovementView>(await api.TryMoveCashAsync(shop, kind, amount, reason));

    public static Task<HttpResponseMessage> TryXReportAsync(this KasseClient api, Shop shop, Guid? id = null) =>
        api.PostAsync($"/api/v1/registers/{shop.Register.Id}/x-reports", new MakeReport(id ?? Guid.CreateVersion7(), shop.SupervisorId));

    public static async Task<RegisterReport> XReportAsync(this KasseClient api, Shop shop) =>
        await KasseClient.Read<RegisterReport>(await api.TryXReportAsync(shop));

    public static Task<HttpResponseMessage> TryZReportAsync(this KasseClient api, Shop shop, Guid? id = null) =>
        api.PostAsync($"/api/v1/registers/{shop.Register.Id}/z-reports", new MakeReport(id ?? Guid.CreateVersion7(), shop.SupervisorId));

    public static async Task<RegisterReport> ZReportAsync(this KasseClient api, Shop shop, Guid? id = null) =>
        await KasseClient.Read<RegisterReport>(await api.TryZReportAsync(shop, id));

    public static async Task<List<JournalEntryView>> JournalAsync(this KasseClient api, Guid storeId) =>
        (await api.Http.GetFromJsonAsync<List<JournalEntryView>>($"/api/v1/stores/{storeId}/journal?take=1000", KasseClient.Json))!;
}
