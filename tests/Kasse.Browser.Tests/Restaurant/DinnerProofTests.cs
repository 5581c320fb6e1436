using System.Xml.Linq;
using Kasse.Application.CashControl;
using Kasse.Application.Demo;
using Kasse.Application.Inventory;
using Kasse.Application.Payments;
using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Domain.Accounting;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Fiscal;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Browser.Tests.Restaurant;

/// <summary>
/// Issue 22's proof in the browser: a waiter on a phone opens table 4 for three guests, orders two courses with modifiers
/// and a note and gives each dish its seat, holds course 2; the kitchen screen (a second page) shows course 1 within a
/// second, the cook bumps it, the waiter fires course 2. The bill is split by seat: seat 1 pays by card with a tip the
/// guest picks on the terminal (the simulator, its own process), seats 2 and 3 in cash. The waiter counts the drawer and
/// closes the day with a Z report at the till. Then every record is checked: the three signed receipts, the Z report, the
/// day's SAF-T file (valid against the schema, the tip a raise and in reportTip) and the stock the recipes and modifiers
/// moved. Table 4 is this test's alone among the tests of its server.
/// </summary>
public abstract class DinnerProofTests(BrowserServer server)
{
    private const string Rejer = "CAF-011"; // Smørrebrød med æg og rejer, 59,00, no choices
    private const string Rullepolse = "CAF-012"; // Smørrebrød med rullepølse og sky, 45,00, no choices
    private const string Sandwich = "CAF-010"; // Sandwich med kylling og bacon, 69,00: Tilpas (Uden løg, …)
    private const string Latte = "CAF-005"; // Caffè latte, 42,00: size (required), milk, extras; recipe 18 g beans + 200 ml milk
    private const string Beans = "KOL-010"; // Kaffebønner, løsvægt (kg)
    private const string Milk = "CAF-101"; // Mælk til café (litre)
    private const string Oat = "CAF-102"; // Havredrik til café (litre): the oat milk option puts it in place of the milk

    private static readonly XNamespace Dk = "urn:StandardAuditFile-Taxation-CashRegister:DK";

    /// <summary>The kitchen screen was read every few seconds before it was pushed; a second shows it is pushed.</summary>
    private static readonly LocatorAssertionsToHaveAttributeOptions WithinASecond = new() { Timeout = 1_000 };

