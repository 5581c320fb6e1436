using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Restaurant;
using Kasse.Application.Sales;
using Kasse.Domain.Payments;
using Kasse.Domain.Restaurant;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Restaurant;

/// <summary>
/// Splitting the bill (issue 22): seats on lines, moving lines to another table with their kitchen state, merging tables,
/// splitting by item, by seat and in equal parts that add up to the øre; each part paid as a normal signed, journaled sale
/// while the rest stays open on the table; and the refusals.
/// </summary>
public abstract class SplitBillTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    private sealed record Floor(Shop Shop, TableView Four, TableView Five, KitchenStationView Cooks);

    private async Task<Floor> NewFloorAsync()
    {
        var shop = await _api.NewShopAsync();
        var storeId = shop.Store.Id;
        var cooks = await KasseClient.Read<KitchenStationView>(await _api.PostAsync($"/api/v1/stores/{storeId}/kitchen/stations", new SaveKitchenStation("Køkken")));
        var area = await KasseClient.Read<AreaView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/areas", new SaveArea("Salen")));
        var four = await KasseClient.Read<TableView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/tables", new SaveTable(area.Id, "4")));
        var five = await KasseClient.Read<TableView>(await _api.PostAsync($"/api/v1/stores/{storeId}/floor/tables", new SaveTable(area.Id, "5", X: 3)));
        return new Floor(shop, four, five, cooks);
    }

    private async Task<SaleView> OpenAsync(Floor floor, TableView table, int covers) =>
        await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales",
            new OpenSale(Guid.CreateVersion7(), floor.Shop.Register.Id, floor.Shop.CashierId, table.Id, covers)));

    private async Task<SaleView> AddAsync(Guid saleId, Guid productId, decimal quantity, int? seat = null) =>
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{saleId}/lines", new AddLine(ProductId: productId, Quantity: quantity, Seat: seat)));

    private async Task<SplitBill> SplitAsync(Guid saleId, SplitSale split) =>
        await KasseClient.Read<SplitBill>(await _api.PostAsync($"/api/v1/sales/{saleId}/split", split));

    private async Task<KitchenBoardView> BoardAsync(Guid stationId) =>
        (await _api.Http.GetFromJsonAsync<KitchenBoardView>($"/api/v1/kitchen/stations/{stationId}/board", KasseClient.Json))!;

    private async Task<SaleKitchenView> KitchenOfAsync(Guid saleId) =>
        await KasseClient.Read<SaleKitchenView>(await _api.Http.GetAsync($"/api/v1/sales/{saleId}/kitchen"));

    private async Task<List<FiscalEndpoints.JournalEntryView>> JournalAsync(Guid storeId) =>
        (await _api.Http.GetFromJsonAsync<List<FiscalEndpoints.JournalEntryView>>($"/api/v1/stores/{storeId}/journal?take=1000", KasseClient.Json))!;

    private async Task<TableStateView> TableStateAsync(Floor floor, TableView table) =>
        (await _api.Http.GetFromJsonAsync<FloorStateView>($"/api/v1/stores/{floor.Shop.Store.Id}/floor/state", KasseClient.Json))!
            .Areas.SelectMany(a => a.Tables).Single(t => t.Id == table.Id);

    [Fact]
    public async Task Lines_with_seats_move_to_another_table_keeping_what_the_kitchen_was_sent_and_the_tables_merge_back()
    {
        var floor = await NewFloorAsync();
        var steak = await _api.NewProductAsync(185m, name: "Bøf");
        var soup = await _api.NewProductAsync(65m, name: "Suppe");
        var sale = await OpenAsync(floor, floor.Four, covers: 3);
        await AddAsync(sale.Id, steak.Id, 2m, seat: 1);
        var added = await AddAsync(sale.Id, soup.Id, 1m);
        var soupLine = added.Lines.Single(l => l.ProductId == soup.Id);
        var seated = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/lines/{soupLine.Id}/seat", new SetLineSeat(3)));
        var seatFour = await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/lines/{soupLine.Id}/seat", new SetLineSeat(4));
        await KasseClient.Read<SaleKitchenView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/kitchen/send", new SendToKitchen(false)));
        var ticketsBefore = (await BoardAsync(floor.Cooks.Id)).Open.Count;
        var steakLine = seated.Lines.Single(l => l.ProductId == steak.Id);

        var moved = await KasseClient.Read<MovedLines>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines/move",
            new MoveLines([new MoveLine(steakLine.Id, 1m)], TableId: floor.Five.Id, Covers: 1)));
        var boardAfterMove = await BoardAsync(floor.Cooks.Id);
        var kitchenOfFive = await KitchenOfAsync(moved.To.Id);
        var kitchenOfFour = await KitchenOfAsync(sale.Id);
        var tooMuch = await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines/move", new MoveLines([new MoveLine(steakLine.Id, 5m)], ToSaleId: moved.To.Id));
        var merged = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/merge", new MergeSale(moved.To.Id)));
        var emptied = await _api.GetSaleAsync(moved.To.Id);
        var boardAfterMerge = await BoardAsync(floor.Cooks.Id);
        var journal = await JournalAsync(floor.Shop.Store.Id);
        var audit = await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?subject=sale:{sale.Id}&action=LinesMoved", KasseClient.Json);
        var mergeAudit = await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?subject=sale:{moved.To.Id}&action=LinesMoved", KasseClient.Json);

        Assert.Equal(3, seated.Lines.Single(l => l.Id == soupLine.Id).Seat);
        await KasseClient.Problem(seatFour, HttpStatusCode.BadRequest, "line.seat");
        Assert.Equal((1m, 185m), (moved.From.Lines.Single(l => l.Id == steakLine.Id).Quantity, moved.From.Lines.Single(l => l.Id == steakLine.Id).TotalAmount));
        var movedSteak = Assert.Single(moved.To.Lines);
        Assert.Equal((steak.Id, 1m, 185m, 1), (movedSteak.ProductId!.Value, movedSteak.Quantity, movedSteak.TotalAmount, movedSteak.Seat));
        Assert.Equal((floor.Five.Id, 1, SaleStatus.Open), (moved.To.TableId!.Value, moved.To.Covers, moved.To.Status));
        // The kitchen made nothing new and cancelled nothing: both sales know the steak as fired.
        Assert.Equal(ticketsBefore, boardAfterMove.Open.Count);
        Assert.Equal((1m, KitchenLineState.Fired), (kitchenOfFive.Lines.Single().Sent, kitchenOfFive.Lines.Single().State));
        Assert.All(kitchenOfFour.Lines, l => Assert.Equal(KitchenLineState.Fired, l.State));
        Assert.Equal(1m, kitchenOfFour.Lines.Single(l => l.LineId == steakLine.Id).Sent);
        await KasseClient.Problem(tooMuch, HttpStatusCode.BadRequest, "line.move-quantity");
        Assert.Equal((2m, 3 + 1, 185m * 2 + 65m), (merged.Lines.Where(l => l.ProductId == steak.Id).Sum(l => l.Quantity), merged.Covers!.Value, merged.TotalAmount));
        Assert.Equal(SaleStatus.Voided, emptied.Status);
        Assert.Equal(ticketsBefore, boardAfterMerge.Open.Count);
        Assert.DoesNotContain(boardAfterMerge.Open.SelectMany(t => t.Items), i => i.Change == KitchenItemChange.Voided);
        Assert.Contains(journal, e => e.SaleId == moved.To.Id && e.Kind == nameof(Kasse.Domain.Fiscal.JournalEventKind.SaleVoided));
        Assert.Contains("1 × Bøf moved from table 4 to table 5", Assert.Single(audit!).Detail, StringComparison.Ordinal);
        Assert.Contains("merged from table 5 into table 4", Assert.Single(mergeAudit!).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bill_split_in_three_adds_up_to_the_øre_and_each_part_is_paid_signed_and_journaled_while_the_rest_stays_open()
    {
        var floor = await NewFloorAsync();
        var wine = await _api.NewProductAsync(99.99m, name: "Vin");
        var pasta = await _api.NewProductAsync(45m, name: "Pasta");
        var water = await _api.NewProductAsync(100m, name: "Vand");
        var sale = await OpenAsync(floor, floor.Four, covers: 3);
        await AddAsync(sale.Id, wine.Id, 1m);
        await AddAsync(sale.Id, pasta.Id, 3m);
        var whole = await AddAsync(sale.Id, water.Id, 1m);

        var split = await SplitAsync(sale.Id, new SplitSale(SplitBy.Parts, Parts: 3));
        var paid = await _api.PayAsync(split.Parts[1].Id, PaymentMethod.Card);
        var completed = await _api.CompleteAsync(paid.Id);
        var table = await TableStateAsync(floor, floor.Four);
        var changeShare = await _api.SendAsync(HttpMethod.Patch, $"/api/v1/sales/{split.Parts[0].Id}/lines/{split.Parts[0].Lines[0].Id}", new { quantity = 2m });
        var journal = await JournalAsync(floor.Shop.Store.Id);
        var today = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime);
        var export = await _api.Http.GetAsync($"/api/v1/stores/{floor.Shop.Store.Id}/exports/saf-t?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}");

        Assert.Equal(3, split.Parts.Count);
        Assert.Equal(whole.TotalAmount, split.Parts.Sum(p => p.TotalAmount));
        foreach (var original in whole.Lines)
        {
            var shares = split.Parts.SelectMany(p => p.Lines).Where(l => l.ProductId == original.ProductId).ToList();
            Assert.Equal(3, shares.Count);
            Assert.Equal(original.TotalAmount, shares.Sum(l => l.TotalAmount));
            Assert.Equal(original.Quantity, shares.Sum(l => l.Quantity));
            Assert.Equal(["1/3", "2/3", "3/3"], shares.Select(l => l.Share!).Order());
        }
        // 99.99 in three: 33.33 each; 135 in three: 45 each; 100 in three: 33.34, 33.33, 33.33.
        Assert.Equal([111.67m, 111.66m, 111.66m], split.Parts.Select(p => p.TotalAmount));
        Assert.All(split.Parts, p => Assert.Equal((floor.Four.Id, SaleStatus.Open), (p.TableId!.Value, p.Status)));
        Assert.Equal(SaleStatus.Completed, completed.Status);
        Assert.NotNull(completed.ReceiptNumber);
        Assert.NotNull(completed.Signature);
        Assert.NotNull(completed.TransactionNumber);
        Assert.Equal((TableState.Ordered, 2), (table.State, table.Sales.Count));
        Assert.Equal(split.Parts[0].TotalAmount + split.Parts[2].TotalAmount, table.Total);
        await KasseClient.Problem(changeShare, HttpStatusCode.BadRequest, "line.shared");
        Assert.Contains(journal, e => e.SaleId == completed.Id && e.EventCode == "13012");
        Assert.True(export.IsSuccessStatusCode, await export.Content.ReadAsStringAsync());
        var saft = await export.Content.ReadAsStringAsync();
        Assert.Contains(completed.Signature!, saft);
    }

    [Fact]
    public async Task A_bill_with_a_discount_on_the_whole_sale_splits_equally_each_part_carrying_its_share_to_the_øre()
    {
        var floor = await NewFloorAsync();
        var wine = await _api.NewProductAsync(99.99m, name: "Vin");
        var water = await _api.NewProductAsync(100m, name: "Vand");
        var sale = await OpenAsync(floor, floor.Four, covers: 3);
        await AddAsync(sale.Id, wine.Id, 1m);
        await AddAsync(sale.Id, water.Id, 1m);
        var whole = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/discount",
            new SetDiscount(DiscountKind.Percent, 10m, "Stamgæster")));

        var split = await SplitAsync(sale.Id, new SplitSale(SplitBy.Parts, Parts: 3));
        var paid = await _api.PayAsync(split.Parts[2].Id, PaymentMethod.Card);
        var completed = await _api.CompleteAsync(paid.Id);

        // 199.99 less 10 % (20.00) is 179.99; the discount is shared 6.67 + 6.67 + 6.66 over parts of 66.67, 66.66 and 66.66.
        Assert.Equal((20.00m, 179.99m), (whole.DiscountTotal, whole.TotalAmount));
        Assert.Equal(whole.TotalAmount, split.Parts.Sum(p => p.TotalAmount));
        Assert.Equal(whole.DiscountTotal, split.Parts.Sum(p => p.DiscountTotal));
        Assert.Equal([60.00m, 59.99m, 60.00m], split.Parts.Select(p => p.TotalAmount));
        Assert.Equal([6.67m, 6.67m, 6.66m], split.Parts.Select(p => p.DiscountTotal));
        Assert.All(split.Parts, p => Assert.Equal(p.Lines.Sum(l => l.TotalAmount), p.TotalAmount));
        Assert.Equal((SaleStatus.Completed, 60.00m), (completed.Status, completed.TotalAmount));
    }

    [Fact]
    public async Task A_bill_with_a_discount_on_the_whole_sale_splits_by_seat_every_guest_keeping_a_share_of_it()
    {
        var floor = await NewFloorAsync();
        var wine = await _api.NewProductAsync(99.99m, name: "Vin");
        var steak = await _api.NewProductAsync(185m, name: "Bøf");
        var sale = await OpenAsync(floor, floor.Four, covers: 3);
        await AddAsync(sale.Id, wine.Id, 1m, seat: 1);
        await AddAsync(sale.Id, steak.Id, 1m, seat: 2);
        await AddAsync(sale.Id, steak.Id, 1m, seat: 3);
        var whole = await KasseClient.Read<SaleView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/discount",
            new SetDiscount(DiscountKind.Percent, 10m, "Stamgæster")));

        var split = await SplitAsync(sale.Id, new SplitSale(SplitBy.Seats));

        // 469.99 less 10 % (47.00) is 422.99; the 47.00 is shared by what each seat comes to: 10.00 + 18.50 + 18.50.
        Assert.Equal((47.00m, 422.99m), (whole.DiscountTotal, whole.TotalAmount));
        Assert.Equal([99.99m, 185m, 185m], split.Parts.Select(p => p.Lines.Sum(l => l.GrossAmount)));
        Assert.Equal([10.00m, 18.50m, 18.50m], split.Parts.Select(p => p.DiscountTotal));
        Assert.Equal([89.99m, 166.50m, 166.50m], split.Parts.Select(p => p.TotalAmount));
        Assert.Equal(whole.TotalAmount, split.Parts.Sum(p => p.TotalAmount));
        Assert.All(split.Parts, p => Assert.Equal(("Stamgæster", DiscountKind.Amount), (p.Discount!.Reason, p.Discount.Kind)));
    }

    [Fact]
    public async Task A_change_of_order_type_is_audited_with_who_and_from_and_to()
    {
        var floor = await NewFloorAsync();
        var sale = await OpenAsync(floor, floor.Four, covers: 2);

        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/order-type", new SetOrderType(OrderType.EatIn)));
        var takeaway = await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/order-type", new SetOrderType(OrderType.Takeaway)));
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/order-type", new SetOrderType(OrderType.Takeaway)));
        var audit = (await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>(
            $"/api/v1/audit?subject=sale:{sale.Id}&action=OrderTypeChanged", KasseClient.Json))!.OrderBy(a => a.At).ToList();

        Assert.Equal(OrderType.Takeaway, takeaway.OrderType);
        // The same type again changes nothing and is not written down.
        Assert.Equal(2, audit.Count);
        Assert.Equal("Order type changed from none to eat-in (table 4).", audit[0].Detail);
        Assert.Equal("Order type changed from eat-in to takeaway (table 4).", audit[1].Detail);
        Assert.All(audit, a => Assert.False(string.IsNullOrEmpty(a.Actor)));
        Assert.Contains("EatIn", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("Takeaway", audit[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_waits_for_food_while_its_fired_tickets_are_made_and_shows_ordered_once_they_are_done()
    {
        var floor = await NewFloorAsync();
        var soup = await _api.NewProductAsync(65m, name: "Suppe");
        var steak = await _api.NewProductAsync(185m, name: "Bøf");
        var sale = await OpenAsync(floor, floor.Four, covers: 2);
        await AddAsync(sale.Id, soup.Id, 2m);
        var added = await AddAsync(sale.Id, steak.Id, 1m);
        var steakLine = added.Lines.Single(l => l.ProductId == steak.Id);
        await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/lines/{steakLine.Id}/course", new { course = 2 });

        var ordered = await TableStateAsync(floor, floor.Four);
        await KasseClient.Read<SaleKitchenView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/kitchen/send", new SendToKitchen(true)));
        var cooking = await TableStateAsync(floor, floor.Four);
        var starters = Assert.Single((await BoardAsync(floor.Cooks.Id)).Open);
        await KasseClient.Read<KitchenTicketView>(await _api.PostAsync($"/api/v1/kitchen/tickets/{starters.Id}/items/{starters.Items[0].Id}/done", new MarkItemDone()));
        var itemDone = await TableStateAsync(floor, floor.Four);
        await KasseClient.Read<KitchenTicketView>(await _api.PostAsync($"/api/v1/kitchen/tickets/{starters.Id}/bump", null));
        var startersServed = await TableStateAsync(floor, floor.Four);
        await KasseClient.Read<SaleKitchenView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/kitchen/courses/2/fire", null));
        var mainsCooking = await TableStateAsync(floor, floor.Four);
        Assert.True((await _api.PostAsync($"/api/v1/sales/{sale.Id}/receipt/provisional", null)).IsSuccessStatusCode);
        var billAsked = await TableStateAsync(floor, floor.Four);

        Assert.Equal(TableState.Ordered, ordered.State);
        Assert.Equal(TableState.WaitingForFood, cooking.State);
        Assert.True(Assert.Single(cooking.Sales).WaitingForFood);
        // Soup done, the course 2 steak is only held: the kitchen makes nothing for the table.
        Assert.Equal(TableState.Ordered, itemDone.State);
        Assert.Equal(TableState.Ordered, startersServed.State);
        Assert.Equal(TableState.WaitingForFood, mainsCooking.State);
        // Asking for the bill is the stronger news.
        Assert.Equal(TableState.BillAsked, billAsked.State);
    }

    [Fact]
    public async Task Food_being_made_follows_its_lines_to_the_table_they_moved_to_and_back_when_the_tables_merge()
    {
        var floor = await NewFloorAsync();
        var soup = await _api.NewProductAsync(65m, name: "Suppe");
        var steak = await _api.NewProductAsync(185m, name: "Bøf");
        var sale = await OpenAsync(floor, floor.Four, covers: 2);
        var added = await AddAsync(sale.Id, soup.Id, 2m);
        var soupLine = added.Lines.Single(l => l.ProductId == soup.Id);
        added = await AddAsync(sale.Id, steak.Id, 1m);
        var steakLine = added.Lines.Single(l => l.ProductId == steak.Id);
        await _api.SendAsync(HttpMethod.Put, $"/api/v1/sales/{sale.Id}/lines/{steakLine.Id}/course", new { course = 2 });
        await KasseClient.Read<SaleKitchenView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/kitchen/send", new SendToKitchen(true)));

        // One soup of two to table 5: both tables wait for their soup.
        var moved = await KasseClient.Read<MovedLines>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines/move",
            new MoveLines([new MoveLine(soupLine.Id, 1m)], TableId: floor.Five.Id, Covers: 1)));
        var (fourHalf, fiveHalf) = (await TableStateAsync(floor, floor.Four), await TableStateAsync(floor, floor.Five));
        // The other soup follows: table 4 has only its held steak left, table 5 still waits.
        await KasseClient.Read<MovedLines>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines/move",
            new MoveLines([new MoveLine(soupLine.Id, 1m)], ToSaleId: moved.To.Id)));
        var (fourAll, fiveAll) = (await TableStateAsync(floor, floor.Four), await TableStateAsync(floor, floor.Five));
        // Table 5 merges back into table 4: the soup being made is table 4's again.
        await KasseClient.Read<SaleView>(await _api.PostAsync($"/api/v1/sales/{sale.Id}/merge", new MergeSale(moved.To.Id)));
        var (fourMerged, fiveMerged) = (await TableStateAsync(floor, floor.Four), await TableStateAsync(floor, floor.Five));
        var soups = Assert.Single((await BoardAsync(floor.Cooks.Id)).Open);
        await KasseClient.Read<KitchenTicketView>(await _api.PostAsync($"/api/v1/kitchen/tickets/{soups.Id}/bump", null));
        var served = await TableStateAsync(floor, floor.Four);

        Assert.Equal((TableState.WaitingForFood, TableState.WaitingForFood), (fourHalf.State, fiveHalf.State));
        Assert.Equal((TableState.Ordered, TableState.WaitingForFood), (fourAll.State, fiveAll.State));
        Assert.Equal(TableState.WaitingForFood, fourMerged.State);
        Assert.NotEqual(TableState.WaitingForFood, fiveMerged.State);
        Assert.Equal(TableState.Ordered, served.State);
    }

    [Fact]
    public async Task A_bill_splits_by_seat_and_by_item_into_normal_sales_on_the_same_table()
    {
        var floor = await NewFloorAsync();
        var coffee = await _api.NewProductAsync(38m, name: "Kaffe");
        var cake = await _api.NewProductAsync(42m, name: "Kage");
        var sale = await OpenAsync(floor, floor.Four, covers: 3);
        await AddAsync(sale.Id, coffee.Id, 1m, seat: 1);
        await AddAsync(sale.Id, cake.Id, 1m, seat: 2);
        var all = await AddAsync(sale.Id, coffee.Id, 2m, seat: 3);

        var bySeat = await SplitAsync(sale.Id, new SplitSale(SplitBy.Seats));
        var cakeLine = bySeat.Parts.Single(p => p.Lines.Any(l => l.ProductId == cake.Id));
        var other = await OpenAsync(floor, floor.Five, covers: 2);
        await AddAsync(other.Id, coffee.Id, 1m);
        var two = await AddAsync(other.Id, cake.Id, 2m);
        var byItem = await SplitAsync(other.Id, new SplitSale(SplitBy.Items, [new MoveLine(two.Lines.Single(l => l.ProductId == cake.Id).Id, 1m)]));
        var cash = await _api.PayCashAsync(byItem.Parts[1].Id, 50m);
        var done = await _api.CompleteAsync(cash.Id);
        var rest = await _api.GetSaleAsync(other.Id);

        Assert.Equal(3, bySeat.Parts.Count);
        Assert.Equal(all.TotalAmount, bySeat.Parts.Sum(p => p.TotalAmount));
        Assert.Equal([1, 2, 3], bySeat.Parts.Select(p => p.Lines.Select(l => l.Seat!.Value).Distinct().Single()));
        Assert.Equal(sale.Id, bySeat.Parts[0].Id);
        Assert.Equal(1, cakeLine.Covers);
        Assert.Equal([1, 1, 1], bySeat.Parts.Select(p => p.Covers ?? 0)); // the three guests, one on each bill, not three more on the first
        Assert.Equal(2, byItem.Parts.Count);
        Assert.Equal((1m, 42m), (byItem.Parts[1].Lines.Single().Quantity, byItem.Parts[1].TotalAmount));
        Assert.Equal((SaleStatus.Completed, 8m), (done.Status, done.ChangeGiven));
        Assert.Equal((SaleStatus.Open, 38m + 42m), (rest.Status, rest.TotalAmount));
    }

    [Fact]
    public async Task Moving_merging_and_splitting_are_refused_once_payment_has_started_and_for_nonsense()
    {
        var floor = await NewFloorAsync();
        var beer = await _api.NewProductAsync(55m, name: "Fadøl");
        var sale = await OpenAsync(floor, floor.Four, covers: 2);
        var added = await AddAsync(sale.Id, beer.Id, 2m);
        var other = await OpenAsync(floor, floor.Five, covers: 2);
        await AddAsync(other.Id, beer.Id, 1m);

        var noSeats = await _api.PostAsync($"/api/v1/sales/{sale.Id}/split", new SplitSale(SplitBy.Seats));
        var onePart = await _api.PostAsync($"/api/v1/sales/{sale.Id}/split", new SplitSale(SplitBy.Parts, Parts: 1));
        var everything = await _api.PostAsync($"/api/v1/sales/{sale.Id}/split", new SplitSale(SplitBy.Items, [new MoveLine(added.Lines[0].Id)]));
        var toItself = await _api.PostAsync($"/api/v1/sales/{sale.Id}/merge", new MergeSale(sale.Id));
        await _api.PayCashAsync(sale.Id, 50m);
        var movePaid = await _api.PostAsync($"/api/v1/sales/{sale.Id}/lines/move", new MoveLines([new MoveLine(added.Lines[0].Id, 1m)], ToSaleId: other.Id));
        var mergePaid = await _api.PostAsync($"/api/v1/sales/{other.Id}/merge", new MergeSale(sale.Id));
        var splitPaid = await _api.PostAsync($"/api/v1/sales/{sale.Id}/split", new SplitSale(SplitBy.Parts, Parts: 2));
        var danish = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/sales/{sale.Id}/split") { Content = JsonContent.Create(new SplitSale(SplitBy.Parts, Parts: 2), options: KasseClient.Json) };
        danish.Headers.AcceptLanguage.ParseAdd("da");
        var inDanish = await _api.Http.SendAsync(danish);
        var untouched = await _api.GetSaleAsync(other.Id);

        await KasseClient.Problem(noSeats, HttpStatusCode.Conflict, "sale.split-nothing");
        await KasseClient.Problem(onePart, HttpStatusCode.BadRequest, "sale.split-parts");
        await KasseClient.Problem(everything, HttpStatusCode.BadRequest, "sale.split-nothing");
        await KasseClient.Problem(toItself, HttpStatusCode.BadRequest, "sale.move-same");
        var paid = await KasseClient.Problem(movePaid, HttpStatusCode.Conflict, "sale.move-paid");
        Assert.Contains("Payment has started", paid.GetProperty("detail").GetString());
        await KasseClient.Problem(mergePaid, HttpStatusCode.Conflict, "sale.move-paid");
        await KasseClient.Problem(splitPaid, HttpStatusCode.Conflict, "sale.move-paid");
        var dansk = await KasseClient.Problem(inDanish, HttpStatusCode.Conflict, "sale.move-paid");
        Assert.Contains("Der er taget betaling", dansk.GetProperty("detail").GetString());
        Assert.Equal((SaleStatus.Open, 55m), (untouched.Status, untouched.TotalAmount));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SplitBillOnSqlite(SqliteServer server) : SplitBillTests(server);

[Collection(PostgresCollection.Name)]
public sealed class SplitBillOnPostgres(PostgresServer server) : SplitBillTests(server);
