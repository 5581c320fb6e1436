using System.Net;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Api;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Kasse.Server.Tests.CashControl;

public abstract class ReportTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    /// <summary>
    /// One business day on the till: a float, cash and card sales with a discount, split tender and cash
    /// rounding, a return, a voided sale, a training receipt, a copy, a drop and a pay-in, and a count one
    /// krone short. Answers the real transactions it made.
    /// </summary>
    private async Task<Day> TradeADayAsync(Shop shop, Goods goods)
    {
        var session = await _api.OpenSessionAsync(shop, 500m);
        var a = await _api.SellAsync(shop, PaymentMethod.Cash, (goods.Coffee, 2m));                  // 85.00 cash
        var b = await _api.SellAsync(shop, PaymentMethod.Cash, (goods.Bread, 1m));                   // 12.30 → 12.50 in cash
        var c = await _api.OpenSaleAsync(shop);                                                       // 99.95 + 20.00 (0 %): 50 by card, the rest in cash
        await _api.AddProductAsync(c.Id, goods.Blender.Id);
        await _api.AddProductAsync(c.Id, goods.Newspaper.Id);
        await _api.PayAsync(c.Id, PaymentMethod.Card, 50m);
        await _api.PayCashAsync(c.Id, 100m);                                                          // 69.95 → 70.00
        c = await _api.CompleteAsync(c.Id);
        var d = await _api.OpenSaleAsync(shop);                                                       // 2 × 42.50 − 10 % by MobilePay
        d = await _api.AddProductAsync(d.Id, goods.Coffee.Id, 2m);
        await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{d.Id}/lines/{d.Lines[0].Id}/discount",
            new SetDiscount(DiscountKind.Percent, 10m, "Stamkunde")));
        await _api.PayAsync(d.Id, PaymentMethod.MobilePay);
        d = await _api.CompleteAsync(d.Id);
        var ret = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, a.Id,
            [new ReturnLineRequest(a.Lines[0].Id, 1m)]));                                             // −42.50 in cash
        var voided = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(voided.Id, goods.Blender.Id);
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{voided.Id}/void", null));
        await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/training", new { on = true });
        var training = await _api.SellAsync(shop, PaymentMethod.Cash, (goods.Blender, 3m));
        await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/training", new { on = false });
        await KasseClient.Read<PrintedReceipt>(await _api.PostAsync($"/api/v1/sales/{a.Id}/receipt/copy", null));
        await _api.MoveCashAsync(shop, CashMovementKind.Drop, 100m, "Til boksen");
        await _api.MoveCashAsync(shop, CashMovementKind.PayIn, 50m, "Mønter fra banken");
        // 500 + 85 + 12.50 + 70 − 42.50 − 100 + 50 = 575.00 expected; the cashier counts 574.00.
        var counted = await _api.CountAsync(shop, session.Id, 574.00m);
        return new Day([a, b, c, d, ret], voided, training, counted.ExpectedCash!.Value);
    }

    private sealed record Day(IReadOnlyList<SaleView> Real, SaleView Voided, SaleView Training, decimal Expected);

    private sealed record Goods(Kasse.Application.Catalog.ProductView Coffee, Kasse.Application.Catalog.ProductView Bread,
        Kasse.Application.Catalog.ProductView Blender, Kasse.Application.Catalog.ProductView Newspaper);

    private async Task<Goods> GoodsAsync() => new(
        await _api.NewProductAsync(42.50m, name: "Kaffe, økologisk"),
        await _api.NewProductAsync(12.30m, name: "Rundstykke"),
        await _api.NewProductAsync(99.95m, name: "Stavblender"),
        await _api.NewProductAsync(20.00m, vat: 0m, name: "Avis"));

    [Fact]
    public async Task A_Z_report_adds_up_the_day_by_kind_vat_payment_and_cash_and_leaves_void_and_training_out()
    {
        var shop = await _api.NewShopAsync();
        var day = await TradeADayAsync(shop, await GoodsAsync());

        var z = await _api.ZReportAsync(shop);

        Assert.Equal(ReportType.Z, z.Type);
        Assert.Equal(1, z.Number);
        Assert.Equal(new CountAmount(4, 85.00m + 12.30m + 119.95m + 76.50m), z.Sales);
        Assert.Equal(new CountAmount(1, 42.50m), z.Returns);
        Assert.Equal(day.Real.Sum(s => s.TotalAmount), z.TotalCashSales);
        Assert.Equal(251.25m, z.TotalCashSales);
        Assert.Equal(5, z.Receipts);
        Assert.Equal(0.25m, z.CashRounding);
        Assert.Equal(new CountAmount(1, 99.95m), z.Voids);
        Assert.Equal(new CountAmount(1, 299.85m), z.Training);
        Assert.Equal(new CountAmount(1, 85.00m), z.Copies);
        Assert.Equal(new CountAmount(1, 8.50m), z.Discounts);
        Assert.Equal(0, z.DrawerOpens);
        Assert.Equal(CountAmount.Zero, z.Tips);
        var vat25 = Assert.Single(z.Vat, v => v.Percent == 25m);
        var vat0 = Assert.Single(z.Vat, v => v.Percent == 0m);
        Assert.Equal((231.25m, "S"), (vat25.Gross, vat25.Code));
        Assert.Equal(day.Real.SelectMany(s => s.Vat).Where(v => v.Percent == 25m).Sum(v => v.Vat), vat25.Vat);
        Assert.Equal(vat25.Gross - vat25.Vat, vat25.Net);
        Assert.Equal((20.00m, 0.00m), (vat0.Gross, vat0.Vat));
        Assert.Equal(z.TotalCashSales, z.Vat.Sum(v => v.Gross));
        Assert.Equal(z.TotalCashSales, z.ArticleGroups.Sum(g => g.Amount));
        Assert.Equal(125.00m, z.Payments.Single(p => p.Method == PaymentMethod.Cash).Amount);
        Assert.Equal("12001", z.Payments.Single(p => p.Method == PaymentMethod.Cash).PaymentType);
        Assert.Equal(50.00m, z.Payments.Single(p => p.Method == PaymentMethod.Card).Amount);
        Assert.Equal(76.50m, z.Payments.Single(p => p.Method == PaymentMethod.MobilePay).Amount);
        Assert.Equal(z.TotalCashSales + z.CashRounding, z.Payments.Sum(p => p.Amount));
        Assert.Equal(z.Payments.Sum(p => p.Amount), z.EmployeePayments.Where(p => p.EmployeeId == shop.CashierId).Sum(p => p.Amount));
        Assert.Equal(500.00m, z.Cash.OpeningFloat);
        Assert.Equal(125.00m, z.Cash.CashTaken);
        Assert.Equal(new CountAmount(1, 100.00m), z.Cash.Drops);
        Assert.Equal(new CountAmount(1, 50.00m), z.Cash.PayIns);
        Assert.Equal((575.00m, 574.00m, -1.00m), (z.Cash.ExpectedCash, z.Cash.CountedCash!.Value, z.Cash.OverShort!.Value));
        Assert.Equal(day.Expected, z.Cash.ExpectedCash);
        Assert.Equal(new GrandTotals(293.75m, 42.50m, 251.25m), z.GrandTotals);
    }

    [Fact]
    public async Task Grand_totals_only_grow_and_each_Z_continues_the_previous_one_over_several_periods()
    {
        var shop = await _api.NewShopAsync();
        var goods = await GoodsAsync();
        var reports = new List<RegisterReport>();
        var days = new List<Day>();
        for (var i = 0; i < 3; i++)
        {
            days.Add(await TradeADayAsync(shop, goods));
            reports.Add(await _api.ZReportAsync(shop));
        }

        Assert.Equal([1L, 2L, 3L], reports.Select(r => r.Number));
        for (var i = 0; i < reports.Count; i++)
        {
            var z = reports[i];
            var previous = i == 0 ? new GrandTotals(0m, 0m, 0m) : reports[i - 1].GrandTotals;
            Assert.Equal(previous.Sales, z.GrandTotals.Sales - z.Sales.Amount);
            Assert.Equal(previous.Return, z.GrandTotals.Return - z.Returns.Amount);
            Assert.Equal(previous.SalesNet, z.GrandTotals.SalesNet - z.TotalCashSales);
            Assert.Equal(z.GrandTotals.Sales - z.GrandTotals.Return, z.GrandTotals.SalesNet);
            Assert.True(z.GrandTotals.Sales > previous.Sales);
            Assert.Equal(days[i].Real.Sum(s => s.TotalAmount), z.TotalCashSales);
            Assert.Equal(days[i].Real.Select(s => s.ReceiptNumber).Min(), z.Period.FirstReceiptNumber);
            Assert.Equal(i == 0 ? null : reports[i - 1].Number, z.Period.PreviousZNumber);
            Assert.Equal(1, z.Training.Count);
            Assert.Equal(1, z.Voids.Count);
        }
        var listed = await KasseClient.Read<List<RegisterReport>>(await _api.Http.GetAsync($"/api/v1/registers/{shop.Register.Id}/z-reports"));
        Assert.Equal([3L, 2L, 1L], listed.Select(r => r.Number));
    }

    [Fact]
    public async Task A_second_Z_with_nothing_new_is_refused_and_a_retried_Z_answers_the_same_report()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(30.00m);
        await Refusal.Expect(await _api.TryZReportAsync(shop), HttpStatusCode.Conflict, "z-report.nothing-new");
        await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        var id = Guid.CreateVersion7();

        var z = await _api.ZReportAsync(shop, id);
        var retried = await _api.ZReportAsync(shop, id);
        await _api.XReportAsync(shop);
        var problem = await Refusal.Expect(await _api.TryZReportAsync(shop), HttpStatusCode.Conflict, "z-report.nothing-new");

        Assert.Equal(ReportPayload.Write(z), ReportPayload.Write(retried));
        Assert.Contains("Z report 1", problem.Detail());
        Assert.Single(await _api.JournalAsync(shop.Store.Id), e => e.EventCode == "13009");
        await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        var next = await _api.ZReportAsync(shop);
        Assert.Equal((2L, 1, 30.00m), (next.Number, next.Sales.Count, next.Sales.Amount));
    }

    [Fact]
    public async Task Two_Z_reports_at_once_close_the_period_once_and_sales_at_the_same_time_land_in_exactly_one_period()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(10.00m);
        await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));

        var alone = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => server.Client().TryZReportAsync(shop)));
        var withSales = Enumerable.Range(0, 3).Select(async _ => (HttpResponseMessage?)await server.Client().TryZReportAsync(shop))
            .Concat(Enumerable.Range(0, 4).Select(async _ => { await server.Client().SellAsync(shop, PaymentMethod.Card, (item, 1m)); return (HttpResponseMessage?)null; }))
            .ToList();
        var answers = (await Task.WhenAll(withSales)).OfType<HttpResponseMessage>().ToList();
        await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        var last = await _api.ZReportAsync(shop);
        var all = (await KasseClient.Read<List<RegisterReport>>(await _api.Http.GetAsync($"/api/v1/registers/{shop.Register.Id}/z-reports")))
            .OrderBy(z => z.Number).ToList();

        Assert.Single(alone, r => r.IsSuccessStatusCode);
        Assert.All(alone.Concat(answers).Where(r => !r.IsSuccessStatusCode), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(Enumerable.Range(1, all.Count).Select(n => (long)n), all.Select(z => z.Number));
        Assert.Equal(6, all.Sum(z => z.Sales.Count));
        Assert.All(all.Skip(1), (z, i) => Assert.Equal(all[i].GrandTotals.Sales, z.GrandTotals.Sales - z.Sales.Amount));
        Assert.Equal(60.00m, last.GrandTotals.Sales);
    }

    [Fact]
    public async Task A_Z_report_waits_for_the_count_while_a_session_is_open()
    {
        var shop = await _api.NewShopAsync();
        var session = await _api.OpenSessionAsync(shop, 100m);

        await Refusal.Expect(await _api.TryZReportAsync(shop), HttpStatusCode.Conflict, "z-report.session-open");
        await _api.CountAsync(shop, session.Id, 100m);
        var z = await _api.ZReportAsync(shop);

        Assert.Equal((1, 1, 100.00m, 0.00m), (z.Cash.Sessions, z.Cash.SessionsCounted, z.Cash.CountedCash, z.Cash.OverShort));
    }

    [Fact]
    public async Task An_X_report_reads_the_period_so_far_is_journaled_and_closes_nothing()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(25.00m);
        await _api.OpenSessionAsync(shop, 300m);
        await _api.SellAsync(shop, PaymentMethod.Cash, (item, 2m));
        await KasseClient.Read<object>(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/drawer/open", new { reason = "Veksle" }));

        var x1 = await _api.XReportAsync(shop);
        await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        var x2 = await _api.XReportAsync(shop);

        Assert.Equal((ReportType.X, 1L), (x1.Type, x1.Number));
        Assert.Equal(50.00m, x1.Sales.Amount);
        Assert.Equal(75.00m, x2.Sales.Amount);
        Assert.Equal(1, x2.DrawerOpens);
        Assert.True(x2.Cash.SessionOpen);
        Assert.Equal(350.00m, x2.Cash.ExpectedCash);
        Assert.Null(x2.Cash.CountedCash);
        Assert.Equal(new GrandTotals(75.00m, 0.00m, 75.00m), x2.GrandTotals);
        var journal = await _api.JournalAsync(shop.Store.Id);
        Assert.Equal(2, journal.Count(e => e.EventCode == "13008"));
        Assert.Single(journal, e => e.EventCode == "13005");
        Assert.DoesNotContain(journal, e => e.EventCode == "13009");
    }

    [Fact]
    public async Task The_Z_reports_full_content_is_its_journal_entry_and_the_chain_still_verifies()
    {
        var shop = await _api.NewShopAsync();
        await TradeADayAsync(shop, await GoodsAsync());

        var z = await _api.ZReportAsync(shop);
        var stored = await KasseClient.Read<RegisterReport>(await _api.Http.GetAsync($"/api/v1/reports/{z.Id}"));
        var entry = Assert.Single(await _api.JournalAsync(shop.Store.Id), e => e.EventCode == "13009");
        var verification = await KasseClient.Read<Kasse.Domain.Fiscal.JournalVerification>(
            await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/journal/verification"));

        Assert.Equal(ReportPayload.Write(stored), entry.Payload);
        Assert.Equal(ReportPayload.Write(z), ReportPayload.Write(ReportPayload.Read(entry.Payload)));
        Assert.Contains("\"grandTotals\":{\"sales\":293.75,\"return\":42.50,\"salesNet\":251.25}", entry.Payload);
        Assert.Contains("\"overShort\":-1.00", entry.Payload);
        Assert.True(verification.IsIntact, verification.FirstBreak?.Problem);
    }

    [Fact]
    public async Task A_stored_Z_report_edited_or_deleted_behind_kasses_back_is_detected()
    {
        var shop = await _api.NewShopAsync();
        var other = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(64.00m);
        await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        await _api.SellAsync(other, PaymentMethod.Card, (item, 1m));
        var z = await _api.ZReportAsync(shop);
        var deleted = await _api.ZReportAsync(other);

        await TamperAsync($"""UPDATE "RegisterReports" SET "Content" = REPLACE("Content", '64.00', '6.40') WHERE "Id" = {z.Id}""");
        await TamperAsync($"""DELETE FROM "RegisterReports" WHERE "Id" = {deleted.Id}""");
        var edited = await VerifyAsync(shop.Store.Id);
        var missing = await VerifyAsync(other.Store.Id);

        Assert.Contains("Z report 1 was changed after it was made", edited.FirstBreak?.Problem);
        Assert.Contains("has been deleted", missing.FirstBreak?.Problem);
    }

    private async Task<Kasse.Domain.Fiscal.JournalVerification> VerifyAsync(Guid storeId) =>
        await KasseClient.Read<Kasse.Domain.Fiscal.JournalVerification>(await _api.Http.GetAsync($"/api/v1/stores/{storeId}/journal/verification"));

    private async Task TamperAsync(FormattableString sql)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        Assert.True(await db.Database.ExecuteSqlAsync(sql) > 0, "The tampering changed nothing: " + sql.Format);
    }

    [Fact]
    public async Task X_and_Z_print_on_the_receipt_layout_and_as_a_pdf_with_the_key_figures()
    {
        var shop = await _api.NewShopAsync();
        await TradeADayAsync(shop, await GoodsAsync());
        var z = await _api.ZReportAsync(shop);

        var text = await _api.Http.GetStringAsync($"/api/v1/reports/{z.Id}/report.txt");
        var narrow = await _api.Http.GetStringAsync($"/api/v1/reports/{z.Id}/report.txt?width=32");
        var pdf = await _api.Http.GetAsync($"/api/v1/reports/{z.Id}/report.pdf");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        using var document = PdfDocument.Open(bytes);
        var pdfText = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        Assert.Contains("*** Z-RAPPORT ***", text);
        Assert.Contains("Z-rapport nr. 1", text);
        Assert.All(text.TrimEnd('\n').Split('\n'), line => Assert.True(line.Length <= 42, line));
        Assert.All(narrow.TrimEnd('\n').Split('\n'), line => Assert.True(line.Length <= 32, line));
        Assert.Matches(@"Omsætning i alt DKK\s+251,25", text);
        Assert.Matches(@"Forventet kontant\s+575,00", text);
        Assert.Matches(@"Optalt kontant\s+574,00", text);
        Assert.Matches(@"Kassedifference \(under\)\s+-1,00", text);
        Assert.Matches(@"Øvelsesbonner \(1\)\s+299,85", text);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        foreach (var figure in new[] { "Z-RAPPORT", "251,25", "575,00", "574,00", "-1,00", "293,75", shop.Store.Name.Split(' ')[0] })
            Assert.Contains(figure, pdfText);
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/reports/{z.Id}/report.txt?width=7"), HttpStatusCode.BadRequest, "report.width");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/reports/{Guid.CreateVersion7()}/report.pdf"), HttpStatusCode.NotFound, "report.not-found");
    }

    [Fact]
    public async Task Bad_report_requests_are_refused_with_problem_json()
    {
        var shop = await _api.NewShopAsync();
        var x = await _api.XReportAsync(shop);

        await Refusal.Expect(await _api.TryXReportAsync(shop, Guid.Empty), HttpStatusCode.BadRequest, "report.id");
        await Refusal.Expect(await _api.TryZReportAsync(shop, x.Id), HttpStatusCode.Conflict, "report.id-used");
        await Refusal.Expect(await _api.PostAsync($"/api/v1/registers/{Guid.CreateVersion7()}/z-reports", new { id = Guid.CreateVersion7() }),
            HttpStatusCode.NotFound, "register.not-found");
        await Refusal.Expect(await _api.PostAsync($"/api/v1/registers/{shop.Register.Id}/x-reports", new { id = Guid.CreateVersion7(), employeeId = Guid.CreateVersion7() }),
            HttpStatusCode.NotFound, "employee.not-found");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/reports/{Guid.CreateVersion7()}"), HttpStatusCode.NotFound, "report.not-found");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/registers/{shop.Register.Id}/z-reports?take=0"), HttpStatusCode.BadRequest, "page");
        await Refusal.Expect(await _api.SendRawAsync(HttpMethod.Post, $"/api/v1/registers/{shop.Register.Id}/z-reports", "{}"), HttpStatusCode.BadRequest);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportsOnSqlite(SqliteServer server) : ReportTests(server);

[Collection(PostgresCollection.Name)]
public sealed class ReportsOnPostgres(PostgresServer server) : ReportTests(server);