    [Fact]
    public async Task A_table_of_three_ordered_on_a_phone_follows_the_kitchen_screen_splits_by_seat_pays_card_with_a_tip_and_cash_and_every_record_is_right()
    {
        var stockBefore = await OnHandAsync();
        var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        await using var _ = terminal;
        var register = await server.NewRegisterAsync("Kasse middag");
        await server.UseAsync<PaymentDevices, PaymentDevicesView>(d =>
            d.ChangeAsync(register.Id, new ChangePaymentDevices(terminal.Url, "SIM-0001", TimeoutSeconds: 60), CancellationToken.None));

        var kitchen = await server.NewBackOfficePageAsync();
        await kitchen.GotoInteractiveAsync($"/kitchen/{DemoSeeder.KitchenStationId}");
        await Assertions.Expect(kitchen.GetByTestId("kds-title")).ToHaveTextAsync("Køkken");

        var till = new TillPage(await server.NewPageAsync(390, 844), register.Id);
        var page = till.Page;
        // On a phone the cart (with its buttons) is folded into a bar above Pay; a tap slides it up.
        async Task ShowCartAsync()
        {
            if (await page.GetByTestId("cart-bar").GetAttributeAsync("aria-expanded") != "true")
                await page.GetByTestId("cart-bar").ClickAsync();
        }
        async Task OpenTableFourAsync()
        {
            await ShowCartAsync();
            await page.GetByTestId("open-floor").ClickAsync();
            await page.Locator("[data-testid=floor-table][data-table='4']").ClickAsync();
        }
        await till.OpenAsync();
        await till.SignInAsync();

        // Table 4, three guests; the order taken on the phone.
        await OpenTableFourAsync();
        await Artifacts.ScreenshotAsync(page, $"dinner-floor-{server.Provider}");
        await page.Locator("[data-testid=covers][data-covers='3']").ClickAsync();
        await Assertions.Expect(page.GetByTestId("till")).ToHaveAttributeAsync("data-scanner", "ready");
        var dialog = page.GetByTestId("modifier-dialog");
        async Task AddAsync(string search, string sku, string cartTotal, params string[] options)
        {
            await page.Locator("#till-search").FillAsync(search);
            await page.Locator($".product[data-sku='{sku}']").ClickAsync();
            if (options.Length > 0)
            {
                foreach (var option in options)
                    await dialog.Locator($"[data-testid=modifier-option][data-option='{option}']").ClickAsync();
                if (sku == Sandwich)
                    await dialog.GetByTestId("modifier-note").FillAsync("Godt stegt");
                await Artifacts.ScreenshotAsync(page, $"dinner-modifiers-{sku}-{server.Provider}");
                await dialog.GetByTestId("modifier-add").ClickAsync();
                await Assertions.Expect(dialog).ToHaveCountAsync(0);
            }
            await Assertions.Expect(page.GetByTestId("cart-bar-total")).ToHaveTextAsync(cartTotal);
        }
        await AddAsync("smørrebrød", Rejer, "59,00 kr.");
        await AddAsync("sandwich", Sandwich, "128,00 kr.", "Uden løg");
        await AddAsync("latte", Latte, "181,00 kr.", "Mellem", "Havremælk", "Ekstra shot"); // 42 + 5 + 6
        await AddAsync("smørrebrød", Rullepolse, "226,00 kr.");
        await AddAsync("latte", Latte, "268,00 kr.", "Mellem");

        // Each dish on its guest's seat, tapped in the cart: seat 1 the starter and the sandwich, seat 2 the oat latte, seat 3 the rest.
        await ShowCartAsync();
        await Assertions.Expect(till.CartLines).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByTestId("sale-table")).ToHaveTextAsync("Bord 4 · 3 gæster");
        int[] seats = [1, 1, 2, 3, 3];
        for (var i = 0; i < seats.Length; i++)
        {
            var line = till.CartLines.Nth(i);
            await line.Locator(".top").ClickAsync();
            await line.Locator($"[data-testid=line-seat-button][data-seat='{seats[i]}']").ClickAsync();
            await Assertions.Expect(line.GetByTestId("line-seat")).ToHaveTextAsync($"Plads {seats[i]}");
        }
        await Artifacts.ScreenshotAsync(page, $"dinner-seats-{server.Provider}");

        // Course 2 (the sandwich) held, the rest sent: the kitchen screen shows course 1 within a second.
        await page.GetByTestId("open-kitchen").ClickAsync();
        var mains = page.Locator("[data-testid=kitchen-line][data-line='Sandwich med kylling og bacon']");
        await mains.Locator("[data-testid=line-course][data-course='2']").ClickAsync();
        await Assertions.Expect(mains).ToHaveAttributeAsync("data-course", "2");
        await page.GetByTestId("kitchen-send").ClickAsync();
        await Assertions.Expect(page.GetByTestId("kitchen-done")).ToHaveTextAsync("Sendt til køkkenet.");
        var course1 = kitchen.Locator("[data-testid=kds-ticket][data-table='4'][data-course='1']");
        var course2 = kitchen.Locator("[data-testid=kds-ticket][data-table='4'][data-course='2']");
        await Assertions.Expect(course1).ToHaveAttributeAsync("data-status", "Open", WithinASecond);
        foreach (var dish in new[] { "Smørrebrød med æg og rejer", "Smørrebrød med rullepølse og sky", "Caffè latte", "Havremælk", "Ekstra shot" })
            await Assertions.Expect(course1).ToContainTextAsync(dish);
        await Assertions.Expect(course1).Not.ToContainTextAsync("Sandwich");
        await Assertions.Expect(course2).ToHaveAttributeAsync("data-status", "Held");
        await Artifacts.ScreenshotAsync(kitchen, $"dinner-kitchen-sent-{server.Provider}");

