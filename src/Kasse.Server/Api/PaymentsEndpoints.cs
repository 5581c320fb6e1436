using Kasse.Domain;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Kasse.Application.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>
/// Card terminal and MobilePay payments. They are idempotent by the payment id the till chooses, so they skip the
/// Idempotency-Key middleware: its transaction would hold the request open while the customer pays, and the
/// payment must be saved (committed) before the device is asked.
/// </summary>
public static class PaymentsEndpoints
{
    public static RouteGroupBuilder MapPayments(this RouteGroupBuilder api)
    {
        var payments = api.MapGroup("/").WithTags("Payments");
        payments.MapPost("/sales/{saleId:guid}/terminal-payments", Start).WithMetadata(IdempotentByClientId.Instance)
            .WithSummary("Pay by card (terminal) or MobilePay: saved, then sent once. 200 when settled; 202 while the device waits (poll the Location)")
            .RequirePermission(Permission.Sell);
        payments.MapGet("/sales/{saleId:guid}/terminal-payments", ListForSale).WithSummary("The card and MobilePay payments tried on a sale, newest first")
            .RequirePermission(Permission.Sell, Permission.SeeReports);
        payments.MapGet("/terminal-payments/{paymentId:guid}", Get)
            .WithSummary("A card or MobilePay payment; if its outcome is open, the device is asked (never charged again)")
            .RequirePermission(Permission.Sell, Permission.SeeReports);
        payments.MapPost("/terminal-payments/{paymentId:guid}/cancel", Cancel).WithMetadata(IdempotentByClientId.Instance)
            .WithSummary("Cancel a payment the device is still waiting on (nexo AbortRequest, MobilePay cancel)")
            .RequirePermission(Permission.Sell);
        payments.MapPost("/terminal-payments/{paymentId:guid}/reverse", Reverse).WithMetadata(IdempotentByClientId.Instance)
            .WithSummary("Take back an approved payment of an open sale (nexo ReversalRequest, MobilePay refund); safe to repeat; needs VoidAfterPayment (or VoidSale, as voiding reverses too)")
            .RequirePermission(Permission.VoidAfterPayment, Permission.VoidSale);
        payments.MapGet("/registers/{registerId:guid}/payment-devices", GetDevices).WithSummary("The register's card terminal and MobilePay settings")
            .RequirePermission(Permission.Sell, Permission.ManageSettings);
        payments.MapPut("/registers/{registerId:guid}/payment-devices", ChangeDevices)
            .WithSummary("Set the register's card terminal (URL, POIID) and MobilePay (URL, merchant serial number) and the answer timeout")
            .RequirePermission(Permission.ManageSettings);
        payments.MapPost("/registers/{registerId:guid}/payment-devices/test", TestDevice)
            .WithSummary("Check that the register's card terminal or MobilePay (?method=Card|MobilePay) answers, without charging anything")
            .RequirePermission(Permission.ManageSettings);
        return api;
    }

    private static async Task<Results<Ok<TerminalPaymentView>, Accepted<TerminalPaymentView>>> Start(Guid saleId, StartDevicePayment request,
        TerminalPaymentService payments, CancellationToken ct) => Answer(await payments.StartAsync(saleId, request, ct));

    private static async Task<Ok<IReadOnlyList<TerminalPaymentView>>> ListForSale(Guid saleId, TerminalPaymentService payments, CancellationToken ct) =>
        TypedResults.Ok(await payments.ListForSaleAsync(saleId, ct));

    private static async Task<Ok<TerminalPaymentView>> Get(Guid paymentId, TerminalPaymentService payments, CancellationToken ct) =>
        TypedResults.Ok(await payments.RefreshAsync(paymentId, ct));

    private static async Task<Results<Ok<TerminalPaymentView>, Accepted<TerminalPaymentView>>> Cancel(Guid paymentId, TerminalPaymentService payments,
        CancellationToken ct) => Answer(await payments.CancelAsync(paymentId, ct));

    private static async Task<Ok<TerminalPaymentView>> Reverse(Guid paymentId, TerminalPaymentService payments, CancellationToken ct) =>
        TypedResults.Ok(await payments.ReverseAsync(paymentId, ct));

    private static async Task<Ok<PaymentDevicesView>> GetDevices(Guid registerId, PaymentDevices devices, CancellationToken ct) =>
        TypedResults.Ok(await devices.GetAsync(registerId, ct));

    private static async Task<Ok<PaymentDevicesView>> ChangeDevices(Guid registerId, ChangePaymentDevices request, PaymentDevices devices, CancellationToken ct) =>
        TypedResults.Ok(await devices.ChangeAsync(registerId, request, ct));

    /// <remarks>The method is optional in binding, so a request without it is checked against the store boundary first.</remarks>
    private static async Task<Ok<PaymentDeviceCheck>> TestDevice(Guid registerId, Kasse.Domain.Sales.PaymentMethod? method, PaymentDevices devices,
        CancellationToken ct) => TypedResults.Ok(await devices.CheckAsync(registerId,
            method ?? throw DomainException.Invalid(PaymentErrors.MethodRequired, "Say which device to test: method=Card or method=MobilePay."), ct));

    private static Results<Ok<TerminalPaymentView>, Accepted<TerminalPaymentView>> Answer(TerminalPaymentView view) =>
        view.IsSettled ? TypedResults.Ok(view) : TypedResults.Accepted($"/api/v1/terminal-payments/{view.Id}", view);
}

/// <summary>Marks an endpoint that is idempotent by a client-chosen id and must not run inside the Idempotency-Key transaction.</summary>
public sealed class IdempotentByClientId
{
    public static readonly IdempotentByClientId Instance = new();

    private IdempotentByClientId() { }
}
