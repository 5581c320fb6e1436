using System.Globalization;
using Kasse.Application.Catalog;
using Kasse.Application.Reporting;
using Kasse.Application.Sales;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Reporting;

/// <summary>What report tests do through the API: products with a category and cost, sales at a chosen hour, reports.</summary>
public static class ReportIntents
{
    public static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    /// <summary>The instant of a local time in Copenhagen.</summary>
    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, minute)), Copenhagen), TimeSpan.Zero);

    public static async Task<Guid> NewCategoryAsync(this KasseClient api, string name)
    {
        var id = Guid.CreateVersion7();
        await KasseClient.Read<object>(await api.PostAsync("/api/v1/categories", new { id, name }));
        return id;
    }

    public static async Task<ProductView> NewProductAsync(this KasseClient api, KasseServer server, string name, decimal price, decimal vat = 25m,
        Unit unit = Unit.Piece, Guid? categoryId = null, decimal? cost = null) =>
        await KasseClient.Read<ProductView>(await api.PostAsync("/api/v1/products", new
        {
            id = Guid.CreateVersion7(),
            sku = $"R-{server.NextNumber()}",
            name,
            price,
            vatPercent = vat,
            unit,
            categoryId,
            costPrice = cost,
        }));

    public static async Task SetTrainingAsync(this KasseClient api, Shop shop, bool on) =>
        await KasseClient.Read<object>(await api.PostAsync($"/api/v1/registers/{shop.Register.Id}/training", new { on }));

    public static async Task<SaleView> LineDiscountAsync(this KasseClient api, Guid saleId, Guid lineId, decimal percent) =>
        await KasseClient.Read<SaleView>(await api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{saleId}/lines/{lineId}/discount",
            new SetDiscount(DiscountKind.Percent, percent, "Kort holdbarhed")));

    public static async Task<SaleView> SaleDiscountAsync(this KasseClient api, Guid saleId, decimal amount) =>
        await KasseClient.Read<SaleView>(await api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{saleId}/discount",
            new SetDiscount(DiscountKind.Amount, amount, "Stamkunde")));

    /// <summary>Pays what is due with the method (cash: a round 100s note amount) and completes.</summary>
    public static async Task<SaleView> PayAndCompleteAsync(this KasseClient api, SaleView sale, PaymentMethod method)
    {
        sale = method == PaymentMethod.Cash
            ? await api.PayCashAsync(sale.Id, Math.Ceiling(sale.TotalAmount / 100m) * 100m + 100m)
            : await api.PayAsync(sale.Id, method);
        return await api.CompleteAsync(sale.Id);
    }

    public static string Query(Shop shop, DateOnly from, DateOnly to) =>
        $"from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&storeId={shop.Store.Id}";

    public static async Task<SalesReport> ReportAsync(this KasseClient api, Shop shop, DateOnly from, DateOnly to) =>
        await KasseClient.Read<SalesReport>(await api.Http.GetAsync("/api/v1/sales-reports?" + Query(shop, from, to)));

    public static ReportRow Row(this IReadOnlyList<ReportRow> rows, string name) =>
        rows.SingleOrDefault(r => r.Name == name) ?? throw new Xunit.Sdk.XunitException(
            $"No report row '{name}'; the rows are: {string.Join(", ", rows.Select(r => r.Name))}");
}