        // The cook bumps course 1; the waiter fires course 2 and it opens on the screen within a second.
        await course1.GetByTestId("kds-bump").ClickAsync();
        await Assertions.Expect(course1).ToHaveCountAsync(0);
        await page.GetByTestId("kitchen-fire").And(page.Locator("[data-course='2']")).ClickAsync();
        await Assertions.Expect(page.GetByTestId("kitchen-done")).ToHaveTextAsync("Ret 2 er sendt i gang.");
        await Assertions.Expect(course2).ToHaveAttributeAsync("data-status", "Open", WithinASecond);
        await Assertions.Expect(course2).ToContainTextAsync("Sandwich med kylling og bacon");
        await Assertions.Expect(course2).ToContainTextAsync("Uden løg");
        await Assertions.Expect(course2).ToContainTextAsync("Godt stegt");
        await Artifacts.ScreenshotAsync(kitchen, $"dinner-kitchen-fired-{server.Provider}");
        var expo = await server.NewBackOfficePageAsync();
        await expo.GotoInteractiveAsync($"/kitchen/expo/{DemoSeeder.StoreId}");
        await Assertions.Expect(expo.Locator("[data-testid=kds-ticket][data-table='4'][data-course='2']")).ToHaveAttributeAsync("data-status", "Open");
        await expo.Context.CloseAsync();
        await page.GetByTestId("kitchen-dialog").GetByRole(AriaRole.Button, new() { Name = "Luk", Exact = true }).ClickAsync();

        // The bill split by seat: one part per guest.
        await ShowCartAsync();
        await page.GetByTestId("open-split").ClickAsync();
        var split = page.GetByTestId("split-dialog");
        await Assertions.Expect(split.GetByTestId("split-by-seats")).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(split.GetByTestId("split-seat")).ToHaveCountAsync(3);
        await split.GetByTestId("split-go").ClickAsync();
        var parts = split.GetByTestId("split-part");
        await Assertions.Expect(parts.GetByTestId("split-part-total")).ToHaveTextAsync(["128,00", "53,00", "87,00"]);
        var (overflow, widest) = await page.SidewaysOverflowAsync();
        Assert.True(overflow <= 0, $"The split dialog is {overflow} px wider than the screen ({widest}).");
        await Artifacts.ScreenshotAsync(page, $"dinner-split-{server.Provider}");
        // Still three guests at table 4, one on each bill (the first bill once kept all three beside the two who left it).
        var floor = await server.UseAsync<FloorStates, FloorStateView>(f => f.ReadAsync(DemoSeeder.StoreId, default));
        var splitTable = floor.Areas.SelectMany(a => a.Tables).Single(t => t.Name == "4");
        Assert.Equal((3, 3, 268.00m), (splitTable.Sales.Count, splitTable.Covers, splitTable.Total));

        // Seat 1 by card; the till asks the terminal, where the guest picks a tip of 13,00.
        await terminal.ControlAsync("control/next", new { outcome = "Approve", tipAmount = 13.00m });
        await parts.Nth(0).GetByTestId("split-open-part").ClickAsync();
        await Assertions.Expect(split).ToHaveCountAsync(0);
        await ShowCartAsync();
        await Assertions.Expect(till.Total).ToHaveTextAsync("128,00 kr.");
        await till.PayAsync();
        await page.GetByTestId("ask-tip").ClickAsync();
        await Assertions.Expect(page.GetByTestId("ask-tip")).ToHaveAttributeAsync("aria-pressed", "true");
        await till.Tender("Card").ClickAsync();
        var receipt = page.GetByTestId("receipt-text");
        await page.ExplainedAsync("The card part's receipt shows the tip", () => Assertions.Expect(receipt).ToContainTextAsync("Drikkepenge"));
        foreach (var text in new[] { "13,00", "141,00", "Uden løg", "Godt stegt" })
            await Assertions.Expect(receipt).ToContainTextAsync(text);
        await Artifacts.ScreenshotAsync(page, $"dinner-card-receipt-{server.Provider}");
        await page.GetByTestId("new-sale").ClickAsync();

