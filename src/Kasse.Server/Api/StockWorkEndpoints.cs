using System.Text;
using Kasse.Application.Inventory;
using Kasse.Domain;
using Kasse.Domain.Inventory;
using Kasse.Domain.Staff;
using Kasse.Server.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kasse.Server.Api;

/// <summary>Stock counts, transfers, recipes, stock reports and CSV of stock levels (docs/inventory.md).</summary>
public static class StockWorkEndpoints
{
    private const int MaxCsvBytes = 10 * 1024 * 1024;

    public static RouteGroupBuilder MapStockWork(this RouteGroupBuilder api)
    {
        var counts = api.MapGroup("").WithTags("Stock counts");
        counts.MapPost("/stock-counts", StartCount).RequirePermission(Permission.CountStock, Permission.ManageInventory)
            .WithSummary("Start a count of a location, all of it or one category; blind by default (idempotent by id)");
        counts.MapGet("/stores/{storeId:guid}/stock-counts", ListCounts).RequirePermission(Permission.CountStock, Permission.ManageInventory).WithSummary("The store's latest counts");
        counts.MapGet("/stock-counts/{countId:guid}", GetCount).RequirePermission(Permission.CountStock, Permission.ManageInventory)
            .WithSummary("A count as counters see it (no expected figures when blind)");
        counts.MapPost("/stock-counts/{countId:guid}/scans", Scan).RequirePermission(Permission.CountStock, Permission.ManageInventory)
            .WithSummary("Count by scanning: each scan adds its quantity (1 by default)");
        counts.MapPut("/stock-counts/{countId:guid}/lines/{productId:guid}", SetCounted).RequirePermission(Permission.CountStock, Permission.ManageInventory)
            .WithSummary("Enter the counted total of a product");
        counts.MapPost("/stock-counts/{countId:guid}/submit", Submit).RequirePermission(Permission.CountStock, Permission.ManageInventory)
            .WithSummary("Counting is done: hand the count over for approval");
        counts.MapGet("/stock-counts/{countId:guid}/variance", Variance).RequirePermission(Permission.ManageInventory)
            .WithSummary("Expected, counted and the difference (and its value at cost) per product");
        counts.MapPost("/stock-counts/{countId:guid}/approve", Approve).RequirePermission(Permission.ManageInventory)
            .WithSummary("Approve a submitted count: book each difference as a Count movement");
        counts.MapPost("/stock-counts/{countId:guid}/cancel", CancelCount).RequirePermission(Permission.ManageInventory).WithSummary("Drop a count without adjusting anything");

        var transfers = api.MapGroup("").WithTags("Transfers");
        transfers.MapPost("/stock-transfers", SendTransfer).RequirePermission(Permission.ManageInventory)
            .WithSummary("Send goods to another location or store: out now, in transit until received (idempotent by id)");
        transfers.MapGet("/stores/{storeId:guid}/stock-transfers", ListTransfers).RequirePermission(Permission.ManageInventory)
            .WithSummary("Transfers from or to the store (?status=InTransit|Received|Cancelled)");
        transfers.MapGet("/stock-transfers/{transferId:guid}", GetTransfer).RequirePermission(Permission.ManageInventory).WithSummary("One transfer");
        transfers.MapPost("/stock-transfers/{transferId:guid}/receive", ReceiveTransfer).RequirePermission(Permission.ManageInventory)
            .WithSummary("Book the transfer in at the receiver, all or what actually arrived");
        transfers.MapPost("/stock-transfers/{transferId:guid}/cancel", CancelTransfer).RequirePermission(Permission.ManageInventory)
            .WithSummary("Call a transfer in transit back: the goods return to the sender");

        var recipes = api.MapGroup("/products/{productId:guid}/recipe").WithTags("Recipes");
        recipes.MapGet("/", GetRecipe).RequirePermission(Permission.Browse).WithSummary("The product's recipe and what one sold unit uses of each ingredient");
        recipes.MapPut("/", SaveRecipe).RequirePermission(Permission.ManageInventory)
            .WithSummary("Set the recipe: ingredients in g, kg, ml, l or pcs, with yield and waste factors");
        recipes.MapDelete("/", DeleteRecipe).RequirePermission(Permission.ManageInventory).WithSummary("Remove the recipe: the product is stocked itself again");

        var reports = api.MapGroup("/stores/{storeId:guid}").WithTags("Inventory");
        reports.MapGet("/stock-value", Value).RequirePermission(Permission.SeeReports, Permission.ManageInventory)
            .WithSummary("Stock on hand at moving average cost, per location");
        reports.MapGet("/stock-turnover", Turnover).RequirePermission(Permission.SeeReports, Permission.ManageInventory)
            .WithSummary("Sales, stock and days of cover per product, slowest movers first (?days=28)");
        reports.MapGet("/stock.csv", ExportCsv).RequirePermission(Permission.Browse).WithSummary("Stock levels as CSV: sku;location;on_hand;reorder_point;reorder_quantity");
        reports.MapPost("/stock.csv", ImportCsv).RequirePermission(Permission.ManageInventory)
            .WithSummary("Set stock levels from CSV (text/csv body); any bad row imports nothing and is reported with its line number");
        return api;
    }

