using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Kasse.Application.CashControl;
using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Customers;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Kasse.Server.Api.FiscalEndpoints;

namespace Kasse.Server.Tests.Fiscal;

/// <summary>
/// The rules the tax agency's SAF-T Cash Register validator checks beyond the schema, proven on a realistic
/// period: two tills, two business days, every tender, returns, a void, park and resume across tills, drops,
/// pay-ins, a copy, a delivery note, X, count and Z. Everything is checked from the exported file alone.
/// </summary>
public abstract class SaftRulesTests(KasseServer server)
{
    private static readonly XNamespace Dk = "urn:StandardAuditFile-Taxation-CashRegister:DK";
    private static readonly XNamespace No = "urn:StandardAuditFile-Taxation-CashRegister:NO";

    /// <summary>The events that concern a transaction and so must name it (transID).</summary>
    private static readonly string[] TransactionEvents = ["13010", "13011", "13012", "13013", "13014", "13015", "13016", "13019", "13028"];

    private readonly KasseClient _api = server.Client();

    private sealed record Period(Shop Till1, Shop Till2, List<SaleView> Sales, List<CashMovementView> Movements, List<RegisterReport> Reports,
        SaleView Voided, Dictionary<Guid, string?> References, string TerminalReference);

    private async Task<T> At<T>(DateTimeOffset day, string time, Func<Task<T>> action)
    {
        using (server.Clock.PinAt(day + TimeSpan.Parse(time, CultureInfo.InvariantCulture)))
            return await action();
    }

    private async Task<T> Post<T>(string path, object? body) => await KasseClient.Read<T>(await _api.PostAsync(path, body));

    private async Task<SaleView> PayRecordedAsync(Guid saleId, PaymentMethod method, decimal? amount, string? reference) =>
        await Post<SaleView>($"/api/v1/sales/{saleId}/payments", new AddPayment(Guid.CreateVersion7(), method, amount, Reference: reference));