        // Seats 2 and 3 in cash, each part picked up again from the table on the floor.
        async Task PayInCashAsync(string total, string given, string change)
        {
            await OpenTableFourAsync();
            var open = page.GetByTestId("table-dialog").GetByTestId("table-sale");
            await Assertions.Expect(open.Filter(new() { HasText = total + " kr." })).ToHaveCountAsync(1);
            await open.Filter(new() { HasText = total + " kr." }).GetByTestId("resume-table-sale").ClickAsync();
            await ShowCartAsync();
            await Assertions.Expect(till.Total).ToHaveTextAsync(total + " kr.");
            await till.PayAsync();
            await page.Locator("#pay-amount").FillAsync(given);
            await till.Tender("Cash").ClickAsync();
            await page.ExplainedAsync($"The cash part of {total} gives {change} back",
                () => Assertions.Expect(page.GetByTestId("change-due")).ToHaveTextAsync(change + " kr."));
            await Assertions.Expect(receipt).Not.ToContainTextAsync("Drikkepenge");
            await page.GetByTestId("new-sale").ClickAsync();
        }
        await PayInCashAsync("53,00", "100", "47,00");
        await PayInCashAsync("87,00", "100", "13,00");
        await ShowCartAsync();
        await page.GetByTestId("open-floor").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=floor-table][data-table='4']")).ToHaveAttributeAsync("data-state", "Paid");
        await page.GetByTestId("floor-back").ClickAsync();

        // The end of the day at the till: the drawer counted (the two cash parts), then the Z report.
        await ShowCartAsync();
        await page.TillMoreAsync("open-menu");
        await page.Locator("#count-amount").FillAsync("140");
        await page.GetByTestId("blind-count").ClickAsync();
        await Assertions.Expect(page.GetByTestId("count-result")).ToContainTextAsync("140,00");
        await page.GetByTestId("z-report").ClickAsync();
        await page.GetByTestId("z-confirm").ClickAsync();
        var zText = page.GetByTestId("report-text");
        await page.ExplainedAsync("The Z report is made", () => Assertions.Expect(zText).ToContainTextAsync("Z-rapport nr. 1"));
        foreach (var text in new[] { "Salg (3)", "Drikkepenge (1)", "Betalingskort (1)", "Kontant (2)" })
            await Assertions.Expect(zText).ToContainTextAsync(text);
        await Artifacts.ScreenshotAsync(page, $"dinner-z-report-{server.Provider}");

        // The three receipts: signed, numbered, on table 4, each part one seat's dishes; the tip on the card part only.
        var tableFour = (await server.UseAsync<FloorService, IReadOnlyList<AreaView>>(f => f.PlanAsync(DemoSeeder.StoreId, default)))
            .SelectMany(a => a.Tables).Single(t => t.Name == "4");
        var paid = (await server.UseAsync<SalesService, IReadOnlyList<SaleView>>(s => s.ListAsync(DemoSeeder.StoreId, SaleStatus.Completed, 500, default)))
            .Where(s => s.RegisterId == register.Id).OrderBy(s => s.ReceiptNumber).ToList();
        Assert.Equal([128.00m, 53.00m, 87.00m], paid.Select(s => s.TotalAmount));
        Assert.All(paid, s => Assert.False(string.IsNullOrEmpty(s.Signature)));
        Assert.Equal(3, paid.Select(s => s.ReceiptNumber).Distinct().Count());
        Assert.All(paid, s => Assert.Equal((tableFour.Id, 1), (s.TableId, s.Covers)));
        Assert.Equal([1, 2, 3], paid.Select(s => s.Lines.Select(l => l.Seat ?? 0).Distinct().Single()));
        var (byCard, seatTwo, seatThree) = (paid[0], paid[1], paid[2]);
        var card = Assert.Single(byCard.Payments);
        Assert.Equal((PaymentMethod.Card, 128.00m, 13.00m), (card.Method, card.Amount, card.Tip));
        var sandwich = Assert.Single(byCard.Lines, l => l.Sku == Sandwich);
        Assert.Equal(["Uden løg"], sandwich.Modifiers.Select(m => m.Name));
        Assert.Equal(("Godt stegt", 2), (sandwich.Note, sandwich.Course));
        Assert.Equal(["Mellem", "Havremælk", "Ekstra shot"], Assert.Single(seatTwo.Lines).Modifiers.Select(m => m.Name));
        foreach (var (part, change) in new[] { (seatTwo, 47.00m), (seatThree, 13.00m) })
        {
            var cash = Assert.Single(part.Payments);
            Assert.Equal((PaymentMethod.Cash, part.TotalAmount, 0m, change), (cash.Method, cash.Amount, cash.Tip, part.ChangeGiven));
        }

        // The Z report: the sales without the tip, the tip apart, the tenders with it, the drawer as counted; its voucher owes the tip.
        var z = Assert.Single(await server.UseAsync<RegisterReportService, IReadOnlyList<RegisterReport>>(r => r.ListZReportsAsync(register.Id, 50, default)));
        Assert.Equal((3, 268.00m), (z.Sales.Count, z.Sales.Amount));
        Assert.Equal((1, 13.00m), (z.Tips.Count, z.Tips.Amount));
        Assert.Equal([(PaymentMethod.Card, 1, 141.00m), (PaymentMethod.Cash, 2, 140.00m)],
            z.Payments.OrderBy(p => p.Method != PaymentMethod.Card).Select(p => (p.Method, p.Count, p.Amount)));
        Assert.Equal(268.00m, z.Vat.Sum(v => v.Gross));
        Assert.Equal((140.00m, 140.00m, 0m), (z.Cash.ExpectedCash, z.Cash.CountedCash, z.Cash.OverShort));
        var postings = ZReportPostings.Of(z);
        Assert.Equal(0m, postings.Sum(p => p.Amount));
        Assert.Equal(-13.00m, postings.Single(p => p.Role == AccountRole.TipsPayable).Amount);

        // The day's SAF-T file: valid against the schema; each part a transaction, the tip a raise (10001) of the card part
        // only; the Z report an event report with the tip in reportTip.
        using var api = new HttpClient { BaseAddress = server.BaseAddress };
        api.DefaultRequestHeaders.Add(ApiKeyService.Header, server.OwnerApiKey);
        var export = await api.GetAsync($"/api/v1/stores/{DemoSeeder.StoreId}/exports/saf-t?from={z.BusinessDay.AddDays(-1):yyyy-MM-dd}&to={z.BusinessDay:yyyy-MM-dd}");
        Assert.True(export.IsSuccessStatusCode, await export.Content.ReadAsStringAsync());
        var body = await export.Content.ReadAsByteArrayAsync();
        SaftSchema.AssertValid(body, "SAF-T.xsd");
        var saft = XDocument.Load(new MemoryStream(body));
        XElement Transaction(SaleView part) => saft.Descendants(Dk + "cashtransaction").Single(t => (string?)t.Element(Dk + "transID") == part.Id.ToString());
        var raise = Assert.Single(Transaction(byCard).Elements(Dk + "raise"));
        Assert.Equal(("10001", "13.00"), ((string?)raise.Element(Dk + "raiseType"), (string?)raise.Element(Dk + "raiseAmnt")));
        Assert.All(new[] { seatTwo, seatThree }, p => Assert.Empty(Transaction(p).Elements(Dk + "raise")));
        var zEvent = saft.Descendants(Dk + "eventReport").Single(r => (string?)r.Element(Dk + "reportID") == z.Id.ToString());
        Assert.Equal("Z report", (string?)zEvent.Element(Dk + "reportType"));
        Assert.Equal("268.00", (string?)zEvent.Element(Dk + "reportTotalCashSales")?.Element(Dk + "totalCashSaleAmnt"));
        var tip = zEvent.Element(Dk + "reportTip");
        Assert.Equal(("1", "13.00"), ((string?)tip?.Element(Dk + "tipNum"), (string?)tip?.Element(Dk + "tipAmnt")));

        // The stock: two lattes' recipes (18 g beans, 200 ml milk each), the oat milk in place of one latte's milk, the extra shot's 9 g.
        var stockAfter = await OnHandAsync();
        Assert.Equal(-(2 * 0.018m + 0.009m), stockAfter[Beans] - stockBefore[Beans]);
        Assert.Equal(-0.2m, stockAfter[Milk] - stockBefore[Milk]);
        Assert.Equal(-0.2m, stockAfter[Oat] - stockBefore[Oat]);
    }

    /// <summary>On hand on the demo store's floor (the location with the store's id) of the lattes' ingredients; none yet is 0.</summary>
    private async Task<IReadOnlyDictionary<string, decimal>> OnHandAsync()
    {
        var levels = await server.UseAsync<StockService, IReadOnlyList<StockLevelView>>(s => s.LevelsAsync(DemoSeeder.StoreId, DemoSeeder.StoreId, null, default));
        return new[] { Beans, Milk, Oat }.ToDictionary(sku => sku, sku => levels.SingleOrDefault(l => l.Sku == sku)?.OnHand ?? 0m);
    }
}

[Collection(SqliteBrowserCollection.Name)]
public sealed class SqliteDinnerProofTests(SqliteBrowserServer server) : DinnerProofTests(server);

[Collection(PostgresBrowserCollection.Name)]
public sealed class PostgresDinnerProofTests(PostgresBrowserServer server) : DinnerProofTests(server);