    private static async Task<Created<StockCountView>> StartCount(StartCount request, StockCountService counts, CancellationToken ct)
    {
        var count = await counts.StartAsync(request, ct);
        return TypedResults.Created($"/api/v1/stock-counts/{count.Id}", count);
    }

    private static async Task<Ok<IReadOnlyList<StockCountView>>> ListCounts(Guid storeId, StockCountService counts, CancellationToken ct) =>
        TypedResults.Ok(await counts.ListAsync(storeId, ct));

    private static async Task<Ok<StockCountView>> GetCount(Guid countId, StockCountService counts, CancellationToken ct) => TypedResults.Ok(await counts.GetAsync(countId, ct));

    private static async Task<Ok<StockCountView>> Scan(Guid countId, CountScan request, StockCountService counts, CancellationToken ct) =>
        TypedResults.Ok(await counts.CountAsync(countId, request, add: true, ct));

    public sealed record CountedRequest(decimal Quantity);

    private static async Task<Ok<StockCountView>> SetCounted(Guid countId, Guid productId, CountedRequest request, StockCountService counts, CancellationToken ct) =>
        TypedResults.Ok(await counts.CountAsync(countId, new CountScan(ProductId: productId, Quantity: request.Quantity), add: false, ct));

    private static async Task<Ok<StockCountView>> Submit(Guid countId, StockCountService counts, CancellationToken ct) => TypedResults.Ok(await counts.SubmitAsync(countId, ct));

    private static async Task<Ok<VarianceReport>> Variance(Guid countId, StockCountService counts, CancellationToken ct) => TypedResults.Ok(await counts.VarianceAsync(countId, ct));

    private static async Task<Ok<VarianceReport>> Approve(Guid countId, StockCountService counts, CancellationToken ct) => TypedResults.Ok(await counts.ApproveAsync(countId, ct));

    private static async Task<Ok<StockCountView>> CancelCount(Guid countId, StockCountService counts, CancellationToken ct) => TypedResults.Ok(await counts.CancelAsync(countId, ct));

    private static async Task<Created<TransferView>> SendTransfer(SendTransfer request, TransferService transfers, CancellationToken ct)
    {
        var transfer = await transfers.SendAsync(request, ct);
        return TypedResults.Created($"/api/v1/stock-transfers/{transfer.Id}", transfer);
    }

    private static async Task<Ok<IReadOnlyList<TransferView>>> ListTransfers(Guid storeId, TransferStatus? status, TransferService transfers, CancellationToken ct) =>
        TypedResults.Ok(await transfers.ListAsync(storeId, status, ct));

    private static async Task<Ok<TransferView>> GetTransfer(Guid transferId, TransferService transfers, CancellationToken ct) => TypedResults.Ok(await transfers.GetAsync(transferId, ct));

    private static async Task<Ok<TransferView>> ReceiveTransfer(Guid transferId, ReceiveTransfer? request, TransferService transfers, CancellationToken ct) =>
        TypedResults.Ok(await transfers.ReceiveAsync(transferId, request ?? new ReceiveTransfer(), ct));

    private static async Task<Ok<TransferView>> CancelTransfer(Guid transferId, TransferService transfers, CancellationToken ct) => TypedResults.Ok(await transfers.CancelAsync(transferId, ct));

    private static async Task<Ok<RecipeView>> GetRecipe(Guid productId, RecipeService recipes, CancellationToken ct) => TypedResults.Ok(await recipes.GetAsync(productId, ct));

    private static async Task<Ok<RecipeView>> SaveRecipe(Guid productId, SaveRecipe request, RecipeService recipes, CancellationToken ct) =>
        TypedResults.Ok(await recipes.SaveAsync(productId, request, ct));

    private static async Task<NoContent> DeleteRecipe(Guid productId, RecipeService recipes, CancellationToken ct)
    {
        await recipes.DeleteAsync(productId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<StockValueReport>> Value(Guid storeId, StockReports reports, CancellationToken ct) => TypedResults.Ok(await reports.ValueAsync(storeId, ct));

    private static async Task<Ok<IReadOnlyList<StockTurnLine>>> Turnover(Guid storeId, int? days, StockReports reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.TurnoverAsync(storeId, days ?? 28, ct));

    private static async Task<FileContentHttpResult> ExportCsv(Guid storeId, StockReports reports, CancellationToken ct) =>
        TypedResults.File(Encoding.UTF8.GetBytes(await reports.ExportCsvAsync(storeId, ct)), "text/csv", $"stock-{storeId}.csv");

    private static async Task<Ok<StockImportResult>> ImportCsv(Guid storeId, HttpRequest request, StockReports reports, CancellationToken ct)
    {
        if (request.ContentLength > MaxCsvBytes)
            throw DomainException.Invalid(ImportErrors.TooLarge, "The file is larger than 10 MB; split it.");
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        if (text.Length > MaxCsvBytes)
            throw DomainException.Invalid(ImportErrors.TooLarge, "The file is larger than 10 MB; split it.");
        return TypedResults.Ok(await reports.ImportCsvAsync(storeId, text, ct));
    }
}
