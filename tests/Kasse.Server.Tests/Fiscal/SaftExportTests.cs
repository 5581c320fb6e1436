using Kasse.Application.Staff;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Kasse.Application.CashControl;
using Kasse.Application.Catalog;
using Kasse.Application.Fiscal;
using Kasse.Application.Fiscal.SaftExport;
using Kasse.Application.Sales;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Catalog;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Kasse.Server.Api.FiscalEndpoints;

namespace Kasse.Server.Tests.Fiscal;

public abstract class SaftExportTests(KasseServer server) : IDisposable
{
    private static readonly XNamespace Dk = "urn:StandardAuditFile-Taxation-CashRegister:DK";
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    private readonly KasseClient _api = server.Client();
    private readonly string _folder = Directory.CreateTempSubdirectory("kasse-saft-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Three business days in a Danish shop with two tills, plus a sale on each side of the period.</summary>
    private sealed record Trading(Shop Shop, RegisterView Register2, List<SaleView> InPeriod, SaleView Before, SaleView After,
        SaleView CashWithRounding, SaleView SplitWithDiscounts, SaleView Copied, SaleView Training, List<SaleView> Returns, List<RegisterReport> Reports);

    private async Task<T> Post<T>(string path, object body) => await KasseClient.Read<T>(await _api.PostAsync(path, body));

    private Task<RegisterReport> ReportAsync(Guid registerId, string kind, Guid employeeId) =>
        Post<RegisterReport>($"/api/v1/registers/{registerId}/{kind}-reports", new MakeReport(Guid.CreateVersion7(), employeeId));

    private async Task<T> At<T>(string utc, Func<Task<T>> action)
    {
        using (server.Clock.PinAt(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture)))
            return await action();
    }

