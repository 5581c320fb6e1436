using System.Net;
using System.Text;
using System.Text.Json;
using Kasse.Application.Catalog;
using Kasse.Application.Reporting;
using Kasse.Application.Sales;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using static Kasse.Server.Tests.Reporting.ReportIntents;

namespace Kasse.Server.Tests.Reporting;

public abstract class SalesReportTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    /// <summary>A Monday, so the heat map's weekday is known.</summary>
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private sealed record Day(Shop Shop, Guid Dairy, ProductView Milk, ProductView Cake, ProductView Cheese,
        SaleView Morning, SaleView Afternoon, SaleView Return, SaleView Training);

    /// <summary>
    /// A cash sale at 10:15 (milk with cost, cake with a 10 % discount), a card sale at 14:40 (weighed cheese with cost, milk,
    /// 5 kr off the sale), a return of one milk at 10:30, and a training sale that must count nowhere.
    /// </summary>
    private async Task<Day> ADayOfTradeAsync()
    {
        var shop = await _api.NewShopAsync();
        var dairy = await _api.NewCategoryAsync($"Mejeri {server.NextNumber()}");
        var milk = await _api.NewProductAsync(server, $"Sødmælk {server.NextNumber()}", 12.95m, categoryId: dairy, cost: 8.00m);
        var cake = await _api.NewProductAsync(server, $"Lagkage {server.NextNumber()}", 34.50m);
        var cheese = await _api.NewProductAsync(server, $"Danbo {server.NextNumber()}", 159.00m, unit: Unit.Kilogram, categoryId: dairy, cost: 90.00m);

        SaleView morning, afternoon, ret, training;
        using (server.Clock.PinAt(At(Monday, 10, 15)))
        {
            var sale = await _api.OpenSaleAsync(shop);
            sale = await _api.AddProductAsync(sale.Id, milk.Id, 3m);
            sale = await _api.AddProductAsync(sale.Id, cake.Id);
            sale = await _api.LineDiscountAsync(sale.Id, sale.Lines[1].Id, 10m);
            morning = await _api.PayAndCompleteAsync(sale, PaymentMethod.Cash);
        }
        using (server.Clock.PinAt(At(Monday, 10, 30)))
            ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, morning.Id,
                [new ReturnLineRequest(morning.Lines[0].Id, 1m)], Reason: "Sur"));
        using (server.Clock.PinAt(At(Monday, 14, 40)))
        {
            var sale = await _api.OpenSaleAsync(shop);
            sale = await _api.AddProductAsync(sale.Id, cheese.Id, 0.412m);
            sale = await _api.AddProductAsync(sale.Id, milk.Id);
            sale = await _api.SaleDiscountAsync(sale.Id, 5.00m);
            afternoon = await _api.PayAndCompleteAsync(sale, PaymentMethod.Card);
        }
        using (server.Clock.PinAt(At(Monday, 15, 5)))
        {
            await _api.SetTrainingAsync(shop, on: true);
            training = await _api.SellAsync(shop, PaymentMethod.Card, (cake, 2m), (milk, 4m));
            await _api.SetTrainingAsync(shop, on: false);
        }
        Assert.True(training.IsTraining);
        return new Day(shop, dairy, milk, cake, cheese, morning, afternoon, ret, training);
    }

    [Fact]
    public async Task Sales_and_returns_land_in_every_report_to_the_ore_and_training_sales_in_none()
    {
        var day = await ADayOfTradeAsync();
        SaleView[] counted = [day.Morning, day.Afternoon, day.Return];

        var report = await _api.ReportAsync(day.Shop, Monday, Monday);

        var totals = report.Totals;
        Assert.Equal("DKK", report.Currency);
        Assert.Equal(2, totals.Receipts);
        Assert.Equal(1, totals.Returns);
        Assert.Equal(counted.Sum(s => s.TotalAmount), totals.Gross);
        Assert.Equal(counted.Sum(s => s.Vat.Sum(v => v.Vat)), totals.Vat);
        Assert.Equal(counted.Sum(s => s.Vat.Sum(v => v.Net)), totals.Net);
        Assert.Equal(counted.Sum(s => s.DiscountTotal), totals.Discounts);
        Assert.Equal(-day.Return.TotalAmount, totals.Refunded);
        Assert.Equal(12.95m, totals.Refunded);
        Assert.Equal(counted.Sum(s => s.CashRounding), totals.CashRounding);
        Assert.Equal(3 + 1 + 1 + 1, totals.ItemsSold); // pieces, and one per weighed line
        Assert.Equal(1, totals.ItemsReturned);
        // Cost is known for milk (3 + 1 − 1 at 8.00) and cheese (0.412 kg at 90.00); the cake has none.
        Assert.Equal(3 * 8.00m + 37.08m, totals.Cost);
        Assert.Equal(Math.Round((day.Morning.TotalAmount + day.Afternoon.TotalAmount) / 2m, 2, MidpointRounding.AwayFromZero), totals.AverageBasket);
        Assert.Equal(3m, totals.ItemsPerBasket);

        var day1 = Assert.Single(report.ByDay);
        Assert.Equal(Monday, day1.Day);
        Assert.Equal(totals, day1.Figures);
        Assert.Equal(totals, Assert.Single(report.ByStore).Figures);
        Assert.Equal(totals, report.ByEmployee.Single(r => r.Key == day.Shop.CashierId.ToString()).Figures);

        Assert.Equal(new[] { "10", "14" }, report.ByHour.Select(h => h.Key));
        Assert.Equal(day.Morning.TotalAmount + day.Return.TotalAmount, report.ByHour[0].Figures.Gross);
        Assert.Equal(day.Afternoon.TotalAmount, report.ByHour[1].Figures.Gross);
        Assert.Equal(new[] { (1, 10, 1L, day.Morning.TotalAmount + day.Return.TotalAmount), (1, 14, 1L, day.Afternoon.TotalAmount) },
            report.Heatmap.Select(c => (c.Weekday, c.Hour, c.Receipts, c.Gross)));

        var milkRow = report.ByProduct.Row(day.Milk.Name);
        var milkLines = counted.SelectMany(s => s.Lines).Where(l => l.ProductId == day.Milk.Id).ToList();
        Assert.Equal(milkLines.Sum(l => l.TotalAmount), milkRow.Figures.Gross);
        Assert.Equal((4L, 1L), (milkRow.Figures.ItemsSold, milkRow.Figures.ItemsReturned));
        Assert.Equal(24.00m, milkRow.Figures.Cost);
        Assert.Equal(milkRow.Figures.Net - 24.00m, milkRow.Figures.Margin);
        var cakeRow = report.ByProduct.Row(day.Cake.Name);
        Assert.Equal(31.05m, cakeRow.Figures.Gross); // 34.50 less 10 %
        Assert.Equal(3.45m, cakeRow.Figures.Discounts);
        Assert.Null(cakeRow.Figures.Cost);
        Assert.Null(cakeRow.Figures.Margin);
        Assert.Equal(totals.Gross, report.ByProduct.Sum(r => r.Figures.Gross));
        Assert.Equal(totals.Vat, report.ByProduct.Sum(r => r.Figures.Vat));
        Assert.Equal(totals.Net, report.ByProduct.Sum(r => r.Figures.Net));

        var dairyRow = report.ByCategory.Single(r => r.Key == day.Dairy.ToString());
        Assert.Equal(milkRow.Figures.Gross + report.ByProduct.Row(day.Cheese.Name).Figures.Gross, dairyRow.Figures.Gross);
        Assert.Equal(61.08m, dairyRow.Figures.Cost);
        Assert.Equal(cakeRow.Figures.Gross, report.ByCategory.Single(r => r.Key == "").Figures.Gross);
        Assert.Equal(totals.Vat, report.ByCategory.Sum(r => r.Figures.Vat));

        var cash = report.ByPaymentMethod.Row("Cash").Figures;
        Assert.Equal((1, 1), (cash.Receipts, cash.Returns));
        Assert.Equal(day.Morning.Payments.Sum(p => p.Amount) + day.Return.Payments.Sum(p => p.Amount), cash.Gross);
        Assert.Equal(day.Morning.CashRounding + day.Return.CashRounding, cash.CashRounding);
        var card = report.ByPaymentMethod.Row("Card").Figures;
        Assert.Equal((1, 0, day.Afternoon.TotalAmount), (card.Receipts, card.Returns, card.Gross));
    }

    [Fact]
    public async Task A_training_sale_changes_no_report()
    {
        var shop = await _api.NewShopAsync();
        var cake = await _api.NewProductAsync(server, $"Kringle {server.NextNumber()}", 45.00m, cost: 20m);
        using var pinned = server.Clock.PinAt(At(Monday, 9));
        await _api.SellAsync(shop, PaymentMethod.Card, (cake, 1m));
        var before = JsonSerializer.Serialize(await _api.ReportAsync(shop, Monday, Monday), KasseClient.Json);

        await _api.SetTrainingAsync(shop, on: true);
        var training = await _api.SellAsync(shop, PaymentMethod.Cash, (cake, 3m));
        await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, training.Id,
            [new ReturnLineRequest(training.Lines[0].Id, 1m)]));
        await _api.SetTrainingAsync(shop, on: false);

        Assert.Equal(before, JsonSerializer.Serialize(await _api.ReportAsync(shop, Monday, Monday), KasseClient.Json));
    }

    [Fact]
    public async Task The_summaries_equal_a_recomputation_from_the_sales_after_many_mixed_sales()
    {
        var shop = await _api.NewShopAsync();
        var categories = new[] { await _api.NewCategoryAsync($"Brød {server.NextNumber()}"), await _api.NewCategoryAsync($"Frugt {server.NextNumber()}") };
        var products = new List<ProductView>
        {
            await _api.NewProductAsync(server, $"Rugbrød {server.NextNumber()}", 24.95m, categoryId: categories[0], cost: 11.20m),
            await _api.NewProductAsync(server, $"Boller {server.NextNumber()}", 7.50m, categoryId: categories[0]),
            await _api.NewProductAsync(server, $"Æbler {server.NextNumber()}", 19.95m, unit: Unit.Kilogram, categoryId: categories[1], cost: 9.99m),
            await _api.NewProductAsync(server, $"Avis {server.NextNumber()}", 30.00m, vat: 0m, cost: 21.00m),
            await _api.NewProductAsync(server, $"Pose {server.NextNumber()}", 4.00m),
        };
        var random = new Random(1802);
        var sales = new List<SaleView>();
        for (var i = 0; i < 30; i++)
        {
            var day = Monday.AddDays(random.Next(0, 9));
            using var pinned = server.Clock.PinAt(At(day, random.Next(7, 22), random.Next(0, 60)));
            var training = random.Next(10) == 0;
            if (training)
                await _api.SetTrainingAsync(shop, on: true);
            var sale = await _api.OpenSaleAsync(shop);
            foreach (var product in products.OrderBy(_ => random.Next()).Take(random.Next(1, 5)))
                sale = await _api.AddProductAsync(sale.Id, product.Id, product.Unit == Unit.Piece ? random.Next(1, 6) : random.Next(100, 3000) / 1000m);
            if (random.Next(4) == 0)
                sale = await _api.LineDiscountAsync(sale.Id, sale.Lines[0].Id, random.Next(1, 21));
            if (random.Next(5) == 0 && sale.TotalAmount > 20m)
                sale = await _api.SaleDiscountAsync(sale.Id, 3.33m);
            sale = await _api.PayAndCompleteAsync(sale, (PaymentMethod)random.Next(0, 3));
            if (training)
                await _api.SetTrainingAsync(shop, on: false);
            sales.Add(sale);
            if (random.Next(4) == 0)
            {
                var line = sale.Lines[random.Next(sale.Lines.Count)];
                if (training)
                    await _api.SetTrainingAsync(shop, on: true);
                sales.Add(await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sale.Id,
                    [new ReturnLineRequest(line.Id, line.Unit == Unit.Piece ? 1m : line.Quantity)])));
                if (training)
                    await _api.SetTrainingAsync(shop, on: false);
            }
        }
        var from = Monday;
        var to = Monday.AddDays(8);

        var running = await _api.ReportAsync(shop, from, to);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var rebuilt = await scope.ServiceProvider.GetRequiredService<SalesSummaryRebuild>().RebuildAsync(shop.Store.Id, CancellationToken.None);
            Assert.Equal(sales.Count(s => !s.IsTraining), rebuilt.Sales);
        }
        var recomputed = await _api.ReportAsync(shop, from, to);

        Assert.Equal(JsonSerializer.Serialize(running, KasseClient.Json), JsonSerializer.Serialize(recomputed, KasseClient.Json));
        var real = sales.Where(s => !s.IsTraining).ToList();
        Assert.Contains(sales, s => s.IsTraining);
        Assert.Equal(real.Count(s => s.Kind == SaleKind.Sale), running.Totals.Receipts);
        Assert.Equal(real.Count(s => s.Kind == SaleKind.Return), running.Totals.Returns);
        Assert.Equal(real.Sum(s => s.TotalAmount), running.Totals.Gross);
        Assert.Equal(real.Sum(s => s.Vat.Sum(v => v.Vat)), running.Totals.Vat);
        Assert.Equal(real.Sum(s => s.DiscountTotal), running.Totals.Discounts);
        Assert.Equal(real.Sum(s => s.CashRounding), running.Totals.CashRounding);
        foreach (var group in real.GroupBy(s => s.BusinessDay!.Value))
            Assert.Equal(group.Sum(s => s.TotalAmount), running.ByDay.Single(d => d.Day == group.Key).Figures.Gross);
        foreach (var method in real.SelectMany(s => s.Payments).GroupBy(p => p.Method))
            Assert.Equal(method.Sum(p => p.Amount), running.ByPaymentMethod.Single(r => r.Key == method.Key.ToString()).Figures.Gross);
        Assert.Equal(running.Totals.Vat, running.ByHour.Sum(r => r.Figures.Vat));
        Assert.Equal(running.Totals.Gross, running.Heatmap.Sum(c => c.Gross));
    }

    [Fact]
    public async Task Tips_are_beside_the_sales_per_day_employee_and_payment_method_never_in_the_turnover_and_survive_a_rebuild()
    {
        var shop = await _api.NewShopAsync();
        var dinner = await _api.NewProductAsync(server, $"Dagens ret {server.NextNumber()}", 100.00m);
        var coffee = await _api.NewProductAsync(server, $"Kaffe {server.NextNumber()}", 40.00m);
        async Task<SaleView> SellAsync(ProductView product, decimal quantity, AddPayment payment, Guid? handOverTo = null)
        {
            var sale = await _api.AddProductAsync((await _api.OpenSaleAsync(shop)).Id, product.Id, quantity);
            if (handOverTo is { } waiter)
                await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/hand-over", new HandOverSale(waiter)));
            await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/payments", payment));
            return await _api.CompleteAsync(sale.Id);
        }
        using (server.Clock.PinAt(At(Monday, 12, 10)))
            await SellAsync(dinner, 1m, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Card, Tip: 10.00m));
        using (server.Clock.PinAt(At(Monday, 12, 40)))
            await SellAsync(coffee, 1m, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Cash, Tendered: 50m, Tip: 5.00m), handOverTo: shop.SupervisorId);
        using (server.Clock.PinAt(At(Monday.AddDays(1), 19, 30)))
            await SellAsync(coffee, 2m, new AddPayment(Guid.CreateVersion7(), PaymentMethod.Cash, Tendered: 100m, KeepChangeAsTip: true));

        var report = await _api.ReportAsync(shop, Monday, Monday.AddDays(1));
        var byDay = await KasseClient.Read<JsonElement>(await _api.Http.GetAsync($"/api/v1/sales-reports/by-day?{Query(shop, Monday, Monday.AddDays(1))}"));
        var csv = Encoding.UTF8.GetString(await _api.Http.GetByteArrayAsync($"/api/v1/sales-reports/by-employee.csv?{Query(shop, Monday, Monday.AddDays(1))}"));
        await using (var scope = server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<SalesSummaryRebuild>().RebuildAsync(shop.Store.Id, CancellationToken.None);
        var rebuilt = await _api.ReportAsync(shop, Monday, Monday.AddDays(1));

        // Sales are 100 + 40 + 80; the tips (10 card, 5 and 20 cash) are beside them, in no sales figure.
        Assert.Equal((220.00m, 176.00m, 35.00m), (report.Totals.Gross, report.Totals.Net, report.Totals.Tips));
        Assert.Equal(Math.Round(220.00m / 3, 2), report.Totals.AverageBasket);
        Assert.Equal([(Monday, 140.00m, 15.00m), (Monday.AddDays(1), 80.00m, 20.00m)], report.ByDay.Select(d => (d.Day, d.Figures.Gross, d.Figures.Tips)));
        Assert.Equal((180.00m, 30.00m), (report.ByEmployee.Single(r => r.Key == shop.CashierId.ToString()).Figures.Gross,
            report.ByEmployee.Single(r => r.Key == shop.CashierId.ToString()).Figures.Tips));
        Assert.Equal((40.00m, 5.00m), (report.ByEmployee.Single(r => r.Key == shop.SupervisorId.ToString()).Figures.Gross,
            report.ByEmployee.Single(r => r.Key == shop.SupervisorId.ToString()).Figures.Tips));
        Assert.Equal((100.00m, 10.00m), (report.ByPaymentMethod.Single(r => r.Key == "Card").Figures.Gross, report.ByPaymentMethod.Single(r => r.Key == "Card").Figures.Tips));
        Assert.Equal((120.00m, 25.00m), (report.ByPaymentMethod.Single(r => r.Key == "Cash").Figures.Gross, report.ByPaymentMethod.Single(r => r.Key == "Cash").Figures.Tips));
        Assert.Equal(35.00m, report.ByHour.Sum(r => r.Figures.Tips));
        Assert.Equal(35.00m, report.ByStore.Single().Figures.Tips);
        Assert.All(report.ByProduct, r => Assert.Equal(0m, r.Figures.Tips));
        Assert.Equal([15.00m, 20.00m], byDay.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("tips").GetDecimal()));
        Assert.Contains("Tips (not in sales)", csv.Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(report, KasseClient.Json), JsonSerializer.Serialize(rebuilt, KasseClient.Json));
    }

    [Fact]
    public async Task Every_report_downloads_as_csv_and_as_a_pdf_an_owner_can_read()
    {
        var day = await ADayOfTradeAsync();
        var query = Query(day.Shop, Monday, Monday);

        foreach (var kind in SalesReportTables.All)
        {
            var csv = await _api.Http.GetAsync($"/api/v1/sales-reports/{kind.Slug()}.csv?{query}");
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            Assert.EndsWith(".csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName ?? "");
            var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').TrimEnd().Split("\r\n");
            Assert.True(lines.Length >= 2, $"{kind}: {string.Join('|', lines)}");
            Assert.All(lines, l => Assert.Equal(lines[0].Count(c => c == ';'), l.Count(c => c == ';')));

            var pdf = await _api.Http.GetAsync($"/api/v1/sales-reports/{kind.Slug()}.pdf?{query}");
            Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
            Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
            using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
            var text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.Contains(kind.Title().Split(' ')[0], text);
            Assert.Contains(day.Shop.Store.Name.Split(' ')[0], text);
        }

        var products = Encoding.UTF8.GetString(await _api.Http.GetByteArrayAsync($"/api/v1/sales-reports/by-product.csv?{query}")).Split("\r\n");
        Assert.StartsWith("\uFEFFProduct;Receipts;Returns;Items sold;", products[0]);
        Assert.Contains($"{day.Cake.Name};1;0;1;0;31.05;24.84;6.21;3.45;0.00;;;;31.05;1;0.00", products);
        var danish = Encoding.UTF8.GetString(await _api.Http.GetByteArrayAsync($"/api/v1/sales-reports/by-product.csv?{query}&decimalComma=true")).Split("\r\n");
        Assert.Contains($"{day.Cake.Name};1;0;1;0;31,05;24,84;6,21;3,45;0,00;;;;31,05;1;0,00", danish);

        var json = await KasseClient.Read<JsonElement>(await _api.Http.GetAsync($"/api/v1/sales-reports/by-product?{query}"));
        var cake = json.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("name").GetString() == day.Cake.Name);
        Assert.Equal(31.05m, cake.GetProperty("gross").GetDecimal());

        var all = await _api.Http.GetAsync($"/api/v1/sales-reports/all.pdf?{query}");
        using var whole = PdfDocument.Open(await all.Content.ReadAsByteArrayAsync());
        var wholeText = string.Join("\n", whole.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains(day.Milk.Name.Split(' ')[0], wholeText);
        Assert.Contains("31.05", wholeText);
    }

    [Fact]
    public async Task Today_is_compared_with_the_same_weekday_last_week_up_to_the_same_hour()
    {
        var shop = await _api.NewShopAsync();
        var bun = await _api.NewProductAsync(server, $"Tebirkes {server.NextNumber()}", 12.00m);
        var lastWeek = Monday.AddDays(-7);
        using (server.Clock.PinAt(At(lastWeek, 9)))
            await _api.SellAsync(shop, PaymentMethod.Card, (bun, 2m));
        using (server.Clock.PinAt(At(lastWeek, 16)))
            await _api.SellAsync(shop, PaymentMethod.Card, (bun, 5m));
        using (server.Clock.PinAt(At(Monday, 8)))
            await _api.SellAsync(shop, PaymentMethod.Card, (bun, 3m));

        using var now = server.Clock.PinAt(At(Monday, 11, 30));
        var today = await KasseClient.Read<DayComparison>(await _api.Http.GetAsync($"/api/v1/sales-reports/today?storeId={shop.Store.Id}"));

        Assert.Equal((Monday, lastWeek, 11), (today.Today, today.SameDayLastWeek, today.Hour));
        Assert.Equal(36.00m, today.TodaySoFar.Gross);
        Assert.Equal(24.00m, today.LastWeekSoFar.Gross);
        Assert.Equal(84.00m, today.LastWeekWholeDay.Gross);
    }

    [Fact]
    public async Task Reports_need_the_see_reports_permission_and_explain_a_bad_period()
    {
        var shop = await _api.NewShopAsync();
        var query = Query(shop, Monday, Monday);
        var cashier = await server.ClientAsAsync(nameof(Role.Cashier));
        var accountant = await server.ClientAsAsync(nameof(Role.Accountant));

        await KasseClient.Problem(await cashier.Http.GetAsync($"/api/v1/sales-reports?{query}"), HttpStatusCode.Forbidden);
        await KasseClient.Problem(await cashier.Http.GetAsync($"/api/v1/sales-reports/by-product.csv?{query}"), HttpStatusCode.Forbidden);
        await KasseClient.Problem(await server.AnonymousClient().Http.GetAsync($"/api/v1/sales-reports/summary.pdf?{query}"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await accountant.Http.GetAsync($"/api/v1/sales-reports/summary.pdf?{query}")).StatusCode);

        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/sales-reports?{Query(shop, Monday, Monday.AddDays(-1))}"), HttpStatusCode.BadRequest, "report.range");
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/sales-reports/by-day?from=2026-13-01&to=2026-03-01"), HttpStatusCode.BadRequest, "report.from");
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/sales-reports/by-day.csv?to=2026-03-01"), HttpStatusCode.BadRequest, "report.from");
        await KasseClient.Problem(await _api.Http.GetAsync($"/api/v1/sales-reports?from=2026-03-01&to=2026-03-01&storeId={Guid.CreateVersion7()}"),
            HttpStatusCode.NotFound, "store.not-found");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SalesReportsOnSqlite(SqliteServer server) : SalesReportTests(server);

[Collection(PostgresCollection.Name)]
public sealed class SalesReportsOnPostgres(PostgresServer server) : SalesReportTests(server);
