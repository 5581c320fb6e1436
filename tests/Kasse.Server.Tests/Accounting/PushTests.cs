using System.Net;
using System.Text.Json;
using Kasse.Application.Accounting;
using Kasse.Domain.Accounting;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;
using Kasse.Server.Tests.Api;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Payments;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Accounting;

/// <summary>
/// Days pushed to an accounting system (the simulator in tools/, its own process on loopback) through the journal
/// API connector: one voucher per day however often it is pushed, retries when the system is busy, no double
/// booking when an answer is lost, and a status per day that says what happened.
/// </summary>
public abstract class PushTests(KasseServer server)
{
    private const string Token = "kasse-simulator-token";
    private static readonly DateOnly Day = new(2026, 3, 10);
    private readonly KasseClient _api = server.Client();

    /// <summary>A short shift on the day: a card sale and a cash sale, counted right, closed by a Z report.</summary>
    private async Task<RegisterReport> ShiftAsync(Shop shop, DateOnly day, int hour)
    {
        var coffee = await _api.NewProductAsync(42.50m, name: "Kaffe");
        var bread = await _api.NewProductAsync(12.30m, name: "Rundstykke");
        using (server.Clock.PinAt(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero)))
        {
            var session = await _api.OpenSessionAsync(shop, 500m);
            await _api.SellAsync(shop, PaymentMethod.Card, (coffee, 2m));
            var cash = await _api.SellAsync(shop, PaymentMethod.Cash, (bread, 1m));
            await _api.CountAsync(shop, session.Id, 500m + cash.PaidAmount);
            return await _api.ZReportAsync(shop);
        }
    }

    private async Task<(Shop Shop, SimulatorProcess Simulator)> ConnectedShopAsync(string token = Token)
    {
        var shop = await _api.NewShopAsync();
        var simulator = await SimulatorProcess.StartAsync(SimulatorProcess.Accounting);
        await KasseClient.Read<ConnectorView>(await _api.TrySetConnectorAsync(shop.Store.Id, simulator.Url.ToString(), "7", token));
        return (shop, simulator);
    }

    private static JsonElement[] Of(JsonElement[] vouchers, DayView day, int part = 1) =>
        vouchers.Where(v => v.GetProperty("externalId").GetString() == day.Pushes[part - 1].ExternalId).ToArray();

    [Fact]
    public async Task A_day_pushed_twice_is_one_voucher_there_and_a_later_z_report_goes_as_a_supplement()
    {
        var (shop, simulator) = await ConnectedShopAsync();
        await using var _ = simulator;
        await ShiftAsync(shop, Day, 9);

        var first = await _api.PushDayAsync(shop.Store.Id, Day);
        var again = await _api.PushDayAsync(shop.Store.Id, Day);

        Assert.Equal(nameof(PushStatus.Pushed), first.Status);
        var push = Assert.Single(again.Pushes);
        Assert.Equal(PushStatus.Pushed, push.Status);
        Assert.Equal(1, push.Attempts);
        Assert.Equal(first.Pushes[0].VoucherNumber, push.VoucherNumber);
        var booked = Assert.Single(await simulator.ListAsync("/control/vouchers"));
        Assert.Equal("7", booked.GetProperty("journal").GetString());
        Assert.Equal("2026-03-10", booked.GetProperty("date").GetString());
        Assert.Equal("20260310", booked.GetProperty("number").GetString());
        var entries = booked.GetProperty("entries").EnumerateArray().Select(e => (e.GetProperty("account").GetString()!, e.GetProperty("amount").GetDecimal())).ToList();
        Assert.Equal(first.Voucher.Lines.Select(l => (l.Account, l.Debit - l.Credit)), entries);
        Assert.Equal(0m, entries.Sum(e => e.Item2));

        await ShiftAsync(shop, Day, 15);
        Assert.Equal(DayStatus.PartlyPushed, (await _api.DayAsync(shop.Store.Id, Day)).Status);
        var supplemented = await _api.PushDayAsync(shop.Store.Id, Day);

        Assert.Equal(nameof(PushStatus.Pushed), supplemented.Status);
        Assert.Equal([1, 2], supplemented.Pushes.Select(p => p.Part));
        var vouchers = await simulator.ListAsync("/control/vouchers");
        Assert.Equal(2, vouchers.Length);
        Assert.Equal("20260310-2", Assert.Single(Of(vouchers, supplemented, 2)).GetProperty("number").GetString());
        // The two vouchers together are the whole day, nothing twice.
        Assert.Equal(supplemented.TotalDebit, vouchers.Sum(v => v.GetProperty("entries").EnumerateArray().Sum(e => Math.Max(0m, e.GetProperty("amount").GetDecimal()))));
    }

    [Fact]
    public async Task A_busy_accounting_system_is_tried_again_and_a_lost_answer_never_books_twice()
    {
        var (shop, simulator) = await ConnectedShopAsync();
        await using var _ = simulator;
        await ShiftAsync(shop, Day, 9);
        await ShiftAsync(shop, Day.AddDays(1), 9);

        await simulator.ControlAsync("/control/next", new { fail = 2 });
        var busy = await _api.PushDayAsync(shop.Store.Id, Day);

        Assert.Equal(nameof(PushStatus.Pushed), busy.Status);
        Assert.Equal(3, busy.Pushes[0].Attempts);
        Assert.Null(busy.Pushes[0].LastError);

        await simulator.ControlAsync("/control/next", new { loseAnswer = true });
        var lost = await _api.PushDayAsync(shop.Store.Id, Day.AddDays(1));

        Assert.Equal(nameof(PushStatus.Pushed), lost.Status);
        Assert.Equal(2, lost.Pushes[0].Attempts);
        var vouchers = await simulator.ListAsync("/control/vouchers");
        Assert.Equal(2, vouchers.Length);
        Assert.Single(Of(vouchers, lost));
        Assert.Equal(lost.Pushes[0].VoucherNumber, Of(vouchers, lost)[0].GetProperty("voucherNumber").GetString());
    }

    [Fact]
    public async Task A_day_that_cannot_be_pushed_says_why_and_goes_once_when_pushed_again()
    {
        var (shop, simulator) = await ConnectedShopAsync(token: "an-expired-token");
        await using var _ = simulator;
        await ShiftAsync(shop, Day, 9);

        var refused = await _api.PushDayAsync(shop.Store.Id, Day);

        Assert.Equal(nameof(PushStatus.Failed), refused.Status);
        Assert.Equal(1, refused.Pushes[0].Attempts);                      // a refused token is not worth retrying at once
        Assert.Contains("token", refused.Pushes[0].LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await simulator.ListAsync("/control/vouchers"));

        await KasseClient.Read<ConnectorView>(await _api.TrySetConnectorAsync(shop.Store.Id, simulator.Url.ToString(), "7", Token));
        await simulator.ControlAsync("/control/next", new { fail = 5 });
        var down = await _api.PushDayAsync(shop.Store.Id, Day);

        Assert.Equal(nameof(PushStatus.Failed), down.Status);
        Assert.Equal(1 + PushTestsLimits.Attempts, down.Pushes[0].Attempts);
        Assert.Contains("503", down.Pushes[0].LastError, StringComparison.Ordinal);

        await simulator.ControlAsync("/control/next", new { fail = 0 });
        var pushed = await _api.PushDayAsync(shop.Store.Id, Day);
        Assert.Equal(nameof(PushStatus.Pushed), pushed.Status);
        Assert.Single(await simulator.ListAsync("/control/vouchers"));
        Assert.Equal(nameof(PushStatus.Pushed), Assert.Single(await _api.DaysAsync(shop.Store.Id, Day, Day)).Status);
    }

    [Fact]
    public async Task Pushing_and_exporting_refuse_what_they_cannot_do_with_problem_json()
    {
        var shop = await _api.NewShopAsync();
        var store = shop.Store.Id;
        await ShiftAsync(shop, Day, 9);
        var cashier = await server.ClientAsAsync("Cashier");

        await Refusal.Expect(await _api.TryPushDayAsync(store, Day), HttpStatusCode.Conflict, "connector.not-set");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/stores/{store}/accounting/connector"), HttpStatusCode.NotFound, "connector.not-set");
        await Refusal.Expect(await _api.TrySetConnectorAsync(store, "ftp://example", "1", "t"), HttpStatusCode.BadRequest, "connector.url");
        await Refusal.Expect(await _api.TrySetConnectorAsync(store, "http://127.0.0.1:9/", "1", null), HttpStatusCode.BadRequest, "connector.token");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/stores/{store}/accounting/days/2026-03-11"), HttpStatusCode.NotFound, "accounting.no-z-report");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/stores/{store}/accounting/days?from=2026-03-11&to=2026-03-01"), HttpStatusCode.BadRequest, "accounting.range");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/stores/{store}/accounting/entries.csv?from=2024-01-01&to=2026-03-01"), HttpStatusCode.BadRequest, "accounting.range");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/stores/{store}/accounting/kassekladde.csv"), HttpStatusCode.BadRequest, "accounting.range");
        await Refusal.Expect(await _api.Http.GetAsync($"/api/v1/stores/{Guid.CreateVersion7()}/accounting/chart"), HttpStatusCode.NotFound, "store.not-found");
        await Refusal.Expect(await cashier.Http.GetAsync($"/api/v1/stores/{store}/accounting/entries.csv?from=2026-03-10&to=2026-03-10"), HttpStatusCode.Forbidden);
        await Refusal.Expect(await cashier.TryPushDayAsync(store, Day), HttpStatusCode.Forbidden);

        await KasseClient.Read<ConnectorView>(await _api.TrySetConnectorAsync(store, "http://127.0.0.1:9/api", "Kasse", "secret-token-123"));
        var kept = await KasseClient.Read<ConnectorView>(await _api.TrySetConnectorAsync(store, "http://127.0.0.1:9/api2", "Kasse", ""));
        Assert.True(kept.TokenSet);
        var shown = await (await _api.Http.GetAsync($"/api/v1/stores/{store}/accounting/connector")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret-token-123", shown, StringComparison.Ordinal);
        Assert.Contains("api2", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bookkeeper_changes_the_chart_and_the_days_are_booked_on_the_new_accounts()
    {
        var shop = await _api.NewShopAsync();
        var store = shop.Store.Id;
        await ShiftAsync(shop, Day, 9);
        var chart = await _api.ChartAsync(store);
        Assert.True(chart.IsDefault);
        Assert.Contains(chart.Accounts, a => a.Role == AccountRole.Cash && a.Number == "5800");

        var changed = chart.Accounts.Select(a => new ChartAccountRequest(a.Role, a.Qualifier, a.Role == AccountRole.Cash ? "55000" : a.Number, a.Name)).ToList();
        var saved = await KasseClient.Read<ChartView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{store}/accounting/chart", new SetChart(changed)));

        Assert.False(saved.IsDefault);
        var day = await _api.DayAsync(store, Day);
        Assert.Contains(day.Voucher.Lines, l => l.Account == "55000" && l.Role == AccountRole.Cash);
        Assert.DoesNotContain(day.Voucher.Lines, l => l.Account == "5800");
        Assert.False((await _api.ChartAsync(store)).IsDefault);

        var withoutCash = changed.Where(a => a.Role != AccountRole.Cash).ToList();
        await Refusal.Expect(await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{store}/accounting/chart", new SetChart(withoutCash)), HttpStatusCode.BadRequest, "chart.missing");
        await Refusal.Expect(await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{store}/accounting/chart", new SetChart([])), HttpStatusCode.BadRequest, "chart.accounts");
        await Refusal.Expect(await _api.SendRawAsync(HttpMethod.Put, $"/api/v1/stores/{store}/accounting/chart",
            """{"accounts":[{"role":"Nonsense","number":"1","name":"x"}]}"""), HttpStatusCode.BadRequest);
        var cashier = await server.ClientAsAsync("Cashier");
        await Refusal.Expect(await cashier.SendAsync(HttpMethod.Put, $"/api/v1/stores/{store}/accounting/chart", new SetChart(changed)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Card_payments_through_the_terminal_are_booked_per_scheme_on_the_accounts_the_chart_gives_them()
    {
        var shop = await _api.NewShopAsync();
        await using var terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        await _api.ConnectDevicesAsync(shop.Register.Id, terminal.Url);
        var chart = (await _api.ChartAsync(shop.Store.Id)).Accounts.Select(a => new ChartAccountRequest(a.Role, a.Qualifier, a.Number, a.Name))
            .Append(new ChartAccountRequest(AccountRole.PaymentCards, "Visa/Dankort", "5811", "Visa/Dankort-tilgodehavende"))
            .Append(new ChartAccountRequest(AccountRole.PaymentCards, "Mastercard", "5816", "Mastercard-tilgodehavende")).ToList();
        await KasseClient.Read<ChartView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{shop.Store.Id}/accounting/chart", new SetChart(chart)));
        var payments = new List<Kasse.Application.Sales.PaymentView>();
        using (server.Clock.PinAt(new DateTimeOffset(Day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero)))
        {
            for (var i = 0; i < 6; i++)
            {
                var sale = await _api.SaleToPayAsync(shop, 100m + i);
                await _api.PayByDeviceAsync(sale.Id, PaymentMethod.Card);
                payments.AddRange((await _api.CompleteAsync(sale.Id)).Payments);
            }
            await _api.ZReportAsync(shop);
        }

        var day = await _api.DayAsync(shop.Store.Id, Day);

        Assert.All(payments, p => Assert.Contains(p.CardScheme, new[] { "Visa/Dankort", "Mastercard" }));
        decimal On(string account) => day.Voucher.Lines.Where(l => l.Account == account).Sum(l => l.Debit - l.Credit);
        Assert.Equal(payments.Where(p => p.CardScheme == "Visa/Dankort").Sum(p => p.Amount), On("5811"));
        Assert.Equal(payments.Where(p => p.CardScheme == "Mastercard").Sum(p => p.Amount), On("5816"));
        Assert.DoesNotContain(day.Voucher.Lines, l => l.Account == "5815");
        Assert.Equal(615m, day.TotalDebit);
        Assert.True(day.Balanced);
    }
}

internal static class PushTestsLimits
{
    public const int Attempts = AccountingPushService.MaxAttempts;
}

[Collection(SqliteCollection.Name)]
public sealed class PushOnSqlite(SqliteServer server) : PushTests(server);

[Collection(PostgresCollection.Name)]
public sealed class PushOnPostgres(PostgresServer server) : PushTests(server);