    /// <summary>
    /// Two business days on two tills. <paramref name="day1"/> is midnight UTC of the first day; every action is in
    /// the shop's daytime whatever its time zone.
    /// </summary>
    private async Task<Period> TradeTwoDaysAsync(Shop till1, DateTimeOffset day1)
    {
        var till2 = till1 with { Register = await _api.NewRegisterAsync(till1.Store.Id, "Kasse 2") };
        var coffee = await _api.NewProductAsync(42.50m, name: "Kaffe, økologisk");
        var bread = await _api.NewProductAsync(28.95m, name: "Rugbrød, groft");
        var cheese = await _api.NewProductAsync(189.00m, unit: Kasse.Domain.Catalog.Unit.Kilogram, name: "Gammel ost");
        var day2 = day1.AddDays(1);
        var sales = new List<SaleView>();
        var movements = new List<CashMovementView>();
        var reports = new List<RegisterReport>();
        var references = new Dictionary<Guid, string?>();

        async Task<SaleView> Sell(Shop till, Func<SaleView, Task<SaleView>> pay, params (ProductView Product, decimal Quantity)[] items)
        {
            var sale = await _api.OpenSaleAsync(till);
            foreach (var (product, quantity) in items)
                sale = await _api.AddProductAsync(sale.Id, product.Id, quantity);
            await pay(sale);
            var done = await _api.CompleteAsync(sale.Id);
            sales.Add(done);
            return done;
        }

        // Day 1: both drawers get a float.
        var session1 = await At(day1, "07:55", () => _api.OpenSessionAsync(till1, 500m));
        var session2 = await At(day1, "07:56", () => _api.OpenSessionAsync(till2, 300m));
        // Cash with øreafrunding: 2 × 42.50 + 28.95 = 113.95, settled as 114.00.
        var cash = await At(day1, "08:05", () => Sell(till1, s => _api.PayCashAsync(s.Id, 200m), (coffee, 2m), (bread, 1m)));
        // A card payment with the terminal's reference, and one only recorded (no reference: Kasse's own id is the reference).
        var cardWithReference = await At(day1, "08:20", () => Sell(till1, s => PayRecordedAsync(s.Id, PaymentMethod.Card, null, "TERM-4711-000123"),
            (cheese, 0.512m), (bread, 1m)));
        var cardRecorded = await At(day1, "08:30", () => Sell(till1, s => _api.PayAsync(s.Id, PaymentMethod.Card), (bread, 2m), (coffee, 1m)));
        var mobilePay = await At(day1, "09:00", () => Sell(till2, s => PayRecordedAsync(s.Id, PaymentMethod.MobilePay, null, "MP-2026-88412"), (coffee, 1m)));
        // A gift card sold (paid by card), then spent.
        var giftCardSale = await At(day1, "09:10", () => Sell(till1, async s =>
        {
            await KasseClient.Read<SaleView>(await _api.TrySellGiftCardAsync(s.Id, 200m));
            return await _api.PayAsync(s.Id, PaymentMethod.Card);
        }));
        var giftCard = giftCardSale.Lines.Single(l => l.IsVoucher).Barcode!;
        // Split: gift card and cash (the cash part rounded), and card and cash.
        await At(day1, "09:20", () => Sell(till2, async s =>
        {
            await _api.TryPayWithGiftCardAsync(s.Id, giftCard, 50m);
            return await _api.PayCashAsync(s.Id, 50m);
        }, (coffee, 1m), (bread, 1m)));
        await At(day1, "09:40", () => Sell(till1, async s =>
        {
            await PayRecordedAsync(s.Id, PaymentMethod.Card, 50m, null);
            return await _api.PayCashAsync(s.Id, 100m);
        }, (cheese, 0.250m), (bread, 1m)));
        // Parked on till 1, resumed and paid on till 2.
        await At(day1, "10:00", async () =>
        {
            var sale = await _api.OpenSaleAsync(till1);
            await _api.AddProductAsync(sale.Id, coffee.Id);
            await Post<SaleView>($"/api/v1/sales/{sale.Id}/park", null);
            await Post<SaleView>($"/api/v1/sales/{sale.Id}/resume", new { registerId = till2.Register.Id });
            await Post<PrintedReceipt>($"/api/v1/sales/{sale.Id}/receipt/provisional", null);
            await _api.PayAsync(sale.Id, PaymentMethod.MobilePay);
            var done = await _api.CompleteAsync(sale.Id);
            sales.Add(done);
            return done;
        });
        var voided = await At(day1, "11:00", async () =>
        {
            var sale = await _api.OpenSaleAsync(till1);
            await _api.AddProductAsync(sale.Id, bread.Id);
            return await Post<SaleView>($"/api/v1/sales/{sale.Id}/void", null);
        });
        await At(day1, "11:30", () => Post<PrintedReceipt>($"/api/v1/sales/{cash.Id}/receipt/copy", null));
        await At(day1, "11:35", () => Post<PrintedReceipt>($"/api/v1/sales/{cardRecorded.Id}/receipt/delivery", null));
        reports.Add(await At(day1, "12:00", () => _api.XReportAsync(till1)));
        // A partial return of the cash sale, in cash.
        sales.Add(await At(day1, "13:00", () => _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), till1.Register.Id, till1.CashierId, cash.Id,
            [new ReturnLineRequest(cash.Lines[0].Id, 1m)]))));
        movements.Add(await At(day1, "14:00", () => _api.MoveCashAsync(till1, CashMovementKind.Drop, 100m, "Til boksen")));
        movements.Add(await At(day1, "14:05", () => _api.MoveCashAsync(till1, CashMovementKind.PayIn, 50m, "Mønter fra banken")));
        movements.Add(await At(day1, "14:10", () => _api.MoveCashAsync(till2, CashMovementKind.Drop, 40.00m, "Til boksen")));
        reports.Add(await At(day1, "15:00", () => _api.XReportAsync(till2)));
        await At(day1, "16:00", () => _api.CountAsync(till1, session1.Id, 600m));
        await At(day1, "16:05", () => _api.CountAsync(till2, session2.Id, 400m));
        reports.Add(await At(day1, "17:00", () => _api.ZReportAsync(till1)));
        reports.Add(await At(day1, "17:01", () => _api.ZReportAsync(till2)));

        // Day 2: the recorded card sale of day 1 comes back whole on till 2; a partial return of the card sale with a reference.
        var session3 = await At(day2, "07:55", () => _api.OpenSessionAsync(till1, 500m));
        var session4 = await At(day2, "07:56", () => _api.OpenSessionAsync(till2, 300m));
        // A card payment through the payment terminal (the simulator, a process of its own): its reference is the terminal's.
        string terminalReference;
        await using (var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal))
        {
            await _api.ConnectDevicesAsync(till1.Register.Id, terminal.Url);
            var byTerminal = await At(day2, "08:15", () => Sell(till1, async s =>
            {
                var payment = await _api.PayByDeviceAsync(s.Id, PaymentMethod.Card);
                Assert.Equal(TerminalPaymentState.Approved, payment.State);
                return await _api.GetSaleAsync(s.Id);
            }, (coffee, 3m)));
            await _api.ConnectDevicesAsync(till1.Register.Id, null);
            terminalReference = Assert.Single(byTerminal.Payments).Reference!;
            Assert.False(string.IsNullOrEmpty(terminalReference));
        }
        await At(day2, "08:30", () => Sell(till2, s => _api.PayAsync(s.Id, PaymentMethod.Card), (cheese, 0.250m)));
        sales.Add(await At(day2, "09:00", () => _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), till2.Register.Id, till2.CashierId, cardRecorded.Id,
            cardRecorded.Lines.Select(l => new ReturnLineRequest(l.Id, l.Quantity)).ToList()))));
        sales.Add(await At(day2, "09:30", () => _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), till1.Register.Id, till1.CashierId, cardWithReference.Id,
            [new ReturnLineRequest(cardWithReference.Lines[1].Id, 1m)]))));
        await At(day2, "10:00", () => Sell(till1, s => _api.PayCashAsync(s.Id, 100m), (bread, 3m)));
        movements.Add(await At(day2, "10:30", () => _api.MoveCashAsync(till1, CashMovementKind.PayIn, 200m, "Veksel")));
        movements.Add(await At(day2, "11:00", () => _api.MoveCashAsync(till2, CashMovementKind.Drop, 100m, "Til banken")));
        reports.Add(await At(day2, "12:00", () => _api.XReportAsync(till2)));
        await At(day2, "13:00", () => Sell(till2, s => PayRecordedAsync(s.Id, PaymentMethod.MobilePay, null, null), (coffee, 2m)));
        await At(day2, "16:00", () => _api.CountAsync(till1, session3.Id, 800m));
        await At(day2, "16:05", () => _api.CountAsync(till2, session4.Id, 350m));
        reports.Add(await At(day2, "17:00", () => _api.ZReportAsync(till1)));
        reports.Add(await At(day2, "17:01", () => _api.ZReportAsync(till2)));

        foreach (var sale in sales)
            foreach (var payment in sale.Payments)
                references[payment.Id] = payment.Reference;
        return new Period(till1, till2, sales, movements, reports, voided, references, terminalReference);
    }

    private async Task<byte[]> ExportAsync(Guid storeId, DateTimeOffset day1, string country)
    {
        using (server.Clock.PinAt(day1.AddDays(2).AddHours(9)))
        {
            var from = DateOnly.FromDateTime(day1.UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var to = DateOnly.FromDateTime(day1.AddDays(1).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var response = await _api.Http.GetAsync($"/api/v1/stores/{storeId}/exports/saf-t?from={from}&to={to}&country={country}");
            var body = await response.Content.ReadAsByteArrayAsync();
            Assert.True(response.IsSuccessStatusCode, Encoding.UTF8.GetString(body));
            return body;
        }
    }

    private static string Text(XElement parent, XName name) => parent.Element(name)?.Value
        ?? throw new Xunit.Sdk.XunitException($"<{parent.Name.LocalName}> has no <{name.LocalName}>: {parent}");

    private static decimal Amount(XElement parent, XName name) => decimal.Parse(Text(parent, name), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_danish_file_of_two_busy_days_passes_the_agency_rules_checked_from_the_file_alone()
    {
        var day1 = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var shop = await _api.NewShopAsync();
        var period = await TradeTwoDaysAsync(shop, day1);

        var body = await ExportAsync(shop.Store.Id, day1, "DK");

        SaftSchema.AssertValid(body, "SAF-T.xsd");
        var file = XDocument.Load(new MemoryStream(body)).Root!;
        var registers = file.Element(Dk + "company")!.Element(Dk + "location")!.Elements(Dk + "cashregister").ToList();
        var transactions = registers.SelectMany(r => r.Elements(Dk + "cashtransaction")).ToList();

        // Rule 1: certificateData is PEM; the public key is read from it and every signature verifies from the file alone,
        // chained per till in the order of the file (the company's nr), drops and pay-ins included.
        foreach (var register in registers)
        {
            var previous = "0";
            long nr = 0;
            foreach (var t in register.Elements(Dk + "cashtransaction"))
            {
                var pem = Text(t, Dk + "certificateData");
                Assert.StartsWith("-----BEGIN CERTIFICATE-----\n", pem, StringComparison.Ordinal);
                Assert.EndsWith("-----END CERTIFICATE-----", pem.TrimEnd(), StringComparison.Ordinal);
                Assert.All(pem.Split('\n'), line => Assert.True(line.Length <= 64, "A PEM line is longer than 64 characters: " + line));
                using var certificate = X509Certificate2.CreateFromPem(pem);
                Assert.Equal(Text(t, Dk + "keyVersion"), certificate.Thumbprint);
                using var key = certificate.GetRSAPublicKey()!;
                var message = string.Join(';', previous, Text(t, Dk + "nr"), Text(t, Dk + "transID"), Text(t, Dk + "transType"), Text(t, Dk + "transDate"),
                    Text(t, Dk + "transTime"), Text(t, Dk + "empID"), Text(t, Dk + "transAmntIn"), Text(t, Dk + "transAmntEx"), Text(register, Dk + "registerID"),
                    shop.Store.CompanyId);
                Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(Text(t, Dk + "signature")), HashAlgorithmName.SHA512,
                    RSASignaturePadding.Pkcs1), "The signature does not verify from the file's fields: " + message);
                Assert.True(long.Parse(Text(t, Dk + "nr"), CultureInfo.InvariantCulture) > nr, "The chain is not in nr order.");
                nr = long.Parse(Text(t, Dk + "nr"), CultureInfo.InvariantCulture);
                previous = Text(t, Dk + "signature");
            }
        }
        AssertCommonRules(Dk, file, period);

        // Journal verification walks the same chains, drops and pay-ins included: a drop changed afterwards is named.
        Assert.Null((await _api.Http.GetFromJsonAsync<JournalVerification>($"/api/v1/stores/{shop.Store.Id}/journal/verification", KasseClient.Json))!.FirstBreak);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
            var drop = period.Movements[0].Id;
            await db.Database.ExecuteSqlAsync($"""UPDATE "CashMovements" SET "Amount" = "Amount" - 5000 WHERE "Id" = {drop}""");
        }
        var verification = await _api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/stores/{shop.Store.Id}/journal/verification", KasseClient.Json);
        Assert.NotEqual(JsonValueKind.Null, verification.GetProperty("firstBreak").ValueKind);
        // Named among the breaks (a changed drop may also show in the cash of the report that covers it).
        Assert.Contains("The drop of 50.00 (2026-03-02 14:00 UTC) on register", verification.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_norwegian_file_of_two_busy_days_passes_the_rules_its_schema_has()
    {
        var day1 = new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero);
        var shop = await _api.NewShopAsync("NO", "Europe/Oslo", companyId: (900_000_000 + server.NextNumber() % 99_999_999).ToString(CultureInfo.InvariantCulture),
            currency: "NOK");
        var period = await TradeTwoDaysAsync(shop, day1);

        var body = await ExportAsync(shop.Store.Id, day1, "NO");

        SaftSchema.AssertValid(body, SaftSchema.NorwegianSchema);
        var file = XDocument.Load(new MemoryStream(body)).Root!;
        Assert.DoesNotContain(file.Descendants(), e => e.Name.LocalName == "certificateData");
        var registers = file.Element(No + "company")!.Element(No + "location")!.Elements(No + "cashregister").ToList();

        // Norway's file carries no certificate (the key is filed apart): the RSA-SHA1 chain verifies with the company's
        // certificate, drops and pay-ins included.
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KasseDbContext>();
        foreach (var register in registers)
        {
            var previous = "0";
            foreach (var t in register.Elements(No + "cashtransaction"))
            {
                var keyVersion = Text(t, No + "keyVersion");
                var certificate = await db.SigningKeys.Where(k => k.KeyVersion == keyVersion).Select(k => k.Certificate).SingleAsync();
                using var x509 = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(certificate));
                using var key = x509.GetRSAPublicKey()!;
                var message = string.Join(';', previous, Text(t, No + "transDate"), Text(t, No + "transTime"), Text(t, No + "nr"),
                    Text(t, No + "transAmntIn"), Text(t, No + "transAmntEx"));
                Assert.True(key.VerifyData(Encoding.UTF8.GetBytes(message), Convert.FromBase64String(Text(t, No + "signature")), HashAlgorithmName.SHA1,
                    RSASignaturePadding.Pkcs1), "The Norwegian signature does not verify from the file's fields: " + message);
                previous = Text(t, No + "signature");
            }
        }
        AssertCommonRules(No, file, period);
        Assert.Null((await _api.Http.GetFromJsonAsync<JournalVerification>($"/api/v1/stores/{shop.Store.Id}/journal/verification", KasseClient.Json))!.FirstBreak);
    }

    /// <summary>Rules 2–5, the same in both countries' files.</summary>
    private static void AssertCommonRules(XNamespace ns, XElement file, Period period)
    {
        string Id(Guid id) => ns == No ? id.ToString("N") : id.ToString("D");
        var registers = file.Element(ns + "company")!.Element(ns + "location")!.Elements(ns + "cashregister").ToList();
        var transactions = registers.SelectMany(r => r.Elements(ns + "cashtransaction")).ToDictionary(t => Text(t, ns + "transID"));
        var events = registers.SelectMany(r => r.Elements(ns + "event")).ToList();

        // Every sale and return of the period, and every drop and pay-in as its own transaction: 11010 out payment
        // (negative, the money leaves the drawer) or 11011 in payment, paid in cash.
        Assert.Equal(period.Sales.Select(s => Id(s.Id)).Concat(period.Movements.Select(m => Id(m.Id))).Order(), transactions.Keys.Order());
        foreach (var movement in period.Movements)
        {
            var t = transactions[Id(movement.Id)];
            var signed = movement.Kind == CashMovementKind.Drop ? -movement.Amount : movement.Amount;
            Assert.Equal(movement.Kind == CashMovementKind.Drop ? ("11010", "D") : ("11011", "C"), (Text(t, ns + "transType"), Text(t, ns + "amntTp")));
            Assert.Equal((signed, signed), (Amount(t, ns + "transAmntIn"), Amount(t, ns + "transAmntEx")));
            var payment = Assert.Single(t.Elements(ns + "payment"));
            Assert.Equal(("12001", signed), (Text(payment, ns + "paymentType"), Amount(payment, ns + "paidAmnt")));
            Assert.Equal(movement.TransactionNumber!.Value.ToString(CultureInfo.InvariantCulture), Text(t, ns + "nr"));
            Assert.Equal(Id(movement.RegisterId), Text(t.Parent!, ns + "registerID"));
        }
        Assert.Equal(["11001", "11006", "11010", "11011"], transactions.Values.Select(t => Text(t, ns + "transType")).Distinct().Order());

        // Rule 2: every card and MobilePay payment has its reference: the terminal's or MobilePay's, else Kasse's payment id.
        var payments = transactions.Values.SelectMany(t => t.Elements(ns + "payment")).ToList();
        Assert.Equal(["12001", "12002", "12005", "12011"], payments.Select(p => Text(p, ns + "paymentType")).Distinct().Order());
        var byReference = payments.Where(p => Text(p, ns + "paymentType") is "12002" or "12003" or "12011").ToList();
        Assert.All(byReference, p => Assert.False(string.IsNullOrWhiteSpace(p.Element(ns + "paymentRefID")?.Value), "No paymentRefID: " + p));
        var refIds = byReference.Select(p => Text(p, ns + "paymentRefID")).ToHashSet();
        Assert.Contains("TERM-4711-000123", refIds);
        Assert.Contains("MP-2026-88412", refIds);
        Assert.Contains(period.TerminalReference, refIds);
        foreach (var paymentId in period.References.Where(r => r.Value is null).Select(r => r.Key))
            if (period.Sales.SelectMany(s => s.Payments).Single(p => p.Id == paymentId).Method is PaymentMethod.Card or PaymentMethod.MobilePay)
                Assert.Contains(Id(paymentId), refIds);

        // Rule 3: every event that concerns a transaction names it, and the transaction is in the file — except a void's,
        // whose sale never became a transaction. A drop's 13019 and a pay-in's 13999 name the 11010/11011 transaction.
        foreach (var e in events.Where(e => TransactionEvents.Contains(Text(e, ns + "eventType"))))
        {
            var transId = e.Element(ns + "transID")?.Value;
            Assert.False(string.IsNullOrEmpty(transId), "An event without its transID: " + e);
            if (Text(e, ns + "eventType") == "13028")
                Assert.Equal(Id(period.Voided.Id), transId);
            else
                Assert.True(transactions.ContainsKey(transId), "An event names a transaction the file does not have: " + e);
        }
        var payIns = events.Where(e => Text(e, ns + "eventType") == "13999" && Text(e, ns + "eventText").StartsWith("CashPaidIn", StringComparison.Ordinal)).ToList();
        Assert.Equal(period.Movements.Where(m => m.Kind == CashMovementKind.PayIn).Select(m => Id(m.Id)).Order(), payIns.Select(e => Text(e, ns + "transID")).Order());
        Assert.Equal(period.Movements.Where(m => m.Kind == CashMovementKind.Drop).Select(m => Id(m.Id)).Order(),
            events.Where(e => Text(e, ns + "eventType") == "13019").Select(e => Text(e, ns + "transID")).Order());
        foreach (var code in TransactionEvents)
            Assert.Contains(events, e => Text(e, ns + "eventType") == code);

        // Rules 4 and 5, for every X and Z, from the file alone: a report covers its till's receipts since the till's
        // previous Z. The period's transactions (returns negative, incl. VAT) + |reportReturnAmnt| = reportTotalCashSales;
        // reportGrandTotalSales = the previous Z's + reportTotalCashSales. Drops and pay-ins are not sales: in neither.
        var checkedReports = 0;
        foreach (var register in registers)
        {
            decimal receipts = 0m, previousGrandTotal = 0m;
            foreach (var e in register.Elements(ns + "event").OrderBy(e => long.Parse(Text(e, ns + "eventID"), CultureInfo.InvariantCulture)))
            {
                var type = Text(e, ns + "eventType");
                if (type is "13012" or "13013" && transactions[Text(e, ns + "transID")] is var t && Text(t, ns + "trainingID") == "false")
                    receipts += Amount(t, ns + "transAmntIn");
                if (type is not ("13008" or "13009"))
                    continue;
                var report = e.Element(ns + "eventReport")!;
                var what = $"{Text(report, ns + "reportType")} at {Text(report, ns + "reportDate")} {Text(report, ns + "reportTime")}";
                var total = Amount(report.Element(ns + "reportTotalCashSales")!, ns + "totalCashSaleAmnt");
                Assert.True(receipts + Math.Abs(Amount(report, ns + "reportReturnAmnt")) == total,
                    $"{what}: the period's transactions {receipts} + returns {Amount(report, ns + "reportReturnAmnt")} are not reportTotalCashSales {total}.");
                Assert.True(previousGrandTotal + total == Amount(report, ns + "reportGrandTotalSales"),
                    $"{what}: the previous Z's grand total {previousGrandTotal} + {total} is not reportGrandTotalSales {Amount(report, ns + "reportGrandTotalSales")}.");
                checkedReports++;
                if (type == "13009")
                {
                    previousGrandTotal = Amount(report, ns + "reportGrandTotalSales");
                    receipts = 0m;
                }
            }
        }
        Assert.Equal(period.Reports.Count, checkedReports);
        // The period had returns in three of its reports, so the identity is not trivially the net figure.
        Assert.True(period.Reports.Count(r => r.Returns.Count > 0) >= 3);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SaftRulesOnSqlite(SqliteServer server) : SaftRulesTests(server);

[Collection(PostgresCollection.Name)]
public sealed class SaftRulesOnPostgres(PostgresServer server) : SaftRulesTests(server);
