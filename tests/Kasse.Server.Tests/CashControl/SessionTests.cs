using System.Net;
using System.Text.Json;
using Kasse.Application.CashControl;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.CashControl;

public abstract class SessionTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task A_session_opens_with_its_counted_float_journaled_and_a_second_open_session_is_refused()
    {
        var shop = await _api.NewShopAsync();
        var id = Guid.CreateVersion7();

        var session = await KasseClient.Read<SessionView>(await _api.TryOpenSessionAsync(shop, 500m, id));
        var again = await KasseClient.Read<SessionView>(await _api.TryOpenSessionAsync(shop, 500m, id));
        await Refusal.Expect(await _api.TryOpenSessionAsync(shop, 300m), HttpStatusCode.Conflict, "session.already-open");

        Assert.Equal(SessionStatus.Open, session.Status);
        Assert.Equal(500.00m, session.OpeningFloat);
        Assert.Equal(session, again);
        var entry = Assert.Single(await _api.JournalAsync(shop.Store.Id));
        Assert.Equal("13999", entry.EventCode);
        Assert.Contains("\"transactionType\":\"11007\"", entry.Payload);
        Assert.Contains("\"openingFloat\":500.00", entry.Payload);
    }

    [Fact]
    public async Task The_count_is_blind_the_expected_cash_is_shown_only_once_the_count_is_recorded_and_a_shortage_is_kept()
    {
        var shop = await _api.NewShopAsync();
        var bread = await _api.NewProductAsync(12.30m);
        var session = await _api.OpenSessionAsync(shop, 500m);
        await _api.SellAsync(shop, PaymentMethod.Cash, (bread, 1m)); // settles 12.50 in cash

        var current = await _api.Http.GetStringAsync($"/api/v1/registers/{shop.Register.Id}/sessions/current");
        var byId = await _api.Http.GetStringAsync($"/api/v1/registers/{shop.Register.Id}/sessions/{session.Id}");
        var counted = await _api.CountAsync(shop, session.Id, 510.00m);

        foreach (var view in new[] { current, byId })
        {
            var json = JsonDocument.Parse(view).RootElement;
            Assert.Equal(JsonValueKind.Null, json.GetProperty("expectedCash").ValueKind);
            Assert.Equal(JsonValueKind.Null, json.GetProperty("difference").ValueKind);
            Assert.DoesNotContain("512.5", view);
        }
        Assert.Equal(SessionStatus.Counted, counted.Status);
        Assert.Equal(510.00m, counted.CountedCash);
        Assert.Equal(512.50m, counted.ExpectedCash);
        Assert.Equal(-2.50m, counted.Difference);
        var entry = (await _api.JournalAsync(shop.Store.Id)).Last();
        Assert.Equal("13999", entry.EventCode);
        Assert.Contains("\"transactionType\":\"11008\"", entry.Payload);
        Assert.Contains("\"difference\":-2.50", entry.Payload);
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/registers/{shop.Register.Id}/sessions/current"), HttpStatusCode.NotFound, "session.none-open");
    }

    [Fact]
    public async Task A_count_is_final_the_same_count_again_answers_the_same_and_another_amount_is_refused()
    {
        var shop = await _api.NewShopAsync();
        var session = await _api.OpenSessionAsync(shop, 200m);

        var first = await _api.CountAsync(shop, session.Id, 201m);
        var retry = await _api.CountAsync(shop, session.Id, 201m);
        await Refusal.Expect(await _api.TryCountAsync(shop, session.Id, 200m), HttpStatusCode.Conflict, "session.counted");

        Assert.Equal(first, retry);
        Assert.Equal(1.00m, first.Difference);
        Assert.Single(await _api.JournalAsync(shop.Store.Id), e => e.Kind == "CashCounted");
    }

    [Fact]
    public async Task Drops_and_pay_ins_need_an_open_session_and_a_reason_are_journaled_and_move_the_expected_cash()
    {
        var shop = await _api.NewShopAsync();
        await Refusal.Expect(await _api.TryMoveCashAsync(shop, CashMovementKind.Drop, 100m, "Til boksen"), HttpStatusCode.Conflict, "session.none-open");
        var session = await _api.OpenSessionAsync(shop, 1000m);

        var drop = await _api.MoveCashAsync(shop, CashMovementKind.Drop, 600m, "Til boksen");
        await _api.MoveCashAsync(shop, CashMovementKind.PayIn, 150.50m, "Småpenge fra banken");
        var listed = await KasseClient.Read<List<CashMovementView>>(await _api.Http.GetAsync($"/api/v1/registers/{shop.Register.Id}/sessions/{session.Id}/cash-movements"));
        var counted = await _api.CountAsync(shop, session.Id, 550.50m);

        Assert.Equal(session.Id, drop.SessionId);
        Assert.Equal(2, listed.Count);
        Assert.Equal(550.50m, counted.ExpectedCash);
        Assert.Equal(0.00m, counted.Difference);
        var journal = await _api.JournalAsync(shop.Store.Id);
        var withdrawal = Assert.Single(journal, e => e.EventCode == "13019");
        Assert.Contains("\"reason\":\"Til boksen\"", withdrawal.Payload);
        Assert.Contains("\"transactionType\":\"11010\"", withdrawal.Payload);
        Assert.Contains(journal, e => e.Kind == "CashPaidIn" && e.Payload.Contains("\"transactionType\":\"11011\"", StringComparison.Ordinal));
        await Refusal.Expect(await _api.TryMoveCashAsync(shop, CashMovementKind.PayIn, 10m, "Efter lukning"), HttpStatusCode.Conflict, "session.none-open");
    }

    [Fact]
    public async Task Selling_without_an_open_session_works_and_its_cash_is_kept_out_of_the_next_session()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(40.00m);

        var sale = await _api.SellAsync(shop, PaymentMethod.Cash, (item, 1m));
        var session = await _api.OpenSessionAsync(shop, 540m); // the 40 kr is in the drawer and counted into the float
        await _api.SellAsync(shop, PaymentMethod.Cash, (item, 1m));
        var counted = await _api.CountAsync(shop, session.Id, 580m);
        var x = await _api.XReportAsync(shop);

        Assert.Equal(SaleStatus.Completed, sale.Status);
        Assert.Equal(580.00m, counted.ExpectedCash);
        Assert.Equal(new CountAmount(1, 40.00m), x.Cash.CashOutsideSessions);
        Assert.Equal(40.00m, x.Cash.CashTaken);
    }

    [Fact]
    public async Task Bad_cash_control_input_is_refused_with_problem_json_and_changes_nothing()
    {
        var shop = await _api.NewShopAsync();
        var register = shop.Register.Id;

        await Refusal.Expect(await _api.TryOpenSessionAsync(shop, -1m), HttpStatusCode.BadRequest, "session.opening-float");
        await Refusal.Expect(await _api.TryOpenSessionAsync(shop, 10.005m), HttpStatusCode.BadRequest, "session.opening-float");
        await Refusal.Expect(await _api.TryOpenSessionAsync(shop, 2_000_000m), HttpStatusCode.BadRequest, "session.opening-float");
        await Refusal.Expect(await _api.TryOpenSessionAsync(shop, 100m, Guid.Empty), HttpStatusCode.BadRequest, "session.id");
        await Refusal.Expect(await _api.PostAsync($"/api/v1/registers/{Guid.CreateVersion7()}/sessions", new OpenSession(Guid.CreateVersion7(), 100m)),
            HttpStatusCode.NotFound, "register.not-found");
        await Refusal.Expect(await _api.PostAsync($"/api/v1/registers/{register}/sessions", new OpenSession(Guid.CreateVersion7(), 100m, Guid.CreateVersion7())),
            HttpStatusCode.NotFound, "employee.not-found");
        await Refusal.Expect(await _api.SendRawAsync(HttpMethod.Post, $"/api/v1/registers/{register}/sessions", """{"id":"not-a-uuid","openingFloat":1}"""),
            HttpStatusCode.BadRequest, "request.malformed");
        Assert.Empty(await _api.JournalAsync(shop.Store.Id));

        var session = await _api.OpenSessionAsync(shop, 100m);
        await Refusal.Expect(await _api.TryMoveCashAsync(shop, CashMovementKind.Drop, 0m, "Til boksen"), HttpStatusCode.BadRequest, "cash-movement.amount");
        await Refusal.Expect(await _api.TryMoveCashAsync(shop, CashMovementKind.Drop, -5m, "Til boksen"), HttpStatusCode.BadRequest, "cash-movement.amount");
        await Refusal.Expect(await _api.TryMoveCashAsync(shop, CashMovementKind.Drop, 5m, "  "), HttpStatusCode.BadRequest, "cash-movement.reason");
        await Refusal.Expect(await _api.TryMoveCashAsync(shop, CashMovementKind.Drop, 5m, new string('x', 121)), HttpStatusCode.BadRequest, "cash-movement.reason");
        await Refusal.Expect(await _api.SendRawAsync(HttpMethod.Post, $"/api/v1/registers/{register}/cash-movements",
            $$"""{"id":"{{Guid.CreateVersion7()}}","kind":"Steal","amount":5,"reason":"x"}"""), HttpStatusCode.BadRequest, "request.malformed");
        await Refusal.Expect(await _api.TryCountAsync(shop, session.Id, -1m), HttpStatusCode.BadRequest, "count.amount");
        await Refusal.Expect(await _api.TryCountAsync(shop, session.Id, 1.234m), HttpStatusCode.BadRequest, "count.amount");
        await Refusal.Expect(await _api.TryCountAsync(shop, Guid.CreateVersion7(), 1m), HttpStatusCode.NotFound, "session.not-found");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/registers/{register}/sessions/{Guid.CreateVersion7()}"), HttpStatusCode.NotFound, "session.not-found");
        await Refusal.Expect(await _api.PostAsync($"/api/v1/registers/{register}/drawer/open", new OpenDrawer(Reason: new string('x', 200))),
            HttpStatusCode.BadRequest, "drawer.reason");

        Assert.Single(await _api.JournalAsync(shop.Store.Id));
        Assert.Equal(SessionStatus.Open, (await KasseClient.Read<SessionView>(await _api.Http.GetAsync($"/api/v1/registers/{register}/sessions/current"))).Status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionsOnSqlite(SqliteServer server) : SessionTests(server);

[Collection(PostgresCollection.Name)]
public sealed class SessionsOnPostgres(PostgresServer server) : SessionTests(server);
