using Kasse.Application.Payments;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Microsoft.AspNetCore.Mvc;
using Kasse.Domain.Sales;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

public static class SalesEndpoints
{
    public sealed record ChangeQuantityRequest(decimal Quantity);

    public sealed record ResumeRequest(Guid RegisterId);

    public static RouteGroupBuilder MapSales(this RouteGroupBuilder api)
    {
        var sales = api.MapGroup("/sales").WithTags("Sales");
        var reading = new[] { Permission.Sell, Permission.SeeReports };
        sales.MapPost("/", Open).WithSummary("Open a sale on a register, or with lines, payments and complete: true place a whole sale in one "
            + "durable transaction (all or nothing); the client chooses the id, so a retry opens or charges nothing new").RequirePermission(Permission.Sell);
        sales.MapGet("/{saleId:guid}", Get).WithSummary("The sale with its lines, totals, VAT and payments").RequirePermission(reading);
        sales.MapPost("/{saleId:guid}/lines", AddLine).WithSummary("Add a line by barcode, product id, or free text with a price").RequirePermission(Permission.Sell);
        sales.MapPatch("/{saleId:guid}/lines/{lineId:guid}", ChangeQuantity).WithSummary("Change a line's quantity (or weight)").RequirePermission(Permission.Sell);
        sales.MapDelete("/{saleId:guid}/lines/{lineId:guid}", RemoveLine).WithSummary("Remove a line").RequirePermission(Permission.Sell);
        sales.MapPut("/{saleId:guid}/lines/{lineId:guid}/price", OverridePrice).WithSummary("Sell a line's product at another price (one change); needs PriceOverride or a supervisor's approval in the body").RequirePermission(Permission.Sell);
        sales.MapPut("/{saleId:guid}/lines/{lineId:guid}/discount", SetLineDiscount).WithSummary("Set or clear (kind None) a line discount, with a reason").RequirePermission(Permission.Sell);
        sales.MapPut("/{saleId:guid}/discount", SetSaleDiscount).WithSummary("Set or clear (kind None) a discount on the whole sale, with a reason").RequirePermission(Permission.Sell);
        sales.MapPost("/{saleId:guid}/park", Park).WithSummary("Park the sale to serve the next customer").RequirePermission(Permission.Sell);
        sales.MapPost("/{saleId:guid}/resume", Resume).WithSummary("Resume a parked sale on a register of the same store").RequirePermission(Permission.Sell);
        sales.MapPost("/{saleId:guid}/void", Void).WithMetadata(IdempotentByClientId.Instance)
            .WithSummary("Void an open or parked sale; card and MobilePay payments are reversed on the device first").RequirePermission(Permission.VoidSale);
        sales.MapPost("/{saleId:guid}/payments", AddPayment).WithSummary("Take a payment: cash (tendered, change, cash rounding), card, MobilePay, gift card; split tender by several calls").RequirePermission(Permission.Sell);
        sales.MapDelete("/{saleId:guid}/payments/{paymentId:guid}", RemovePayment).WithSummary("Take back a payment before completion (money handed back); needs VoidAfterPayment or a supervisor's approval in the body").RequirePermission(Permission.Sell);
        sales.MapPost("/{saleId:guid}/complete", Complete).WithSummary("Complete a paid sale: it gets the register's next receipt number and never changes again; its receipt is queued on the register's printer (?printReceipt=false for none) and a cash sale opens the drawer").RequirePermission(Permission.Sell);
        sales.MapGet("/{saleId:guid}/receipt", Receipt).WithSummary("The receipt of a completed sale as JSON").RequirePermission(reading);
        sales.MapPost("/{saleId:guid}/receipt/copy", CopyReceipt).WithSummary("Print the one copy a completed sale may have, marked KOPI (journaled)").RequirePermission(Permission.Sell);
        sales.MapPost("/{saleId:guid}/receipt/delivery", DeliveryReceipt).WithSummary("Print a delivery note (følgeseddel) of a completed sale, marked as not a receipt (journaled, SAF-T 13016)").RequirePermission(Permission.Sell);
        sales.MapPost("/{saleId:guid}/receipt/provisional", ProvisionalReceipt).WithSummary("Print a provisional (pro-forma) receipt of an open sale, marked as not a receipt (journaled)").RequirePermission(Permission.Sell);
        sales.MapGet("/{saleId:guid}/receipt.txt", ReceiptAsText).WithSummary("The receipt laid out as a Danish kassebon (plain text, 42 columns; ?width=32 for 58 mm paper)").RequirePermission(reading);

        api.MapGet("/registers/{registerId:guid}/receipts/{receiptNumber:long}", FindByReceipt).WithTags("Sales")
            .WithSummary("Find a completed sale by register and receipt number (e.g. for a return)").RequirePermission(Permission.Sell, Permission.Refund, Permission.SeeReports);
        api.MapGet("/registers/{registerId:guid}/open-sale", OpenSaleOfRegister).WithTags("Sales")
            .WithSummary("The sale open on the register (the newest), with its lines and payments, so any till signing in there carries on with it; 204 when none is open").RequirePermission(Permission.Sell);
        api.MapGet("/receipts/{code}", FindByReceiptCode).WithTags("Sales")
            .WithSummary("Find a completed sale by the barcode printed on its receipt (e.g. scanned for a return)").RequirePermission(Permission.Sell, Permission.Refund, Permission.SeeReports);
        return api;
    }