    private async Task<SaleView> OpenAsync(Guid registerId, Guid cashierId) =>
        await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), registerId, cashierId)));

    private async Task<SaleView> SellCashAsync(Shop shop, ProductView product, decimal tendered)
    {
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, product.Id);
        await _api.PayCashAsync(sale.Id, tendered);
        return await _api.CompleteAsync(sale.Id);
    }

    private async Task<Trading> TradeThreeDaysAsync()
    {
        var shop = await _api.NewShopAsync();
        var register2 = await _api.NewRegisterAsync(shop.Store.Id, "Kasse 2");
        var coffee = await _api.NewProductAsync(42.50m, name: "Kaffe, økologisk");
        var bread = await _api.NewProductAsync(28.95m, name: "Rugbrød, groft");
        var newspaper = await _api.NewProductAsync(35.00m, vat: 0m, name: "Avis");
        var cheese = await _api.NewProductAsync(189.00m, unit: Unit.Kilogram, name: "Gammel ost");
        var inPeriod = new List<SaleView>();

        // 2026-02-01 23:30 in Copenhagen: the day before the period.
        var before = await At("2026-02-01T22:30:00Z", () => SellCashAsync(shop, bread, 50m));
        // 00:30 on the first day of the period, though still 1 February in UTC.
        inPeriod.Add(await At("2026-02-01T23:30:00Z", () => SellCashAsync(shop, bread, 30m)));

        var reports = new List<RegisterReport>();

        // Day 1: a float in the drawer; sign in; cash with øreafrunding; discounts and split tender; park on one till,
        // resume on the other; a void; a no-sale drawer opening, an X report, a drop and a pay-in; a count one krone short.
        var session = await At("2026-02-02T07:55:00Z", () => Post<SessionView>($"/api/v1/registers/{shop.Register.Id}/sessions",
            new OpenSession(Guid.CreateVersion7(), 500m, shop.CashierId)));
        await At("2026-02-02T08:00:00Z", async () => await KasseClient.Read<object>(await _api.PostAsync(
            $"/api/v1/registers/{shop.Register.Id}/sign-in", new { employeeId = shop.CashierId, pin = "1111" })));
        var cash = await At("2026-02-02T08:05:00Z", async () =>
        {
            var sale = await _api.OpenSaleAsync(shop);
            await _api.AddProductAsync(sale.Id, coffee.Id, 2m);
            await _api.AddProductAsync(sale.Id, bread.Id);
            await _api.PayCashAsync(sale.Id, 200m);
            return await _api.CompleteAsync(sale.Id);
        });
        var split = await At("2026-02-02T09:10:00Z", async () =>
        {
            var sale = await _api.OpenSaleAsync(shop);
            sale = await _api.AddProductAsync(sale.Id, cheese.Id, 0.512m);
            await _api.AddProductAsync(sale.Id, bread.Id);
            await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/lines/{sale.Lines[0].Id}/discount",
                new { kind = "Percent", value = 10, reason = "Kort holdbarhed" }));
            await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/discount",
                new { kind = "Amount", value = 5, reason = "Personalerabat" }));
            await _api.PayAsync(sale.Id, PaymentMethod.Card, 50m);
            await _api.PayCashAsync(sale.Id, 100m);
            return await _api.CompleteAsync(sale.Id);
        });
        inPeriod.Add(await At("2026-02-02T10:00:00Z", async () =>
        {
            var sale = await _api.OpenSaleAsync(shop);
            await _api.AddProductAsync(sale.Id, coffee.Id);
            await _api.PostAsync($"/api/v1/sales/{sale.Id}/park", null);
            await _api.PostAsync($"/api/v1/sales/{sale.Id}/resume", new { registerId = register2.Id });
            await _api.PayAsync(sale.Id, PaymentMethod.MobilePay);
            return await _api.CompleteAsync(sale.Id);
        }));
        await At("2026-02-02T11:00:00Z", async () =>
        {
            var sale = await _api.OpenSaleAsync(shop);
            await _api.AddProductAsync(sale.Id, bread.Id);
            return await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/void", null));
        });
        await At("2026-02-02T12:00:00Z", () => Post<DrawerOpenedView>($"/api/v1/registers/{shop.Register.Id}/drawer/open",
            new OpenDrawer(shop.CashierId, "Veksle", new Approval(shop.SupervisorId, Shop.SupervisorPin))));
        reports.Add(await At("2026-02-02T13:00:00Z", () => ReportAsync(shop.Register.Id, "x", shop.SupervisorId)));
        await At("2026-02-02T15:00:00Z", () => Post<CashMovementView>($"/api/v1/registers/{shop.Register.Id}/cash-movements",
            new RecordCashMovement(Guid.CreateVersion7(), CashMovementKind.Drop, 100m, "Til boksen", shop.CashierId)));
        await At("2026-02-02T15:05:00Z", () => Post<CashMovementView>($"/api/v1/registers/{shop.Register.Id}/cash-movements",
            new RecordCashMovement(Guid.CreateVersion7(), CashMovementKind.PayIn, 50m, "Mønter fra banken", shop.CashierId)));
        await At("2026-02-02T16:00:00Z", async () => await KasseClient.Read<object>(await _api.PostAsync(
            $"/api/v1/registers/{shop.Register.Id}/sign-out", new { employeeId = shop.CashierId })));
        await At("2026-02-02T16:10:00Z", () => Post<SessionView>($"/api/v1/registers/{shop.Register.Id}/sessions/{session.Id}/count",
            new CountCash(700.00m, shop.CashierId, "Talt af Mette")));
        reports.Add(await At("2026-02-02T17:00:00Z", () => ReportAsync(shop.Register.Id, "z", shop.SupervisorId)));
        reports.Add(await At("2026-02-02T17:01:00Z", () => ReportAsync(register2.Id, "z", shop.SupervisorId)));
        inPeriod.AddRange([cash, split]);

        // Day 2: a price change; the supervisor sells on till 2 (zero-rated newspaper) and prints a copy; a return; training.
        await At("2026-02-03T07:00:00Z", async () => await KasseClient.Read<object>(await _api.SendAsync(HttpMethod.Put,
            $"/api/v1/products/{coffee.Id}", new { sku = coffee.Sku, name = coffee.Name, price = 44.00m, vatPercent = 25m, barcodes = coffee.Barcodes })));
        var supervisorSale = await At("2026-02-03T09:00:00Z", async () =>
        {
            var sale = await OpenAsync(register2.Id, shop.SupervisorId);
            await _api.AddProductAsync(sale.Id, coffee.Id);
            await _api.AddProductAsync(sale.Id, newspaper.Id);
            await _api.PayAsync(sale.Id, PaymentMethod.Card);
            var done = await _api.CompleteAsync(sale.Id);
            await KasseClient.Read<PrintedReceipt>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/receipt/copy", null));
            return done;
        });
        var returned = await At("2026-02-03T12:00:00Z", () => _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id,
            shop.CashierId, cash.Id, [new ReturnLineRequest(cash.Lines[0].Id, 1m)])));
        var training = await At("2026-02-03T13:00:00Z", async () =>
        {
            await KasseClient.Read<RegisterView>(await _api.PostAsync($"/api/v1/registers/{register2.Id}/training", new { on = true, employeeId = shop.CashierId }));
            var sale = await OpenAsync(register2.Id, shop.CashierId);
            await _api.AddProductAsync(sale.Id, bread.Id);
            await _api.PayAsync(sale.Id, PaymentMethod.Card);
            var done = await _api.CompleteAsync(sale.Id);
            await KasseClient.Read<RegisterView>(await _api.PostAsync($"/api/v1/registers/{register2.Id}/training", new { on = false }));
            return done;
        });
        inPeriod.AddRange([supervisorSale, returned, training]);
        reports.Add(await At("2026-02-03T17:00:00Z", () => ReportAsync(shop.Register.Id, "z", shop.SupervisorId)));
        reports.Add(await At("2026-02-03T17:01:00Z", () => ReportAsync(register2.Id, "z", shop.SupervisorId)));

        // Day 3: a card sale on till 2 and the return of a discounted line.
        inPeriod.Add(await At("2026-02-04T09:00:00Z", async () =>
        {
            var sale = await OpenAsync(register2.Id, shop.CashierId);
            await _api.AddProductAsync(sale.Id, cheese.Id, 0.250m);
            await _api.PayAsync(sale.Id, PaymentMethod.Card);
            return await _api.CompleteAsync(sale.Id);
        }));
        var returnedDiscounted = await At("2026-02-04T15:00:00Z", () => _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), register2.Id,
            shop.CashierId, split.Id, [new ReturnLineRequest(split.Lines[0].Id, 0.512m)])));
        inPeriod.Add(returnedDiscounted);
        reports.Add(await At("2026-02-04T16:00:00Z", () => ReportAsync(register2.Id, "x", shop.CashierId)));
        reports.Add(await At("2026-02-04T17:01:00Z", () => ReportAsync(register2.Id, "z", shop.SupervisorId)));

        // 2026-02-05 00:10 in Copenhagen: the day after the period.
        var after = await At("2026-02-04T23:10:00Z", () => SellCashAsync(shop, bread, 30m));
        return new Trading(shop, register2, inPeriod, before, after, cash, split, supervisorSale, training, [returned, returnedDiscounted], reports);
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> ExportAsync(Guid storeId, string query, string atUtc = "2026-02-06T09:00:00Z")
    {
        using (server.Clock.PinAt(DateTimeOffset.Parse(atUtc, CultureInfo.InvariantCulture)))
        {
            var response = await _api.Http.GetAsync($"/api/v1/stores/{storeId}/exports/saf-t?{query}");
            return (response, await response.Content.ReadAsByteArrayAsync());
        }
    }

    private async Task<List<JournalEntryView>> JournalAsync(Guid storeId) =>
        (await _api.Http.GetFromJsonAsync<List<JournalEntryView>>($"/api/v1/stores/{storeId}/journal?take=1000", KasseClient.Json))!;

    private static decimal Amount(XElement parent, string name) =>
        decimal.Parse(parent.Element(Dk + name)!.Value, CultureInfo.InvariantCulture);

    private static string Text(XElement parent, string name) => parent.Element(Dk + name)!.Value;

    [Fact]
    public async Task Three_business_days_export_as_a_valid_danish_saf_t_file_with_every_sale_event_and_signature()
    {
        var trading = await TradeThreeDaysAsync();
        var shop = trading.Shop;

        var (response, body) = await ExportAsync(shop.Store.Id, "from=2026-02-02&to=2026-02-04");

        Assert.True(response.IsSuccessStatusCode, Encoding.UTF8.GetString(body));
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        // The export time in the store's time zone: 09:00 UTC is 10:00 in Copenhagen in February.
        Assert.Equal($"SAF-T Cash Register_{shop.Store.CompanyId}_20260206100000_1_1.xml", response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        SaftSchema.AssertValid(body, "SAF-T.xsd");

        var file = XDocument.Load(new MemoryStream(body)).Root!;
        var company = file.Element(Dk + "company")!;
        Assert.Equal(shop.Store.CompanyId, Text(company, "companyIdent"));
        Assert.Equal("2026-02-02", Text(file.Element(Dk + "header")!, "startDate"));
        Assert.Equal("Kasse", Text(file.Element(Dk + "header")!, "softwareDesc"));
        var registers = company.Element(Dk + "location")!.Elements(Dk + "cashregister").ToList();
        // The drop and the pay-in are transactions of their own (11010, 11011); the sales and returns are the rest.
        var transactions = registers.SelectMany(r => r.Elements(Dk + "cashtransaction")).Where(t => Text(t, "transType") is not ("11010" or "11011")).ToList();
        Assert.Equal(["11010", "11011"], registers.SelectMany(r => r.Elements(Dk + "cashtransaction")).Select(t => Text(t, "transType"))
            .Where(t => t is "11010" or "11011").Order());

        // Exactly the completed sales and returns of the three days, each with its totals and signature.
        Assert.Equal(trading.InPeriod.Select(s => s.Id.ToString()).Order(), transactions.Select(t => Text(t, "transID")).Order());
        Assert.DoesNotContain(transactions, t => Text(t, "transID") == trading.Before.Id.ToString() || Text(t, "transID") == trading.After.Id.ToString());
        foreach (var sale in trading.InPeriod)
        {
            var t = transactions.Single(t => Text(t, "transID") == sale.Id.ToString());
            Assert.Equal(sale.TotalAmount, Amount(t, "transAmntIn"));
            Assert.Equal(sale.TotalAmount - sale.Vat.Sum(v => v.Vat), Amount(t, "transAmntEx"));
            Assert.Equal(sale.TransactionNumber!.Value.ToString(CultureInfo.InvariantCulture), Text(t, "nr"));
            Assert.Equal(sale.Signature, Text(t, "signature"));
            Assert.Equal(sale.KeyVersion, Text(t, "keyVersion"));
            using var certificate = X509Certificate2.CreateFromPem(Text(t, "certificateData"));
            Assert.Equal(sale.KeyVersion, certificate.Thumbprint);
            Assert.Equal(sale.TotalAmount, t.Elements(Dk + "ctLine").Sum(l => Amount(l, "lineAmntIn")));
            Assert.Equal(sale.Vat.Sum(v => v.Vat), t.Elements(Dk + "ctLine").Sum(l => Amount(l.Element(Dk + "vat")!, "vatAmnt")));
            Assert.Equal(sale.TotalAmount + sale.CashRounding, t.Elements(Dk + "payment").Sum(p => Amount(p, "paidAmnt")));
            Assert.Equal(sale.Kind == SaleKind.Return ? "11006" : "11001", Text(t, "transType"));
            Assert.Equal(sale.Kind == SaleKind.Return ? "D" : "C", Text(t, "amntTp"));
            Assert.Equal(sale.IsTraining ? "true" : "false", Text(t, "trainingID"));
            Assert.Equal("false", Text(t, "voidTransaction"));
        }
        var rounded = transactions.Single(t => Text(t, "transID") == trading.CashWithRounding.Id.ToString());
        Assert.Equal(trading.CashWithRounding.CashRounding, Amount(rounded.Element(Dk + "rounding")!, "roundingAmnt"));
        Assert.NotEqual(0m, trading.CashWithRounding.CashRounding);
        var split = transactions.Single(t => Text(t, "transID") == trading.SplitWithDiscounts.Id.ToString());
        Assert.Equal(["12002", "12001"], split.Elements(Dk + "payment").Select(p => Text(p, "paymentType")));
        Assert.Equal(5.00m, Amount(split.Element(Dk + "discount")!, "dscAmnt"));
        Assert.Equal(trading.SplitWithDiscounts.Lines[0].Discount!.Amount, Amount(split.Elements(Dk + "ctLine").First().Element(Dk + "discount")!, "dscAmnt"));
        Assert.Equal("true", Text(transactions.Single(t => Text(t, "transID") == trading.Training.Id.ToString()), "trainingID"));
        Assert.All(trading.Returns, r => Assert.Equal(r.OriginalSaleId.ToString(),
            Text(transactions.Single(t => Text(t, "transID") == r.Id.ToString()), "refID")));
        Assert.Equal(["12001", "12002", "12011"], transactions.SelectMany(t => t.Elements(Dk + "payment")).Select(p => Text(p, "paymentType")).Distinct().Order());
        Assert.Equal("1", Text(transactions.Single(t => Text(t, "transID") == trading.Copied.Id.ToString()), "receiptCopyNum"));

        // Every signature can be checked from the file's own fields, chained per till.
        foreach (var register in registers.Where(r => r.Elements(Dk + "cashtransaction").Any()))
        {
            var previous = Text(register, "registerID") == shop.Register.Id.ToString() ? trading.Before.Signature! : "0";
            foreach (var t in register.Elements(Dk + "cashtransaction"))
            {
                AssertSignatureVerifies(t, previous, Text(register, "registerID"), shop.Store.CompanyId);
                previous = Text(t, "signature");
            }
        }

        // The journal's events of the period, in store time, with their SAF-T codes; all of them defined in basics.
        var events = registers.SelectMany(r => r.Elements(Dk + "event")).ToList();
        var codes = events.Select(e => Text(e, "eventType")).ToHashSet();
        foreach (var code in new[] { "13003", "13004", "13010", "13011", "13012", "13013", "13014", "13017", "13021", "13023", "13024", "13028" })
            Assert.Contains(code, codes);
        var basics = company.Element(Dk + "basics")!.Elements(Dk + "basic").Select(b => Text(b, "basicID")).ToHashSet();
        Assert.Subset(basics, codes);
        var signIn = events.Single(e => Text(e, "eventType") == "13003");
        Assert.Equal(("2026-02-02", "09:00:00", shop.CashierId.ToString()), (Text(signIn, "eventDate"), Text(signIn, "eventTime"), Text(signIn, "empID")));
        Assert.Equal(shop.Store.Id.ToString(), Text(events.Single(e => Text(e, "eventType") == "13021").Parent!, "registerID"));
        var journal = await JournalAsync(shop.Store.Id);
        var inPeriodEntries = journal.Where(e => e.At >= new DateTimeOffset(2026, 2, 1, 23, 0, 0, TimeSpan.Zero)
            && e.At < new DateTimeOffset(2026, 2, 4, 23, 0, 0, TimeSpan.Zero)).ToList();
        Assert.Equal(inPeriodEntries.Select(e => e.Sequence.ToString(CultureInfo.InvariantCulture)).Order(), events.Select(e => Text(e, "eventID")).Order());

        // Master data: the employees who worked, the catalogue with article groups, the VAT codes.
        var employees = company.Element(Dk + "employees")!.Elements(Dk + "employee").Select(e => Text(e, "empID")).ToList();
        Assert.Contains(shop.CashierId.ToString(), employees);
        Assert.Contains(shop.SupervisorId.ToString(), employees);
        // The store's own VAT codes, each with the Danish standard code: 1 sales VAT 25 %, 2 VAT-exempt sales.
        Assert.Equal([("S", "1"), ("Z", "2")], company.Element(Dk + "vatCodeDetails")!.Elements(Dk + "vatCodeDetail")
            .Select(v => (Text(v, "vatCode"), Text(v, "standardVatCode"))).Order());
        Assert.Contains(company.Element(Dk + "articles")!.Elements(Dk + "article"),
            a => Text(a, "artID") == trading.SplitWithDiscounts.Lines[0].ProductId.ToString());

        // The export itself is journaled last, with the file's name and hash.
        var exported = journal[^1];
        Assert.Equal("13020", exported.EventCode);
        Assert.Contains($"SAF-T Cash Register_{shop.Store.CompanyId}_20260206100000_1_1.xml", exported.Payload);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(body)), exported.Payload);
    }

    private static void AssertSignatureVerifies(XElement t, string previous, string registerId, string cvr)
    {
        var message = string.Join(';', previous, Text(t, "nr"), Text(t, "transID"), Text(t, "transType"), Text(t, "transDate"),
            Text(t, "transTime"), Text(t, "empID"), Text(t, "transAmntIn"), Text(t, "transAmntEx"), registerId, cvr);
        using var certificate = X509Certificate2.CreateFromPem(Text(t, "certificateData"));
        using var key = certificate.GetRSAPublicKey()!;
        Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(Text(t, "signature")),
            HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1), "The signature does not match the file's fields: " + message);
    }

    [Fact]
    public async Task The_x_and_z_reports_of_the_period_are_event_reports_that_agree_with_their_json_to_the_øre()
    {
        var trading = await TradeThreeDaysAsync();
        var shop = trading.Shop;

        var (response, body) = await ExportAsync(shop.Store.Id, "from=2026-02-02&to=2026-02-04");

        Assert.True(response.IsSuccessStatusCode, Encoding.UTF8.GetString(body));
        SaftSchema.AssertValid(body, "SAF-T.xsd");
        var company = XDocument.Load(new MemoryStream(body)).Root!.Element(Dk + "company")!;
        var employees = company.Element(Dk + "employees")!.Elements(Dk + "employee").Select(e => Text(e, "empID")).ToHashSet();
        var registers = company.Element(Dk + "location")!.Elements(Dk + "cashregister").ToList();
        var events = registers.SelectMany(r => r.Elements(Dk + "event")).ToList();

        // Every X and Z event carries its report, and only those do.
        Assert.All(events.Where(e => Text(e, "eventType") is "13008" or "13009"), e => Assert.NotNull(e.Element(Dk + "eventReport")));
        var withReport = events.Where(e => e.Element(Dk + "eventReport") is not null).ToList();
        Assert.Equal(trading.Reports.Select(r => r.Id.ToString()).Order(), withReport.Select(e => Text(e.Element(Dk + "eventReport")!, "reportID")).Order());
        Assert.Equal(3, trading.Reports.Count(r => r.Type == ReportType.Z && r.RegisterId == trading.Register2.Id));

        foreach (var json in trading.Reports)
        {
            var e = withReport.Single(e => Text(e.Element(Dk + "eventReport")!, "reportID") == json.Id.ToString());
            var r = e.Element(Dk + "eventReport")!;
            var what = $"{json.Type} report {json.Number} of {json.RegisterName}";
            Assert.Equal(json.Type == ReportType.Z ? ("13009", "Z report") : ("13008", "X report"), (Text(e, "eventType"), Text(r, "reportType")));
            Assert.Equal(json.RegisterId.ToString(), Text(e.Parent!, "registerID"));
            Assert.Equal(json.RegisterId.ToString(), Text(r, "registerID"));
            Assert.Equal(shop.Store.CompanyId, Text(r, "companyIdent"));
            Assert.Equal((json.LocalTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), json.LocalTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)),
                (Text(r, "reportDate"), Text(r, "reportTime")));
            // The file's total cash sales are the period's sales, returns not subtracted (they are reportReturnAmnt).
            Assert.True(json.Sales.Amount == Amount(r.Element(Dk + "reportTotalCashSales")!, "totalCashSaleAmnt"), what);
            Assert.Equal((json.GrandTotals.Sales, json.GrandTotals.Return, json.GrandTotals.SalesNet),
                (Amount(r, "reportGrandTotalSales"), Amount(r, "reportGrandTotalReturn"), Amount(r, "reportGrandTotalSalesNet")));
            Assert.Equal(json.Cash.OpeningFloat, Amount(r, "reportOpeningChangeFloat"));
            Assert.Equal((json.Receipts, json.DrawerOpens, json.Copies.Count, json.Returns.Count, json.Voids.Count, json.Training.Count),
                ((int)Amount(r, "reportReceiptNum"), (int)Amount(r, "reportOpenCashBoxNum"), (int)Amount(r, "reportReceiptCopyNum"),
                    (int)Amount(r, "reportReturnNum"), (int)Amount(r, "reportVoidTransNum"), (int)Amount(r, "reportTrainingNum")));
            Assert.Equal((json.Copies.Amount, json.Returns.Amount, json.Voids.Amount, json.Training.Amount, json.Discounts.Amount),
                (Amount(r, "reportReceiptCopyAmnt"), Amount(r, "reportReturnAmnt"), Amount(r, "reportVoidTransAmnt"), Amount(r, "reportTrainingAmnt"),
                    Amount(r, "reportDiscountAmnt")));

            // Per VAT rate, per payment type and per article group, to the øre; the lists add up to the cash-sale total.
            var vat = r.Element(Dk + "reportCashSalesVat")!.Elements(Dk + "reportCashSaleVat").ToList();
            foreach (var line in json.Vat)
            {
                var row = vat.Single(v => Amount(v, "vatPerc") == line.Percent);
                Assert.Equal((line.Code, line.Net, line.Vat), (Text(row, "vatCode"), Amount(row, "cashSaleAmnt"), Amount(row, "vatAmnt")));
            }
            Assert.Equal(json.TotalCashSales, vat.Sum(v => Amount(v, "cashSaleAmnt") + Amount(v, "vatAmnt")));
            var payments = r.Element(Dk + "reportPayments")!.Elements(Dk + "reportPayment").ToList();
            Assert.Equal(json.Payments.Select(p => (p.PaymentType, p.Amount)).DefaultIfEmpty(("12001", 0.00m)),
                payments.Select(p => (Text(p, "paymentType"), Amount(p, "paymentAmnt"))));
            Assert.Equal(json.TotalCashSales, r.Element(Dk + "reportArtGroups")!.Elements(Dk + "reportArtGroup").Sum(g => Amount(g, "artGroupAmnt")));
            Assert.Equal(json.Payments.Sum(p => p.Amount),
                r.Element(Dk + "reportEmpPayments")!.Elements(Dk + "reportEmpPayment").Sum(p => Amount(p, "paymentAmnt")));
            // Every employee a report names is in the file's master data (the schema's keys hold it too).
            Assert.Subset(employees, r.Descendants(Dk + "empID").Select(x => x.Value).ToHashSet());
            if (json.Cash.Drops.Count > 0)
                Assert.Equal(json.Cash.Drops.Amount, Amount(r.Element(Dk + "reportPayOuts")!.Element(Dk + "reportPayOut")!, "payOutAmnt"));
            if (json.Cash.PayIns.Count > 0)
                Assert.Equal(json.Cash.PayIns.Amount, Amount(r.Element(Dk + "reportPayIns")!.Element(Dk + "reportPayIn")!, "payInAmnt"));
            var difference = r.Element(Dk + "reportOtherCorrs")!.Elements(Dk + "reportOtherCorr").SingleOrDefault(c => Text(c, "otherCorrType") == "11008");
            Assert.Equal(json.Cash.OverShort, difference is null ? null : Amount(difference, "otherCorrAmnt"));
        }

        // The day-1 count: a float of 500 and the day's cash, counted as 700.00; the Z shows the difference.
        var firstZ = trading.Reports.First(r => r.Type == ReportType.Z && r.RegisterId == shop.Register.Id);
        Assert.Equal((500.00m, 700.00m), (firstZ.Cash.OpeningFloat, firstZ.Cash.CountedCash));
        Assert.Equal(700.00m - firstZ.Cash.ExpectedCash, firstZ.Cash.OverShort);
        Assert.Equal((1, 100.00m, 1, 50.00m, 1), (firstZ.Cash.Drops.Count, firstZ.Cash.Drops.Amount, firstZ.Cash.PayIns.Count, firstZ.Cash.PayIns.Amount, firstZ.DrawerOpens));

        // Each Z's cash-sale total is the sum of its period's transactions in the file (training left out); its grand
        // total of sales is the previous Z's plus the period's sales.
        var transactions = registers.SelectMany(r => r.Elements(Dk + "cashtransaction")).ToDictionary(t => Text(t, "transID"));
        foreach (var z in trading.Reports.Where(r => r.Type == ReportType.Z))
        {
            var receipts = events.Where(e => Text(e.Parent!, "registerID") == z.RegisterId.ToString() && e.Element(Dk + "transID") is not null
                    && Text(e, "eventType") is "13012" or "13013"
                    && long.Parse(Text(e, "eventID"), CultureInfo.InvariantCulture) is var sequence
                    && sequence > z.Period.AfterSequence && sequence <= z.Period.ToSequence)
                .Select(e => transactions[Text(e, "transID")]).Where(t => Text(t, "trainingID") == "false").ToList();
            // Register 1's first period began with the sale the evening before the export's first day.
            var outside = z.RegisterId == shop.Register.Id && z.Period.PreviousZNumber is null ? trading.Before.TotalAmount : 0m;
            Assert.True(z.TotalCashSales == receipts.Sum(t => Amount(t, "transAmntIn")) + outside, $"Z {z.Number} of {z.RegisterName}");
            var previous = trading.Reports.LastOrDefault(p => p.Type == ReportType.Z && p.RegisterId == z.RegisterId && p.Number == z.Number - 1);
            Assert.Equal(previous?.GrandTotals.Sales ?? 0.00m, z.GrandTotals.Sales - z.Sales.Amount);
            Assert.Equal(z.GrandTotals.Sales - z.GrandTotals.Return, z.GrandTotals.SalesNet);
        }
    }

    [Fact]
    public async Task An_export_that_cannot_be_made_says_why()
    {
        var shop = await _api.NewShopAsync();
        var noCvr = await KasseClient.Read<StoreView>(await _api.PostAsync("/api/v1/stores",
            new CreateStore(Guid.CreateVersion7(), "Kiosken", "Torvet 1, 4000 Roskilde", "DK-123", "DK")));

        await KasseClient.Problem((await ExportAsync(shop.Store.Id, "from=2026-02-04&to=2026-02-02")).Response, HttpStatusCode.BadRequest, "export.period");
        await KasseClient.Problem((await ExportAsync(shop.Store.Id, "from=2026-02-04")).Response, HttpStatusCode.BadRequest, "export.period");
        await KasseClient.Problem((await ExportAsync(noCvr.Id, "from=2026-02-01&to=2026-02-02")).Response, HttpStatusCode.BadRequest, "export.cvr");
        await KasseClient.Problem((await ExportAsync(Guid.CreateVersion7(), "from=2026-02-01&to=2026-02-02")).Response, HttpStatusCode.NotFound);
        Assert.DoesNotContain(await JournalAsync(shop.Store.Id), e => e.EventCode == "13020");
    }

    [Fact]
    public async Task The_kasse_command_exports_a_store_into_a_folder()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(12.50m);
        var sale = await _api.SellAsync(shop, PaymentMethod.MobilePay, (item, 2m));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(sale.ClosedAt!.Value, Copenhagen).DateTime);

        var result = await KasseProcess.RunAsync("export", "saf-t", "--from", SaftExportRequest.Day(today.AddDays(-1)), "--to", SaftExportRequest.Day(today),
            "--store", shop.Store.Id.ToString(), "--out", _folder, "--database", server.Provider.ToString(), "--connection", server.Database.ConnectionString);

        Assert.True(result.ExitCode == 0, result.Error);
        var path = Assert.Single(Directory.GetFiles(_folder));
        Assert.Matches($@"^SAF-T Cash Register_{shop.Store.CompanyId}_\d{{14}}_1_1\.xml$", Path.GetFileName(path));
        Assert.Contains(Path.GetFileName(path), result.Output);
        var body = await File.ReadAllBytesAsync(path);
        SaftSchema.AssertValid(body, "SAF-T.xsd");
        Assert.Contains($"<transID>{sale.Id}</transID>", Encoding.UTF8.GetString(body));
        Assert.Equal("13020", (await JournalAsync(shop.Store.Id))[^1].EventCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SaftExportOnSqlite(SqliteServer server) : SaftExportTests(server);

[Collection(PostgresCollection.Name)]
public sealed class SaftExportOnPostgres(PostgresServer server) : SaftExportTests(server);
