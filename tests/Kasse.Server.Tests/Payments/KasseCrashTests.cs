using System.Diagnostics;
using System.Text;
using Kasse.Application.Demo;
using Kasse.Application.Sales;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Tests;
using Npgsql;
using static Kasse.Server.Tests.Payments.PaymentIntents;

namespace Kasse.Server.Tests.Payments;

/// <summary>
/// A test day on the real <c>kasse</c> executable with both simulators: card and MobilePay sales, then Kasse is
/// killed between "the terminal charged" and "the answer arrived", started again, and recovers the payment exactly
/// once. Afterwards the whole database and every log line are searched for anything that looks like a card number.
/// </summary>
public abstract class KasseCrashTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private TestDatabase _database = null!;
    private SimulatorProcess _terminal = null!;
    private SimulatorProcess _mobilePay = null!;
    private Process? _kasse;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _terminal = await SimulatorProcess.StartAsync(SimulatorProcess.Terminal);
        _mobilePay = await SimulatorProcess.StartAsync(SimulatorProcess.MobilePay);
    }

    private async Task<KasseClient> StartKasseAsync()
    {
        var (process, address) = await KasseProcess.ServeAsync(_log, "--database", provider.ToString(), "--connection", _database.ConnectionString,
            "--Kasse:Payments:RecoveryIntervalSeconds", "1", "--Logging:LogLevel:Default", "Debug",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Information");
        _kasse = process;
        return new KasseClient(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60), DefaultRequestHeaders = { { "X-Api-Key", DemoSeeder.DemoApiKey } } }, null!);
    }

    private async Task KillKasseAsync()
    {
        _kasse!.Kill(entireProcessTree: true);
        await _kasse.WaitForExitAsync();
        _kasse.Dispose();
        _kasse = null;
    }

    private static async Task<SaleView> SaleAsync(KasseClient api, decimal price)
    {
        var sale = await KasseClient.Read<SaleView>(await api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), DemoSeeder.RegisterId, DemoSeeder.EmployeeId)));
        return await KasseClient.Read<SaleView>(await api.PostAsync($"/api/v1/sales/{sale.Id}/lines", new AddLine(Description: "Kaffe og kage", UnitPrice: price)));
    }

    private string Log()
    {
        lock (_log)
            return _log.ToString();
    }

    [Fact]
    public async Task Kasse_killed_between_charge_and_answer_recovers_the_payment_once_and_no_card_number_is_stored_or_logged()
    {
        var api = await StartKasseAsync();
        await api.ConnectDevicesAsync(DemoSeeder.RegisterId, _terminal.Url, _mobilePay.Url);

        // The day's ordinary sales: card, a partial approval topped up in cash, a decline then a card, MobilePay.
        var card = await SaleAsync(api, 89.95m);
        var cardPayment = await api.PayByDeviceAsync(card.Id, PaymentMethod.Card);
        await api.CompleteAsync(card.Id);
        var split = await SaleAsync(api, 240.00m);
        await _terminal.ControlAsync("control/next", new { outcome = "Partial", approvedAmount = 200.00m });
        await api.PayByDeviceAsync(split.Id, PaymentMethod.Card);
        await api.PayCashAsync(split.Id, 40m);
        await api.CompleteAsync(split.Id);
        var declinedFirst = await SaleAsync(api, 15.51m); // the simulator declines amounts ending in ,51
        Assert.Equal(TerminalPaymentState.Declined, (await api.PayByDeviceAsync(declinedFirst.Id, PaymentMethod.Card)).State);
        await api.PayCashAsync(declinedFirst.Id, 20m);
        await api.CompleteAsync(declinedFirst.Id);
        var app = await SaleAsync(api, 52.00m);
        var waiting = await api.PayByDeviceAsync(app.Id, PaymentMethod.MobilePay);
        await _mobilePay.ControlAsync($"control/payments/{waiting.AttemptReference}/approve");
        await api.WaitForStateAsync(waiting.Id, TerminalPaymentState.Approved);
        await api.CompleteAsync(app.Id);

        // The crash: the terminal has charged, its answer is 60 s away, and Kasse dies.
        var crashed = await SaleAsync(api, 318.00m);
        await _terminal.ControlAsync("control/next", new { outcome = "SlowApprove", delayMs = 60_000 });
        var paymentId = Guid.CreateVersion7();
        var lost = api.TryPayByDeviceAsync(crashed.Id, PaymentMethod.Card, paymentId);
        await _terminal.WaitForAsync(Transactions, list => Charges(list) == 3, "the charge");
        await KillKasseAsync();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => lost);

        api = await StartKasseAsync();
        await WaitForLogAsync($"Recovered Card payment {paymentId}: Approved");
        var recovered = await api.DevicePaymentAsync(paymentId);
        var again = await api.PayByDeviceAsync(crashed.Id, PaymentMethod.Card, paymentId);
        var sale = await api.CompleteAsync(crashed.Id);

        Assert.Equal(TerminalPaymentState.Approved, recovered.State);
        Assert.Equal(recovered.Id, again.Id);
        var payment = Assert.Single(sale.Payments);
        Assert.Equal((PaymentMethod.Card, 318.00m, recovered.CardLastFour), (payment.Method, payment.Amount, payment.CardLastFour));
        var transactions = await _terminal.ListAsync(Transactions);
        Assert.Equal(3, Charges(transactions));
        Assert.Single(transactions, t => t.GetProperty("ServiceId").GetString() == recovered.ServiceId);
        Assert.Single(Log().Split('\n'), line => line.Contains($"Recovered Card payment {paymentId}", StringComparison.Ordinal));

        await KillKasseAsync();
        var (stored, barcodes) = await EverythingStoredAsync();
        Assert.Contains(cardPayment.ServiceId, stored, StringComparison.Ordinal); // the search did read the payments
        Assert.Contains(cardPayment.CardScheme!, stored, StringComparison.Ordinal);
        Assert.NotEmpty(barcodes);
        CardNumberScanner.AssertNone(stored, barcodes, $"the {provider} database");
        CardNumberScanner.AssertNone(Log(), barcodes, "kasse's log");
    }

    private Task<string> WaitForLogAsync(string text) =>
        Eventually.HoldsAsync(() => Log(), log => log.Contains(text, StringComparison.Ordinal), $"kasse to log \"{text}\" after the restart");

    /// <summary>
    /// The raw SQLite files (database and write-ahead log), or every row of every PostgreSQL table as text; and the
    /// catalogue's barcodes, which are EAN numbers, not cards.
    /// </summary>
    private async Task<(string Stored, IReadOnlySet<string> Barcodes)> EverythingStoredAsync()
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = _database.ConnectionString.Replace("Data Source=", "", StringComparison.Ordinal);
            var text = new StringBuilder();
            foreach (var path in Directory.GetFiles(Path.GetDirectoryName(file)!))
                text.Append(Encoding.Latin1.GetString(await File.ReadAllBytesAsync(path))).Append('\n');
            await using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection(_database.ConnectionString + ";Mode=ReadOnly");
            await sqlite.OpenAsync();
            await using var codes = new Microsoft.Data.Sqlite.SqliteCommand("SELECT \"Code\" FROM \"ProductBarcodes\"", sqlite);
            return (text.ToString(), await ReadAllAsync(await codes.ExecuteReaderAsync()));
        }
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                dump.AppendLine(reader.GetString(0));
        }
        await using var barcodes = new NpgsqlCommand("SELECT \"Code\" FROM \"ProductBarcodes\"", connection);
        return (dump.ToString(), await ReadAllAsync(await barcodes.ExecuteReaderAsync()));
    }

    private static async Task<IReadOnlySet<string>> ReadAllAsync(System.Data.Common.DbDataReader reader)
    {
        await using var _ = reader;
        var values = new HashSet<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }

    public async ValueTask DisposeAsync()
    {
        if (_kasse is not null)
            await KillKasseAsync();
        await _terminal.DisposeAsync();
        await _mobilePay.DisposeAsync();
        await _database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class KasseCrashOnSqlite() : KasseCrashTests(DatabaseProvider.Sqlite);

public sealed class KasseCrashOnPostgres() : KasseCrashTests(DatabaseProvider.Postgres);