    /// <summary>201 with the sale made; 200 when the same whole sale was placed before (a retry), with that sale.</summary>
    private static async Task<Results<Created<SaleView>, Ok<SaleView>>> Open(PlaceSale request, SaleUseCases sales, CancellationToken ct)
    {
        var placed = await sales.PlaceAsync(request, ct);
        return placed.Replayed ? TypedResults.Ok(placed.Sale) : TypedResults.Created($"/api/v1/sales/{placed.Sale.Id}", placed.Sale);
    }

    private static async Task<Ok<SaleView>> Get(Guid saleId, SalesService sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.GetAsync(saleId, ct));

    private static async Task<Ok<SaleView>> AddLine(Guid saleId, AddLine request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.AddLineAsync(saleId, request, ct));

    private static async Task<Ok<SaleView>> ChangeQuantity(Guid saleId, Guid lineId, ChangeQuantityRequest request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.ChangeQuantityAsync(saleId, lineId, request.Quantity, ct));

    private static async Task<Ok<SaleView>> RemoveLine(Guid saleId, Guid lineId, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.RemoveLineAsync(saleId, lineId, ct));

    private static async Task<Ok<SaleView>> OverridePrice(Guid saleId, Guid lineId, OverridePrice request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.OverridePriceAsync(saleId, lineId, request, ct));

    private static async Task<Ok<SaleView>> SetLineDiscount(Guid saleId, Guid lineId, SetDiscount request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.SetDiscountAsync(saleId, lineId, request, ct));

    private static async Task<Ok<SaleView>> SetSaleDiscount(Guid saleId, SetDiscount request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.SetDiscountAsync(saleId, null, request, ct));

    private static async Task<Ok<SaleView>> Park(Guid saleId, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.ParkAsync(saleId, ct));

    private static async Task<Ok<SaleView>> Resume(Guid saleId, ResumeRequest request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.ResumeAsync(saleId, request.RegisterId, ct));

    // Money taken by a card terminal or MobilePay goes back first (ReversalRequest / refund), then the sale is voided.
    private static async Task<Ok<SaleView>> Void(Guid saleId, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.VoidAsync(saleId, ct));

    private static async Task<Ok<SaleView>> AddPayment(Guid saleId, AddPayment request, SaleUseCases sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.AddPaymentAsync(saleId, request, ct));

    private static async Task<Ok<SaleView>> RemovePayment(Guid saleId, Guid paymentId, [FromBody] VoidPayment? request, SaleUseCases sales,
        CancellationToken ct) =>
        TypedResults.Ok(await sales.RemovePaymentAsync(saleId, paymentId, request ?? new VoidPayment(), ct));

    /// <param name="printReceipt">false (in the body or the query) when the customer wants no paper receipt; the drawer still opens for cash.</param>
    private static async Task<Ok<SaleView>> Complete(Guid saleId, CompleteSale? request, SaleUseCases sales, CancellationToken ct, bool? printReceipt = null) =>
        TypedResults.Ok(await sales.CompleteAsync(saleId, request?.PrintReceipt ?? printReceipt ?? true, ct));

    private static async Task<Ok<ReceiptView>> Receipt(Guid saleId, ReceiptService receipts, CancellationToken ct) =>
        TypedResults.Ok(await receipts.GetAsync(saleId, ct));

    private static async Task<Ok<PrintedReceipt>> CopyReceipt(Guid saleId, int? width, ReceiptUseCases receipts, CancellationToken ct) =>
        TypedResults.Ok(await receipts.CopyAsync(saleId, Width(width), ct));

    private static async Task<Ok<PrintedReceipt>> DeliveryReceipt(Guid saleId, int? width, ReceiptUseCases receipts, CancellationToken ct) =>
        TypedResults.Ok(await receipts.DeliveryAsync(saleId, Width(width), ct));

    private static async Task<Ok<PrintedReceipt>> ProvisionalReceipt(Guid saleId, int? width, ReceiptUseCases receipts, CancellationToken ct) =>
        TypedResults.Ok(await receipts.ProvisionalAsync(saleId, Width(width), ct));

    private static int Width(int? width) => width switch
    {
        null => 42,
        32 or 42 or 48 => width.Value,
        _ => throw Kasse.Domain.DomainException.Invalid(ReceiptErrors.Width, "Receipt width is 32 (58 mm), 42 or 48 (80 mm) columns."),
    };

    private static async Task<ContentHttpResult> ReceiptAsText(Guid saleId, int? width, ReceiptService receipts, CancellationToken ct)
    {
        var columns = Width(width);
        return TypedResults.Text(ReceiptText.Render(await receipts.GetAsync(saleId, ct), columns), "text/plain; charset=utf-8");
    }

    private static async Task<Ok<SaleView>> FindByReceiptCode(string code, SalesService sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.FindByReceiptCodeAsync(code, ct));

    private static async Task<Results<Ok<SaleView>, NoContent>> OpenSaleOfRegister(Guid registerId, SaleUseCases sales, CancellationToken ct) =>
        await sales.OpenSaleOfRegisterAsync(registerId, ct) is { } sale ? TypedResults.Ok(sale) : TypedResults.NoContent();

    private static async Task<Ok<SaleView>> FindByReceipt(Guid registerId, long receiptNumber, SalesService sales, CancellationToken ct) =>
        TypedResults.Ok(await sales.FindByReceiptAsync(registerId, receiptNumber, ct));
}
