using Kasse.Application.Staff;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Kasse.Application.CashControl;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using static Kasse.Server.Api.FiscalEndpoints;

namespace Kasse.Server.Tests.Fiscal;

/// <summary>The list of journaled events, walked through on one store the way a till causes each.</summary>
public abstract class EveryEventTests(KasseServer server)
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    private readonly KasseClient _api = server.Client();

    private async Task<List<JournalEntryView>> JournalAsync(Guid storeId) =>
        (await _api.Http.GetFromJsonAsync<List<JournalEntryView>>($"/api/v1/stores/{storeId}/journal?take=1000", KasseClient.Json))!;

    private async Task<T> Post<T>(string path, object? body) => await KasseClient.Read<T>(await _api.PostAsync(path, body));

    /// <summary>A second Kasse node over the same database, started and stopped: what a restart of the shop's PC does.</summary>
    private async Task StartAndStopAnotherNodeAsync()
    {
        var node = await KasseHost.StartAsync(server.Provider, server.Database.ConnectionString);
        await node.DisposeAsync();
    }

    [Fact]
    public async Task Every_event_an_auditor_asks_for_is_journaled_with_its_official_code()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(25.00m, name: "Wienerbrød");
        var till = $"/api/v1/registers/{shop.Register.Id}";

        await StartAndStopAnotherNodeAsync();
        await Post<object>($"{till}/sign-in", new { employeeId = shop.CashierId, pin = "1111" });
        var session = await Post<SessionView>($"{till}/sessions", new OpenSession(Guid.CreateVersion7(), 300m, shop.CashierId));
        await Post<DrawerOpenedView>($"{till}/drawer/open", new OpenDrawer(shop.CashierId, "Veksle en 500-seddel", new Approval(shop.SupervisorId, Shop.SupervisorPin)));
        var closed = await Post<DrawerClosedView>($"{till}/drawer/close", new CloseDrawer(shop.CashierId));

        // A sale parked and resumed, shown as a provisional receipt, paid in cash; the customer declines the receipt.
        var sale = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(sale.Id, item.Id, 2m);
        await Post<SaleView>($"/api/v1/sales/{sale.Id}/park", null);
        await Post<SaleView>($"/api/v1/sales/{sale.Id}/resume", new { registerId = shop.Register.Id });
        await Post<PrintedReceipt>($"/api/v1/sales/{sale.Id}/receipt/provisional", null);
        await _api.PayCashAsync(sale.Id, 100m);
        sale = await Post<SaleView>($"/api/v1/sales/{sale.Id}/complete", new CompleteSale(PrintReceipt: false));
        // The customer comes back for a receipt after all (the copy), and a delivery note for the goods.
        var copy = await Post<PrintedReceipt>($"/api/v1/sales/{sale.Id}/receipt/copy", null);
        var delivery = await Post<PrintedReceipt>($"/api/v1/sales/{sale.Id}/receipt/delivery", null);

        var returned = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sale.Id,
            [new ReturnLineRequest(sale.Lines[0].Id, 1m)]));
        var voided = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(voided.Id, item.Id);
        await Post<SaleView>($"/api/v1/sales/{voided.Id}/void", null);
        await Post<object>($"/api/v1/registers/{shop.Register.Id}/price-checks", new { barcode = item.Barcodes[0], employeeId = shop.CashierId });
        await KasseClient.Read<object>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/products/{item.Id}",
            new { sku = item.Sku, name = item.Name, price = 26.00m, vatPercent = 25m, barcodes = item.Barcodes }));
        await Post<object>($"{till}/training", new { on = true, employeeId = shop.CashierId });
        await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        await Post<object>($"{till}/training", new { on = false, employeeId = shop.CashierId });
        await Post<CashMovementView>($"{till}/cash-movements", new RecordCashMovement(Guid.CreateVersion7(), CashMovementKind.Drop, 100m, "Til boksen", shop.CashierId));
        await Post<CashMovementView>($"{till}/cash-movements", new RecordCashMovement(Guid.CreateVersion7(), CashMovementKind.PayIn, 20m, "Småpenge", shop.CashierId));
        var x = await Post<RegisterReport>($"{till}/x-reports", new MakeReport(Guid.CreateVersion7(), shop.SupervisorId));
        await Post<SessionView>($"{till}/sessions/{session.Id}/count", new CountCash(245.00m, shop.CashierId));
        var z = await Post<RegisterReport>($"{till}/z-reports", new MakeReport(Guid.CreateVersion7(), shop.SupervisorId));
        await Post<object>($"{till}/sign-out", new { employeeId = shop.CashierId });
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(server.Clock.GetUtcNow(), Copenhagen).DateTime);
        var export = await _api.Http.GetAsync($"/api/v1/stores/{shop.Store.Id}/exports/saf-t?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        Assert.True(export.IsSuccessStatusCode, await export.Content.ReadAsStringAsync());
        var journal = await JournalAsync(shop.Store.Id);
        // The list, each event with its PredefinedBasicID 13xxx and the kind Kasse journals it as.
        var expected = new (string Event, string Code, JournalEventKind Kind)[]
        {
            ("application start", "13001", JournalEventKind.ApplicationStarted),
            ("application stop", "13002", JournalEventKind.ApplicationStopped),
            ("login", "13003", JournalEventKind.EmployeeSignedIn),
            ("logout", "13004", JournalEventKind.EmployeeSignedOut),
            ("drawer open (no sale)", "13005", JournalEventKind.DrawerOpened),
            ("drawer close", "13006", JournalEventKind.DrawerClosed),
            ("X report", "13008", JournalEventKind.XReport),
            ("Z report", "13009", JournalEventKind.ZReport),
            ("park", "13010", JournalEventKind.SaleParked),
            ("resume", "13011", JournalEventKind.SaleResumed),
            ("sales receipt", "13012", JournalEventKind.SaleCompleted),
            ("return receipt", "13013", JournalEventKind.ReturnCompleted),
            ("copy receipt", "13014", JournalEventKind.CopyReceipt),
            ("provisional receipt", "13015", JournalEventKind.ProvisionalReceipt),
            ("delivery receipt", "13016", JournalEventKind.DeliveryReceipt),
            ("training receipt", "13017", JournalEventKind.TrainingReceipt),
            ("cash out", "13019", JournalEventKind.CashWithdrawal),
            ("journal export", "13020", JournalEventKind.JournalExported),
            ("price change", "13021", JournalEventKind.PriceChanged),
            ("price look-up", "13022", JournalEventKind.PriceLookedUp),
            ("training mode on", "13023", JournalEventKind.TrainingModeOn),
            ("training mode off", "13024", JournalEventKind.TrainingModeOff),
            ("void", "13028", JournalEventKind.SaleVoided),
            ("sale concluded without printed receipt", "13030", JournalEventKind.SaleConcludedWithoutReceipt),
            // No 13xxx code exists for cash put in: an "other" event whose payload carries transaction type 11011.
            ("cash in", "13999", JournalEventKind.CashPaidIn),
        };
        foreach (var (what, code, kind) in expected)
        {
            Assert.True(SaftCodes.EventCode(kind) == code, $"{what} should have code {code}, not {SaftCodes.EventCode(kind)}");
            Assert.True(journal.Any(e => e.EventCode == code && e.Kind == kind.ToString()), $"The journal has no {what} ({code}).");
        }
        Assert.Contains("\"transactionType\":\"11011\"", journal.Single(e => e.Kind == nameof(JournalEventKind.CashPaidIn)).Payload);

        // The events carry what an auditor needs: the sale, the drawer opening closed, the delivery note's mark.
        var declined = journal.Single(e => e.EventCode == "13030");
        Assert.Equal((sale.Id, shop.Register.Id, shop.CashierId), (declined.SaleId!.Value, declined.RegisterId!.Value, declined.EmployeeId!.Value));
        Assert.Equal(journal.Single(e => e.EventCode == "13012").Sequence + 1, declined.Sequence);
        var opened = journal.Single(e => e.EventCode == "13005");
        Assert.Contains($"\"openedSequence\":{opened.Sequence}", journal.Single(e => e.EventCode == "13006").Payload);
        Assert.Equal(closed.JournalSequence, journal.Single(e => e.EventCode == "13006").Sequence);
        Assert.Contains("FØLGESEDDEL", delivery.Text);
        Assert.Contains("KOPI", copy.Text);
        Assert.Equal(sale.Id, journal.Single(e => e.EventCode == "13016").SaleId);

        // The X and Z reports count the delivery note and the drawer opening.
        Assert.Equal((1, sale.TotalAmount), (x.Deliveries.Count, x.Deliveries.Amount));
        Assert.Equal((1, sale.TotalAmount, 1), (z.Deliveries.Count, z.Deliveries.Amount, z.DrawerOpens));
        Assert.Equal(returned.TotalAmount, -z.Returns.Amount);

        // The export lists the new codes in its basics and still validates; the chain is whole.
        var body = await export.Content.ReadAsByteArrayAsync();
        SaftSchema.AssertValid(body, "SAF-T.xsd");
        var text = Encoding.UTF8.GetString(body);
        foreach (var code in new[] { "13006", "13016", "13030" })
            Assert.Contains($"<predefinedBasicID>{code}</predefinedBasicID>", text);
        Assert.Contains("<reportReceiptDeliveryNum>1</reportReceiptDeliveryNum>", text);
        var verification = await _api.Http.GetFromJsonAsync<Kasse.Domain.Fiscal.JournalVerification>(
            $"/api/v1/stores/{shop.Store.Id}/journal/verification", KasseClient.Json);
        Assert.Null(verification!.FirstBreak);
    }

    [Fact]
    public async Task A_delivery_note_is_for_a_completed_sale_and_a_drawer_close_needs_a_known_register()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(10.00m);
        var open = await _api.OpenSaleAsync(shop);
        await _api.AddProductAsync(open.Id, item.Id);

        await KasseClient.Problem(await _api.PostAsync($"/api/v1/sales/{open.Id}/receipt/delivery", null), HttpStatusCode.Conflict, "receipt.not-delivered");
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/sales/{Guid.CreateVersion7()}/receipt/delivery", null), HttpStatusCode.NotFound, "sale.not-found");
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/registers/{Guid.CreateVersion7()}/drawer/close", new CloseDrawer()), HttpStatusCode.NotFound);
        var sold = await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        var returned = await _api.ReturnAsync(new CreateReturn(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, sold.Id,
            [new ReturnLineRequest(sold.Lines[0].Id, 1m)]));
        await KasseClient.Problem(await _api.PostAsync($"/api/v1/sales/{returned.Id}/receipt/delivery", null), HttpStatusCode.Conflict, "receipt.not-delivered");

        // A drawer closed with no opening in the journal is still journaled, with no opening to name.
        var closed = await Post<DrawerClosedView>($"/api/v1/registers/{shop.Register.Id}/drawer/close", new CloseDrawer());
        var entry = (await JournalAsync(shop.Store.Id)).Single(e => e.Sequence == closed.JournalSequence);
        Assert.Equal("13006", entry.EventCode);
        Assert.Contains("\"openedSequence\":null", entry.Payload);
        // A sale completed the usual way prints its receipt: no 13030.
        Assert.DoesNotContain(await JournalAsync(shop.Store.Id), e => e.EventCode == "13030");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EveryEventOnSqlite(SqliteServer server) : EveryEventTests(server);

[Collection(PostgresCollection.Name)]
public sealed class EveryEventOnPostgres(PostgresServer server) : EveryEventTests(server);
