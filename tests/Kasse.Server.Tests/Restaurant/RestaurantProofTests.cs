using System.Net.Http.Json;
using System.Text;
using Kasse.Application.Catalog;
using Kasse.Application.Inventory;
using Kasse.Application.Menu;
using Kasse.Application.Payments;
using Kasse.Application.Reporting;
using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Domain.Accounting;
using Kasse.Domain.Catalog;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Menu;
using Kasse.Domain.Payments;
using Kasse.Domain.Restaurant;
using Kasse.Domain.Sales;
using Kasse.Server.Api;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Fiscal;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Inventory;
using Kasse.Server.Tests.Payments;

namespace Kasse.Server.Tests.Restaurant;

/// <summary>
/// Issue 22's proof end to end through the HTTP API, the card terminal simulator as its own process: table 4 for three
/// guests, dishes with modifiers on seats, course 1 sent and course 2 held then fired, the bill split by seat, one part
/// paid by card with a tip the guest picks on the terminal and two in cash; then each receipt, the fiscal journal, the X
/// and Z reports, the day's SAF-T file (valid against the schema, the tip as a raise and in reportTip) and the stock the
/// recipes and modifiers moved.
/// </summary>
public abstract class RestaurantProofTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private async Task<T> Post<T>(string path, object? body) => await KasseClient.Read<T>(await _api.PostAsync(path, body));

    private async Task<ModifierGroupView> AddGroupAsync(Guid storeId, SaveModifierGroup group) =>
        await Post<ModifierGroupView>($"/api/v1/stores/{storeId}/menu/modifier-groups", group);

    private async Task<SaleView> AddAsync(Guid saleId, ProductView product, int seat, IReadOnlyList<Guid>? modifiers = null, string? note = null) =>
        await Post<SaleView>($"/api/v1/sales/{saleId}/lines", new AddLine(Guid.CreateVersion7(), ProductId: product.Id, Seat: seat, Modifiers: modifiers, Note: note));

    private async Task<KitchenBoardView> BoardAsync(Guid stationId) =>
        (await _api.Http.GetFromJsonAsync<KitchenBoardView>($"/api/v1/kitchen/stations/{stationId}/board", KasseClient.Json))!;

    private static Guid Option(ModifierGroupView group, string name) => group.Options.Single(o => o.Name == name).Id;

    [Fact]
    public async Task A_table_for_three_orders_two_courses_with_modifiers_splits_by_seat_pays_card_with_a_tip_and_cash_and_every_record_is_right()
    {
        var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        await using var _ = terminal;
        var shop = await _api.NewShopAsync();
        var storeId = shop.Store.Id;
        await _api.ConnectDevicesAsync(shop.Register.Id, terminal.Url);
        var stock = await _api.FloorAsync(shop);

        // The kitchen, the floor and the menu: soup (course 1), steak (course 2 by its route) with modifiers, latte with oat milk.
        var cooks = await Post<KitchenStationView>($"/api/v1/stores/{storeId}/kitchen/stations", new SaveKitchenStation("Køkken"));
        var area = await Post<AreaView>($"/api/v1/stores/{storeId}/floor/areas", new SaveArea("Caféen"));
        var tableFour = await Post<TableView>($"/api/v1/stores/{storeId}/floor/tables", new SaveTable(area.Id, "4", Seats: 4));
        var stockOf = new Dictionary<string, ProductView>();
        foreach (var (name, unit) in new[] { ("Bouillon", Unit.Litre), ("Oksekød", Unit.Kilogram), ("Bearnaise", Unit.Kilogram),
                     ("Kaffebønner", Unit.Kilogram), ("Mælk", Unit.Litre), ("Havredrik", Unit.Litre) })
        {
            stockOf[name] = await _api.NewProductAsync(10.00m, unit: unit, name: name);
            await _api.AdjustAsync(stock.Id, stockOf[name].Id, 10m);
        }
        var soup = await _api.NewProductAsync(65.00m, name: "Hønsekødssuppe");
        var steak = await _api.NewProductAsync(185.00m, name: "Bøf med bløde løg");
        var latte = await _api.NewProductAsync(42.00m, name: "Caffè latte");
        await _api.PutAsync<RecipeView>($"/api/v1/products/{soup.Id}/recipe", new SaveRecipe(1m, [new(stockOf["Bouillon"].Id, 300m, "ml")]));
        await _api.PutAsync<RecipeView>($"/api/v1/products/{steak.Id}/recipe", new SaveRecipe(1m, [new(stockOf["Oksekød"].Id, 250m, "g")]));
        await _api.PutAsync<RecipeView>($"/api/v1/products/{latte.Id}/recipe",
            new SaveRecipe(1m, [new(stockOf["Kaffebønner"].Id, 18m, "g"), new(stockOf["Mælk"].Id, 200m, "ml")]));
        var adapt = await AddGroupAsync(storeId, new SaveModifierGroup("Tilpas", 0, 2,
            [new("Uden løg"), new("Ekstra bearnaise", 15m, IngredientId: stockOf["Bearnaise"].Id, IngredientQuantity: 0.05m)]));
        var milk = await AddGroupAsync(storeId, new SaveModifierGroup("Mælk", 0, 1,
            [new("Havremælk", 5m, IngredientId: stockOf["Havredrik"].Id, ReplacesIngredientId: stockOf["Mælk"].Id)]));
        await _api.PutAsync<ProductMenuView>($"/api/v1/stores/{storeId}/menu/products/{steak.Id}", new SaveProductMenu(GroupIds: [adapt.Id]));
        await _api.PutAsync<ProductMenuView>($"/api/v1/stores/{storeId}/menu/products/{latte.Id}", new SaveProductMenu([Allergens.Milk], GroupIds: [milk.Id]));
        Assert.True((await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{storeId}/kitchen/routes",
            new SaveKitchenRoute(steak.Id, null, cooks.Id, 2))).IsSuccessStatusCode);

        // The waiter opens table 4 for three guests and takes the order, seat by seat.
        var sale = await Post<SaleView>("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), shop.Register.Id, shop.CashierId, tableFour.Id, Covers: 3));
        await AddAsync(sale.Id, soup, seat: 1);
        await AddAsync(sale.Id, steak, seat: 1, [Option(adapt, "Ekstra bearnaise")], "Medium rare");
        await AddAsync(sale.Id, soup, seat: 2);
        await AddAsync(sale.Id, latte, seat: 2, [Option(milk, "Havremælk")]);
        await AddAsync(sale.Id, steak, seat: 3, [Option(adapt, "Uden løg")]);
        var ordered = await AddAsync(sale.Id, latte, seat: 3);

        var sent = await Post<SaleKitchenView>($"/api/v1/sales/{sale.Id}/kitchen/send", new SendToKitchen());
        var afterSend = await BoardAsync(cooks.Id);
        await Post<KitchenTicketView>($"/api/v1/kitchen/tickets/{afterSend.Open.Single().Id}/bump", null);
        var fired = await Post<SaleKitchenView>($"/api/v1/sales/{sale.Id}/kitchen/courses/2/fire", null);
        var afterFire = await BoardAsync(cooks.Id);

        Assert.Equal(604.00m, ordered.TotalAmount);
        Assert.Equal(2, sent.Tickets.Count);
        var starters = Assert.Single(afterSend.Open);
        Assert.Equal((1, "4", 3), (starters.Course, starters.TableName, starters.Covers));
        Assert.Equal(["Caffè latte", "Caffè latte", "Hønsekødssuppe", "Hønsekødssuppe"], starters.Items.Select(i => i.Name).Order());
        Assert.Contains(starters.Items, i => i.Modifiers.Contains("Havremælk"));
        var held = Assert.Single(afterSend.Held);
        Assert.Equal((2, KitchenTicketStatus.Held), (held.Course, held.Status));
        Assert.Equal(held.Id, Assert.Single(fired.Tickets).Id);
        var mains = Assert.Single(afterFire.Open);
        Assert.Equal((held.Id, 2, KitchenTicketStatus.Open), (mains.Id, mains.Course, mains.Status));
        Assert.Contains(mains.Items, i => i.Modifiers.Contains("Ekstra bearnaise") && i.Note == "Medium rare");
        Assert.Contains(mains.Items, i => i.Modifiers.Contains("Uden løg"));
        Assert.Empty(afterFire.Held);

        // The bill split by seat; seat 1 pays by card and picks a tip on the terminal, seats 2 and 3 in cash.
        var split = await Post<SplitBill>($"/api/v1/sales/{sale.Id}/split", new SplitSale(SplitBy.Seats));
        Assert.Equal([1, 2, 3], split.Parts.Select(p => p.Lines.Select(l => l.Seat!.Value).Distinct().Single()));
        Assert.Equal([265.00m, 112.00m, 227.00m], split.Parts.Select(p => p.TotalAmount));
        var (seatOne, seatTwo, seatThree) = (split.Parts[0], split.Parts[1], split.Parts[2]);
        await terminal.ControlAsync("control/next", new { outcome = "Approve", tipAmount = 26.50m });
        var card = await Post<TerminalPaymentView>($"/api/v1/sales/{seatOne.Id}/terminal-payments",
            new StartDevicePayment(Guid.CreateVersion7(), PaymentMethod.Card, AskForTip: true));
        Assert.Equal((TerminalPaymentState.Approved, 265.00m, 26.50m), (card.State, card.ApprovedAmount!.Value, card.ApprovedTip!.Value));
        var paidByCard = await _api.CompleteAsync(seatOne.Id);
        var tableWhileOpen = (await _api.Http.GetFromJsonAsync<FloorStateView>($"/api/v1/stores/{storeId}/floor/state", KasseClient.Json))!
            .Areas.SelectMany(a => a.Tables).Single(t => t.Id == tableFour.Id);
        await _api.PayCashAsync(seatTwo.Id, 150m);
        var paidInCash = await _api.CompleteAsync(seatTwo.Id);
        await _api.PayCashAsync(seatThree.Id, 250m);
        var paidInCashToo = await _api.CompleteAsync(seatThree.Id);
        var parts = new[] { paidByCard, paidInCash, paidInCashToo };

        // Seat 3's steak is still being made (the mains were never bumped): the food followed it to its part of the bill.
        Assert.Equal((TableState.WaitingForFood, 112.00m + 227.00m), (tableWhileOpen.State, tableWhileOpen.Total));
        Assert.All(parts, p => Assert.Equal(SaleStatus.Completed, p.Status));
        Assert.All(parts, p => Assert.False(string.IsNullOrEmpty(p.Signature)));
        Assert.Equal(3, parts.Select(p => p.ReceiptNumber).Distinct().Count());
        var charged = Assert.Single(paidByCard.Payments);
        Assert.Equal((PaymentMethod.Card, 265.00m, 26.50m), (charged.Method, charged.Amount, charged.Tip));
        Assert.Equal((38.00m, 23.00m), (paidInCash.ChangeGiven, paidInCashToo.ChangeGiven));
        Assert.All(parts.Skip(1), p => Assert.Equal(0m, Assert.Single(p.Payments).Tip));

        // Each part's receipt: the card part shows the tip apart from the total; the cash parts have none.
        var receipts = new List<string>();
        foreach (var part in parts)
            receipts.Add(await _api.Http.GetStringAsync($"/api/v1/sales/{part.Id}/receipt.txt"));
        Assert.Contains("Drikkepenge", receipts[0], StringComparison.Ordinal);
        Assert.Contains("26,50", receipts[0], StringComparison.Ordinal);
        Assert.Contains("291,50", receipts[0], StringComparison.Ordinal);
        Assert.Contains("Havremælk", receipts[1], StringComparison.Ordinal);
        Assert.Contains("Ekstra bearnaise", receipts[0], StringComparison.Ordinal);
        Assert.All(receipts.Skip(1), r => Assert.DoesNotContain("Drikkepenge", r, StringComparison.Ordinal));

        // The fiscal journal: one signed receipt (13012) per part, the tip in the card part's payload; the chain intact.
        var journal = (await _api.Http.GetFromJsonAsync<List<FiscalEndpoints.JournalEntryView>>($"/api/v1/stores/{storeId}/journal?take=1000", KasseClient.Json))!;
        foreach (var part in parts)
        {
            var entry = Assert.Single(journal, e => e.SaleId == part.Id && e.EventCode == "13012");
            Assert.Contains(part.Signature!, entry.Payload, StringComparison.Ordinal);
        }
        Assert.Matches("\"tip\":26\\.50?[,}]", journal.Single(e => e.SaleId == paidByCard.Id && e.EventCode == "13012").Payload);
        Assert.All(parts.Skip(1), p => Assert.DoesNotContain("\"tip\"", journal.Single(e => e.SaleId == p.Id && e.EventCode == "13012").Payload, StringComparison.Ordinal));
        var verification = (await _api.Http.GetFromJsonAsync<JournalVerification>($"/api/v1/stores/{storeId}/journal/verification", KasseClient.Json))!;
        Assert.True(verification.IsIntact, verification.FirstBreak?.Problem);

        // X and Z: sales without the tip, the tip apart, the payment lines with it; the Z voucher owes it to the staff.
        var x = await _api.XReportAsync(shop);
        var z = await _api.ZReportAsync(shop);
        foreach (var report in new[] { x, z })
        {
            Assert.Equal((3, 604.00m), (report.Sales.Count, report.Sales.Amount));
            Assert.Equal((1, 26.50m), (report.Tips.Count, report.Tips.Amount));
            Assert.Equal((1, 291.50m), (report.Payments.Single(p => p.Method == PaymentMethod.Card).Count, report.Payments.Single(p => p.Method == PaymentMethod.Card).Amount));
            Assert.Equal((2, 339.00m), (report.Payments.Single(p => p.Method == PaymentMethod.Cash).Count, report.Payments.Single(p => p.Method == PaymentMethod.Cash).Amount));
            Assert.Equal(604.00m, report.Vat.Sum(v => v.Gross));
        }
        var postings = ZReportPostings.Of(z);
        Assert.Equal(0m, postings.Sum(p => p.Amount));
        Assert.Equal(-26.50m, postings.Single(p => p.Role == AccountRole.TipsPayable).Amount);

        // The day's SAF-T Cash Register file: valid against the schema, the tip a raise (10001) of the card part, in reportTip.
        var today = z.BusinessDay;
        var export = await _api.Http.GetAsync($"/api/v1/stores/{storeId}/exports/saf-t?from={today.AddDays(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.True(export.IsSuccessStatusCode, await export.Content.ReadAsStringAsync());
        var body = await export.Content.ReadAsByteArrayAsync();
        SaftSchema.AssertValid(body, "SAF-T.xsd");
        var saft = Encoding.UTF8.GetString(body);
        Assert.All(parts, p => Assert.Contains($"<transID>{p.Id}</transID>", saft, StringComparison.Ordinal));
        Assert.Contains("<predefinedBasicID>10001</predefinedBasicID>", saft, StringComparison.Ordinal);
        Assert.Contains("<raiseType>10001</raiseType>", saft, StringComparison.Ordinal);
        Assert.Contains("<raiseAmnt>26.50</raiseAmnt>", saft, StringComparison.Ordinal);
        Assert.Contains("<tipNum>1</tipNum>", saft, StringComparison.Ordinal);
        Assert.Contains("<tipAmnt>26.50</tipAmnt>", saft, StringComparison.Ordinal);

        // Ingredient stock moved by the recipes and modifiers: oat milk in place of one latte's milk, the bearnaise added.
        Assert.Equal(10m - 2 * 0.3m, await _api.OnHandAsync(stockOf["Bouillon"].Id, stock.Id));
        Assert.Equal(10m - 2 * 0.25m, await _api.OnHandAsync(stockOf["Oksekød"].Id, stock.Id));
        Assert.Equal(10m - 0.05m, await _api.OnHandAsync(stockOf["Bearnaise"].Id, stock.Id));
        Assert.Equal(10m - 2 * 0.018m, await _api.OnHandAsync(stockOf["Kaffebønner"].Id, stock.Id));
        Assert.Equal(10m - 0.2m, await _api.OnHandAsync(stockOf["Mælk"].Id, stock.Id));
        Assert.Equal(10m - 0.2m, await _api.OnHandAsync(stockOf["Havredrik"].Id, stock.Id));

        // The tip-out report owes the tip to the waiter who served.
        var tipOut = (await _api.Http.GetFromJsonAsync<TipOutReport>($"/api/v1/stores/{storeId}/tip-out?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", KasseClient.Json))!;
        Assert.Equal((shop.CashierId, 1, 26.50m, 26.50m), (tipOut.Employees.Single().EmployeeId, tipOut.Employees.Single().Count, tipOut.Employees.Single().Amount, tipOut.Employees.Single().Card));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RestaurantProofOnSqlite(SqliteServer server) : RestaurantProofTests(server);

[Collection(PostgresCollection.Name)]
public sealed class RestaurantProofOnPostgres(PostgresServer server) : RestaurantProofTests(server);
