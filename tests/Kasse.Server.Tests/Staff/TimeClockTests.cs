using System.Net;
using System.Net.Http.Json;
using Kasse.Application.Staff;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Api;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Staff;

public abstract class TimeClockTests(KasseServer server)
{
    private readonly KasseClient _api = server.Client();
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);

    private async Task<PunchView> PunchAsync(Guid employeeId, PunchKind kind, DateTimeOffset at)
    {
        using (server.Clock.PinAt(at))
            return await KasseClient.Read<PunchView>(await _api.PostAsync("/api/v1/time-clock/punches", new { employeeId, kind }));
    }

    [Fact]
    public async Task A_shift_with_a_break_gives_worked_hours_a_manager_correction_is_audited_and_payroll_exports_it()
    {
        var shop = await _api.NewShopAsync();
        await PunchAsync(shop.CashierId, PunchKind.ClockIn, Morning);
        await PunchAsync(shop.CashierId, PunchKind.BreakStart, Morning.AddHours(2));
        HttpResponseMessage outOfOrder;
        using (server.Clock.PinAt(Morning.AddHours(2.2)))
            outOfOrder = await _api.PostAsync("/api/v1/time-clock/punches", new { employeeId = shop.CashierId, kind = "ClockOut" });
        await PunchAsync(shop.CashierId, PunchKind.BreakEnd, Morning.AddHours(2.5));
        var clockOut = await PunchAsync(shop.CashierId, PunchKind.ClockOut, Morning.AddHours(6));
        var period = $"from={Morning.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}&to={Morning.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}&employeeId={shop.CashierId}";
        var before = Assert.Single((await _api.Http.GetFromJsonAsync<List<TimesheetView>>($"/api/v1/timesheets?{period}", KasseClient.Json))!);

        await KasseClient.Read<PunchView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/time-clock/punches/{clockOut.Id}",
            new { at = Morning.AddHours(7), reason = "Glemte at stemple ud" }));
        var after = Assert.Single((await _api.Http.GetFromJsonAsync<List<TimesheetView>>($"/api/v1/timesheets?{period}", KasseClient.Json))!);
        var csv = await _api.Http.GetStringAsync($"/api/v1/timesheets/payroll.csv?{period}");
        var audit = await _api.Http.GetFromJsonAsync<List<AuditEndpoints.AuditEntryView>>($"/api/v1/audit?subject={shop.CashierId}&action=TimeClockCorrected", KasseClient.Json);

        await KasseClient.Problem(outOfOrder, HttpStatusCode.Conflict, "time-clock.out-of-order");
        Assert.Equal(5.5m, before.TotalWorkedHours);
        Assert.Equal(30m, before.TotalBreakMinutes);
        Assert.Equal(6.5m, after.TotalWorkedHours);
        Assert.Contains($"{shop.CashierId};", csv);
        Assert.Contains("2026-03-02T07:00:00Z;2026-03-02T14:00:00Z;30;6.5", csv);
        var correction = Assert.Single(audit!);
        Assert.Contains("Glemte", correction.Detail);
        Assert.Contains("13:00", correction.Before);
    }

    [Fact]
    public async Task Performance_shows_sales_baskets_and_items_per_hour_worked_per_employee()
    {
        var shop = await _api.NewShopAsync();
        var item = await _api.NewProductAsync(25.00m);
        var other = await _api.NewProductAsync(15.00m);
        await PunchAsync(shop.CashierId, PunchKind.ClockIn, Morning);
        using (server.Clock.PinAt(Morning.AddHours(1)))
        {
            await _api.SellAsync(shop, PaymentMethod.Card, (item, 2m), (other, 1m));
            await _api.SellAsync(shop, PaymentMethod.Card, (item, 1m));
        }
        await PunchAsync(shop.CashierId, PunchKind.ClockOut, Morning.AddHours(2));

        var performance = await _api.Http.GetFromJsonAsync<List<EmployeePerformance>>(
            $"/api/v1/stores/{shop.Store.Id}/performance?from={Morning:yyyy-MM-ddTHH:mm:ssZ}&to={Morning.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}", KasseClient.Json);

        var cashier = Assert.Single(performance!, p => p.EmployeeId == shop.CashierId);
        Assert.Equal(90.00m, cashier.SalesAmount);
        Assert.Equal(2, cashier.SalesCount);
        Assert.Equal(45.00m, cashier.AverageBasket);
        Assert.Equal(2m, cashier.HoursWorked);
        Assert.Equal(3, cashier.Items);
        Assert.Equal(1.5m, cashier.ItemsPerHour);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TimeClockOnSqlite(SqliteServer server) : TimeClockTests(server);

[Collection(PostgresCollection.Name)]
public sealed class TimeClockOnPostgres(PostgresServer server) : TimeClockTests(server);
