using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Kasse.Application.Promotions;
using Kasse.Application.Sales;
using Kasse.Domain.Promotions;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Fiscal;
using Kasse.Server.Tests.Infrastructure;
using static Kasse.Server.Api.PromotionsEndpoints;

namespace Kasse.Server.Tests.Promotions;

public abstract class PromotionTests(KasseServer server)
{
    private static readonly XNamespace Dk = "urn:StandardAuditFile-Taxation-CashRegister:DK";
    private readonly KasseClient _api = server.Client();

    private async Task<PromotionView> CreatePromotionAsync(PromotionRequest request) =>
        await KasseClient.Read<PromotionView>(await _api.PostAsync("/api/v1/promotions", request with { Id = request.Id ?? Guid.CreateVersion7() }));

    private static PromotionRequest ThreeForTwo(Guid product, Guid? storeId = null) =>
        new("3 for 2", PromotionKind.BuyXGetY, new ItemSelector([product], []), BuyQuantity: 2, GetQuantity: 1, StoreId: storeId);

    [Fact]
    public async Task Scanning_three_of_a_three_for_two_shows_the_promotion_as_its_own_line_and_charges_for_two()
    {
        var shop = await _api.NewShopAsync();
        var cola = await _api.NewProductAsync(20.00m, name: "Cola 1,5 l");
        await CreatePromotionAsync(ThreeForTwo(cola.Id, shop.Store.Id));

        var sale = await _api.OpenSaleAsync(shop);
        sale = await _api.AddProductAsync(sale.Id, cola.Id);
        sale = await _api.AddProductAsync(sale.Id, cola.Id);
        Assert.Empty(sale.Promotions!);
        Assert.Equal(40.00m, sale.TotalAmount);
        sale = await _api.AddProductAsync(sale.Id, cola.Id);

        var promotion = Assert.Single(sale.Promotions!);
        Assert.Equal("3 for 2", promotion.Name);
        Assert.Equal(20.00m, promotion.Amount);
        Assert.Equal(3, promotion.LineIds.Count);
        Assert.Equal(40.00m, sale.TotalAmount);
        Assert.Equal(20.00m, sale.Lines.Sum(l => l.PromotionDiscountAmount));

        // Removing one of the three takes the promotion off again.
        var fewer = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Delete, $"/api/v1/sales/{sale.Id}/lines/{sale.Lines[2].Id}", null));
        Assert.Empty(fewer.Promotions!);
        Assert.Equal(40.00m, fewer.TotalAmount);
    }

    [Fact]
    public async Task A_promotion_started_or_stopped_in_the_back_office_counts_from_the_next_scan_of_a_sale_already_open()
    {
        // The till keeps the running promotions in memory (PricingRulesCache); a change must reach it at once.
        var shop = await _api.NewShopAsync();
        var cola = await _api.NewProductAsync(20.00m, name: "Cola 1,5 l");
        var sale = await _api.OpenSaleAsync(shop);
        sale = await _api.AddProductAsync(sale.Id, cola.Id);
        sale = await _api.AddProductAsync(sale.Id, cola.Id);
        sale = await _api.AddProductAsync(sale.Id, cola.Id);
        Assert.Empty(sale.Promotions!);
        Assert.Equal(60.00m, sale.TotalAmount);

        var request = ThreeForTwo(cola.Id, shop.Store.Id) with { Id = Guid.CreateVersion7() };
        await CreatePromotionAsync(request);
        sale = await _api.AddProductAsync(sale.Id, cola.Id);
        Assert.Equal(20.00m, Assert.Single(sale.Promotions!).Amount);
        Assert.Equal(60.00m, sale.TotalAmount);

        await KasseClient.Read<PromotionView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/promotions/{request.Id}", request with { IsActive = false }));
        sale = await _api.AddProductAsync(sale.Id, cola.Id);
        Assert.Empty(sale.Promotions!);
        Assert.Equal(100.00m, sale.TotalAmount);
    }

    [Fact]
    public async Task The_receipt_prints_each_promotion_and_a_partial_return_gives_back_its_share()
    {
        var shop = await _api.NewShopAsync();
        var cola = await _api.NewProductAsync(20.00m, name: "Cola 1,5 l");
        await CreatePromotionAsync(ThreeForTwo(cola.Id, shop.Store.Id));
        var sold = await _api.SellAsync(shop, PaymentMethod.Card, (cola, 3m));
        Assert.Equal(40.00m, sold.TotalAmount);

        var text = await (await _api.Http.GetAsync($"/api/v1/sales/{sold.Id}/receipt.txt")).Content.ReadAsStringAsync();
        Assert.Contains("Tilbud: 3 for 2", text, StringComparison.Ordinal);
        Assert.Contains("-20,00", text, StringComparison.Ordinal);

        var ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
            [new ReturnLineRequest(sold.Lines[0].Id, 1m)]));
        Assert.Equal(-13.33m, ret.TotalAmount);
        var reversed = Assert.Single(ret.Promotions!);
        Assert.Equal(-6.67m, reversed.Amount);

        var rest = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
            [new ReturnLineRequest(sold.Lines[0].Id, 2m)]));
        Assert.Equal(-40.00m, ret.TotalAmount + rest.TotalAmount);
    }

    [Fact]
    public async Task A_coupon_unlocks_its_promotion_on_the_sale_and_an_unknown_code_is_refused()
    {
        var shop = await _api.NewShopAsync();
        var coffee = await _api.NewProductAsync(40.00m, name: "Kaffebønner");
        var promotion = await CreatePromotionAsync(new PromotionRequest("Kupon 25 %", PromotionKind.PercentOff, new ItemSelector([coffee.Id], []),
            Percent: 25m, RequiresCoupon: true));
        var code = "KAFFE-" + server.NextNumber().ToString(CultureInfo.InvariantCulture);
        await KasseClient.Read<CouponView>(await _api.PostAsync("/api/v1/coupons", new CouponRequest(code.ToLowerInvariant(), promotion.Id, Id: Guid.CreateVersion7())));

        var sale = await _api.OpenSaleAsync(shop);
        sale = await _api.AddProductAsync(sale.Id, coffee.Id);
        Assert.Equal(40.00m, sale.TotalAmount);

        await KasseClient.Problem(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/coupon", new ApplyCouponRequest("NOPE-1")),
            HttpStatusCode.NotFound, "coupon.unknown");
        sale = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/coupon", new ApplyCouponRequest(code)));
        Assert.Equal(code, sale.CouponCode);
        Assert.Equal(30.00m, sale.TotalAmount);
        Assert.Equal("Kupon 25 %", Assert.Single(sale.Promotions!).Name);

        sale = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Delete, $"/api/v1/sales/{sale.Id}/coupon", null));
        Assert.Equal(40.00m, sale.TotalAmount);
    }

    [Fact]
    public async Task Happy_hour_prices_only_inside_its_local_hours()
    {
        var shop = await _api.NewShopAsync();
        var beer = await _api.NewProductAsync(50.00m, name: "Fadøl");
        await CreatePromotionAsync(new PromotionRequest("Happy hour", PromotionKind.FixedPrice, new ItemSelector([beer.Id], []), Price: 30m,
            StoreId: shop.Store.Id, Days: Weekdays.Friday, StartTime: new TimeOnly(16, 0), EndTime: new TimeOnly(18, 0)));

        // Friday 6 March 2026, 16:30 in Copenhagen (UTC+1).
        using (server.Clock.PinAt(new DateTimeOffset(2026, 3, 6, 15, 30, 0, TimeSpan.Zero)))
        {
            var sale = await _api.OpenSaleAsync(shop);
            Assert.Equal(30.00m, (await _api.AddProductAsync(sale.Id, beer.Id)).TotalAmount);
        }
        using (server.Clock.PinAt(new DateTimeOffset(2026, 3, 6, 17, 30, 0, TimeSpan.Zero)))
        {
            var sale = await _api.OpenSaleAsync(shop);
            Assert.Equal(50.00m, (await _api.AddProductAsync(sale.Id, beer.Id)).TotalAmount);
        }
    }

    [Fact]
    public async Task A_store_price_list_lowers_the_price_in_its_store_only()
    {
        var shop = await _api.NewShopAsync();
        var other = await _api.NewShopAsync();
        var tea = await _api.NewProductAsync(30.00m, name: "Te");
        var list = await KasseClient.Read<PriceListView>(await _api.PostAsync("/api/v1/price-lists",
            new PriceListRequest("Aarhus priser", [new PriceListPrice(tea.Id, 25.00m)], StoreId: shop.Store.Id, Id: Guid.CreateVersion7())));
        Assert.Equal(25.00m, Assert.Single(list.Prices).Price);

        var here = await _api.AddProductAsync((await _api.OpenSaleAsync(shop)).Id, tea.Id, 2m);
        Assert.Equal(50.00m, here.TotalAmount);
        Assert.Equal(AdjustmentSource.PriceList, Assert.Single(here.Promotions!).Source);
        var there = await _api.AddProductAsync((await _api.OpenSaleAsync(other)).Id, tea.Id, 2m);
        Assert.Equal(60.00m, there.TotalAmount);

        await KasseClient.Problem(await _api.PostAsync("/api/v1/price-lists",
            new PriceListRequest("Forkert", [new PriceListPrice(Guid.CreateVersion7(), 1m)], Id: Guid.CreateVersion7())), HttpStatusCode.NotFound, "product.not-found");
    }

    [Fact]
    public async Task Promotions_are_created_read_changed_and_deleted_and_bad_input_is_explained()
    {
        var drink = await _api.NewProductAsync(15.00m);
        var id = Guid.CreateVersion7();
        var request = new PromotionRequest("2 for 25", PromotionKind.MultiBuy, new ItemSelector([drink.Id], []), BuyQuantity: 2, Price: 25m, Id: id);
        var created = await CreatePromotionAsync(request);
        var again = await CreatePromotionAsync(request with { Name = "ignored" }); // same id again: the promotion that exists
        Assert.Equal((created.Id, "2 for 25", 25m), (again.Id, again.Name, again.Price));
        Assert.Equal(2, (await KasseClient.Read<PromotionView>(await _api.Http.GetAsync($"/api/v1/promotions/{id}"))).BuyQuantity);

        var changed = await KasseClient.Read<PromotionView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/promotions/{id}",
            request with { Name = "2 for 22", Price = 22m }));
        Assert.Equal(22m, changed.Price);
        var all = await KasseClient.Read<List<PromotionView>>(await _api.Http.GetAsync("/api/v1/promotions"));
        Assert.Contains(all, p => p.Id == id && p.Name == "2 for 22");

        await KasseClient.Problem(await _api.PostAsync("/api/v1/promotions", request with { Id = Guid.CreateVersion7(), BuyQuantity = 1 }),
            HttpStatusCode.BadRequest, "promotion.buy-quantity");
        await KasseClient.Problem(await _api.PostAsync("/api/v1/promotions", request with { Id = null }), HttpStatusCode.BadRequest, "promotion.id");
        await KasseClient.Problem(await _api.PostAsync("/api/v1/coupons", new CouponRequest("X1", Guid.CreateVersion7(), Id: Guid.CreateVersion7())),
            HttpStatusCode.NotFound, "promotion.not-found");
        var code = "DUP-" + server.NextNumber().ToString(CultureInfo.InvariantCulture);
        await _api.PostAsync("/api/v1/coupons", new CouponRequest(code, id, Id: Guid.CreateVersion7()));
        await KasseClient.Problem(await _api.PostAsync("/api/v1/coupons", new CouponRequest(code, id, Id: Guid.CreateVersion7())),
            HttpStatusCode.Conflict, "coupon.code-taken");

        Assert.Equal(HttpStatusCode.NoContent, (await _api.SendAsync(HttpMethod.Delete, $"/api/v1/promotions/{id}", null)).StatusCode);
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/promotions/{id}"), HttpStatusCode.NotFound, "promotion.not-found");
        Assert.Empty(await KasseClient.Read<List<CouponView>>(await _api.Http.GetAsync($"/api/v1/coupons?promotionId={id}")));
    }

    [Fact]
    public async Task A_cashier_can_read_promotions_but_not_change_them()
    {
        var cashier = await server.ClientAsAsync("Cashier");
        Assert.Equal(HttpStatusCode.OK, (await cashier.Http.GetAsync("/api/v1/promotions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await cashier.PostAsync("/api/v1/promotions",
            new PromotionRequest("x", PromotionKind.PercentOff, new ItemSelector([Guid.CreateVersion7()], []), Percent: 5m, Id: Guid.CreateVersion7()))).StatusCode);
    }

    [Fact]
    public async Task The_saf_t_export_has_each_promotion_as_a_named_discount_on_its_lines_and_validates()
    {
        var shop = await _api.NewShopAsync();
        var cola = await _api.NewProductAsync(20.00m, name: "Cola 1,5 l");
        var promotion = await CreatePromotionAsync(ThreeForTwo(cola.Id, shop.Store.Id));
        SaleView sold;
        using (server.Clock.PinAt(new DateTimeOffset(2026, 3, 10, 10, 0, 0, TimeSpan.Zero)))
            sold = await _api.SellAsync(shop, PaymentMethod.Card, (cola, 3m));

        byte[] body;
        using (server.Clock.PinAt(new DateTimeOffset(2026, 3, 11, 9, 0, 0, TimeSpan.Zero)))
        {
            var response = await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/exports/saf-t?from=2026-03-10&to=2026-03-10");
            body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(body));
        }
        SaftSchema.AssertValid(body, "SAF-T.xsd");
        var file = XDocument.Load(new MemoryStream(body)).Root!;
        var code = "P-" + promotion.Id.ToString("N");
        Assert.Contains(file.Descendants(Dk + "basic"), b => b.Element(Dk + "basicID")?.Value == code
            && b.Element(Dk + "basicDesc")?.Value == "Promotion: 3 for 2");
        var transaction = file.Descendants(Dk + "cashtransaction").Single(t => t.Element(Dk + "transID")!.Value == sold.Id.ToString());
        var discounts = transaction.Elements(Dk + "ctLine").SelectMany(l => l.Elements(Dk + "discount")).ToList();
        Assert.All(discounts, d => Assert.Equal(code, d.Element(Dk + "dscTp")!.Value));
        Assert.Equal(20.00m, discounts.Sum(d => decimal.Parse(d.Element(Dk + "dscAmnt")!.Value, CultureInfo.InvariantCulture)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PromotionsOnSqlite(SqliteServer server) : PromotionTests(server);

[Collection(PostgresCollection.Name)]
public sealed class PromotionsOnPostgres(PostgresServer server) : PromotionTests(server);
