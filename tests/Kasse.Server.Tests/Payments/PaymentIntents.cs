using System.Net.Http.Json;
using System.Text.Json;
using Kasse.Application.Payments;
using Kasse.Application.Sales;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests;

namespace Kasse.Server.Tests.Payments;

/// <summary>The till's moves with a card terminal and MobilePay, and what the simulators saw.</summary>
public static class PaymentIntents
{
    public const string PoiId = "SIM-0001";
    public const string MerchantSerialNumber = "123456";
    public const string Transactions = "control/transactions";
    public const string MobilePayments = "control/payments";

    public static async Task ConnectDevicesAsync(this KasseClient api, Guid registerId, Uri? terminal, Uri? mobilePay = null, int timeoutSeconds = 10) =>
        await KasseClient.Read<PaymentDevicesView>(await api.SendAsync(HttpMethod.Put, $"/api/v1/registers/{registerId}/payment-devices",
            new ChangePaymentDevices(terminal, terminal is null ? null : PoiId, mobilePay, mobilePay is null ? null : MerchantSerialNumber, timeoutSeconds)));

    public static async Task<SaleView> SaleToPayAsync(this KasseClient api, Shop shop, decimal price)
    {
        var product = await api.NewProductAsync(price, name: "Kaffekværn, elektrisk");
        var sale = await api.OpenSaleAsync(shop);
        return await api.AddProductAsync(sale.Id, product.Id);
    }

    public static Task<HttpResponseMessage> TryPayByDeviceAsync(this KasseClient api, Guid saleId, PaymentMethod method, Guid? paymentId = null, decimal? amount = null) =>
        api.PostAsync($"/api/v1/sales/{saleId}/terminal-payments", new StartDevicePayment(paymentId ?? Guid.CreateVersion7(), method, amount));

    public static async Task<TerminalPaymentView> PayByDeviceAsync(this KasseClient api, Guid saleId, PaymentMethod method, Guid? paymentId = null, decimal? amount = null) =>
        await KasseClient.Read<TerminalPaymentView>(await api.TryPayByDeviceAsync(saleId, method, paymentId, amount));

    public static async Task<TerminalPaymentView> DevicePaymentAsync(this KasseClient api, Guid paymentId) =>
        (await api.Http.GetFromJsonAsync<TerminalPaymentView>($"/api/v1/terminal-payments/{paymentId}", KasseClient.Json))!;

    public static async Task<TerminalPaymentView> CancelDevicePaymentAsync(this KasseClient api, Guid paymentId) =>
        await KasseClient.Read<TerminalPaymentView>(await api.PostAsync($"/api/v1/terminal-payments/{paymentId}/cancel", null));

    /// <summary>Asks Kasse (as the till polls) until the payment reaches the state, for at most 20 s.</summary>
    public static Task<TerminalPaymentView> WaitForStateAsync(this KasseClient api, Guid paymentId, TerminalPaymentState state) =>
        Eventually.HoldsAsync(() => api.DevicePaymentAsync(paymentId), p => p.State == state, $"payment {paymentId} to become {state}",
            TimeSpan.FromSeconds(20), p => $"{p.State} ({p.Reason})");

    public static int Charges(JsonElement[] terminalTransactions) =>
        terminalTransactions.Count(t => t.GetProperty("Charged").GetBoolean());

    public static string State(JsonElement transaction) => transaction.GetProperty("State").GetString()!;
}
