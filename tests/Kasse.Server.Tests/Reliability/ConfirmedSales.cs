using System.Globalization;
using Kasse.Server.Hosting;
using Kasse.Server.Tests.Infrastructure;

namespace Kasse.Server.Tests.Reliability;

/// <summary>What must hold in a database after any crash or fault, read directly while Kasse is not running.</summary>
public static class ConfirmedSales
{
    /// <summary>
    /// Every sale a till was told is complete is there once, with its receipt number; no completed sale is half-written;
    /// receipt numbers per register run 1, 2, 3 … without gap or duplicate; a SQLite file passes integrity_check; and
    /// <c>kasse journal verify</c> accepts the journal.
    /// </summary>
    public static Task AssertAllThereAsync(DatabaseProvider provider, string connectionString, IEnumerable<CrashTill> tills, string when,
        Func<System.Data.Common.DbConnection, Task>? more = null) =>
        AssertAllThereAsync(provider, connectionString, tills.SelectMany(t => t.Confirmed).ToList(), when, more);

    /// <summary>As above, for the sales confirmed up to a moment (e.g. before a backup began).</summary>
    public static async Task AssertAllThereAsync(DatabaseProvider provider, string connectionString, IReadOnlyList<ConfirmedSale> confirmed, string when,
        Func<System.Data.Common.DbConnection, Task>? more = null)
    {
        await using (var connection = await DatabaseInspector.OpenAsync(provider, connectionString))
        {
            if (provider == DatabaseProvider.Sqlite)
            {
                var check = await DatabaseInspector.QueryAsync(connection, "PRAGMA integrity_check");
                Assert.True(check.Count == 1 && "ok".Equals(check[0][0]), $"{when}: integrity_check says {string.Join("; ", check.Select(r => r[0]))}");
            }
            var completed = (await DatabaseInspector.QueryAsync(connection,
                    "SELECT s.\"Id\", s.\"RegisterId\", s.\"ReceiptNumber\", s.\"TotalAmount\", "
                    + "(SELECT COUNT(*) FROM \"SaleLines\" l WHERE l.\"SaleId\" = s.\"Id\"), "
                    + "(SELECT COALESCE(SUM(p.\"Amount\" - p.\"Rounding\"), 0) FROM \"Payments\" p WHERE p.\"SaleId\" = s.\"Id\") "
                    + "FROM \"Sales\" s WHERE s.\"Status\" = 'Completed'"))
                .Select(r => (Id: Guid.Parse(r[0]!.ToString()!), Register: Guid.Parse(r[1]!.ToString()!), Receipt: Convert.ToInt64(r[2], CultureInfo.InvariantCulture),
                    Total: Convert.ToInt64(r[3], CultureInfo.InvariantCulture), Lines: Convert.ToInt64(r[4], CultureInfo.InvariantCulture),
                    Paid: Convert.ToInt64(r[5], CultureInfo.InvariantCulture)))
                .ToList();

            // No half-written sale: a completed sale has its lines and is paid in full.
            Assert.All(completed, s => Assert.True(s.Lines > 0 && s.Paid >= s.Total,
                $"{when}: completed sale {s.Id} is half-written ({s.Lines} lines, paid {s.Paid} of {s.Total} øre)"));
            // Receipt numbers per register: 1, 2, 3, … with no gap and no duplicate.
            foreach (var register in completed.GroupBy(s => s.Register))
            {
                var numbers = register.Select(s => s.Receipt).Order().ToList();
                Assert.True(numbers.SequenceEqual(Enumerable.Range(1, numbers.Count).Select(n => (long)n)),
                    $"{when}: register {register.Key} has receipt numbers {string.Join(",", numbers)}");
            }
            // Every sale a till was told is complete is there, once, with the number the till printed.
            var byId = completed.ToDictionary(s => s.Id);
            foreach (var sale in confirmed)
            {
                Assert.True(byId.TryGetValue(sale.SaleId, out var stored), $"{when}: confirmed sale {sale.SaleId} (receipt {sale.ReceiptNumber}) is gone");
                Assert.Equal((sale.RegisterId, sale.ReceiptNumber), (stored.Register, stored.Receipt));
            }
            if (more is not null)
                await more(connection);
        }

        var verify = await KasseProcess.RunAsync("journal", "verify", "--database", provider.ToString(), "--connection", connectionString);
        Assert.True(verify.ExitCode == 0, $"{when}: kasse journal verify failed ({verify.ExitCode}):\n{verify.Output}\n{verify.Error}");
    }
}
