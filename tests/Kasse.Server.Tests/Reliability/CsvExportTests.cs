using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Kasse.Application.Accounting;
using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Application.Inventory;
using Kasse.Application.Reporting;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Kasse.Server.Tests.Accounting;
using Kasse.Server.Tests.CashControl;
using Kasse.Server.Tests.Infrastructure;
using Kasse.Server.Tests.Inventory;
using static Kasse.Server.Api.CatalogEndpoints;

namespace Kasse.Server.Tests.Reliability;

/// <summary>
/// Names typed by anyone who can edit a product, an employee, a location, a supplier's SKU or an account reach every
/// CSV file Kasse writes. Opened in a spreadsheet, none of them may run as a formula, and each reads back exactly as
/// it was typed; the stock file goes out and comes back in unchanged.
/// </summary>
public abstract class CsvExportTests(KasseServer server)
{
    private static readonly DateTimeOffset Morning = new(2026, 5, 4, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 5, 4);

    private readonly KasseClient _api = server.Client();

    [Fact]
    public async Task Hostile_names_reach_every_csv_export_as_text_never_as_a_formula_and_read_back_as_typed()
    {
        var n = server.NextNumber();
        var productName = $"-2+3+cmd|' /C calc'!A0 {n}";
        var sku = $"=HYPERLINK(\"x.invalid\",\"{n}\")";
        var employeeName = $"=1+2+{n}";
        var categoryName = $"@SUM(A1:A9) {n}";
        var locationName = $"Lager; bag \"{n}\"";
        var supplierSku = $"+cmd {n}";
        var accountName = $"-Omsætning {n}";

        var shop = await _api.NewShopAsync();
        var floor = await _api.FloorAsync(shop);
        var backRoom = await _api.NewLocationAsync(shop.Store.Id, locationName);
        var category = await KasseClient.Read<CategoryView>(await _api.PostAsync("/api/v1/categories", new CreateCategoryRequest(Guid.CreateVersion7(), categoryName)));
        var product = await KasseClient.Read<ProductView>(await _api.PostAsync("/api/v1/products",
            new CreateProductRequest(Guid.CreateVersion7(), sku, productName, 20.00m, 25m, CategoryId: category.Id, Barcodes: [_api.NewEan13()])));
        var employee = Guid.CreateVersion7();
        await KasseClient.Read<object>(await _api.PostAsync("/api/v1/employees",
            new { id = employee, name = employeeName, role = Role.Cashier, pin = "7391", stores = new[] { shop.Store.Id } }));
        await _api.AdjustAsync(floor.Id, product.Id, 10m);
        await _api.AdjustAsync(backRoom.Id, product.Id, 4m);
        var chart = await _api.ChartAsync(shop.Store.Id);
        await KasseClient.Read<ChartView>(await _api.SendAsync(HttpMethod.Put, $"/api/v1/stores/{shop.Store.Id}/accounting/chart",
            new SetChart(chart.Accounts.Select(a => new ChartAccountRequest(a.Role, a.Qualifier, a.Number, a.Number == "1010" ? accountName : a.Name)).ToList())));
        var supplier = await _api.PostAsync<SupplierView>("/api/v1/suppliers", new SaveSupplier(Guid.CreateVersion7(), $"Grossisten {n}"));
        await _api.PutAsync<SupplierProductView>($"/api/v1/suppliers/{supplier.Id}/products/{product.Id}", new SaveSupplierProduct(supplierSku, 9.50m, 1m, 0, 0m));
        var order = await _api.PostAsync<PurchaseOrderView>("/api/v1/purchase-orders",
            new CreatePurchaseOrder(Guid.CreateVersion7(), shop.Store.Id, supplier.Id, Lines: [new(product.Id, 6m)]));

        // The hostile employee works a shift and sells; the day is closed so the accounting has a voucher.
        using (server.Clock.PinAt(Morning))
            await KasseClient.Read<object>(await _api.PostAsync("/api/v1/time-clock/punches", new { employeeId = employee, kind = PunchKind.ClockIn }));
        using (server.Clock.PinAt(Morning.AddHours(1)))
        {
            var session = await _api.OpenSessionAsync(shop, 500m);
            var sale = await KasseClient.Read<SaleView>(await _api.PostAsync("/api/v1/sales", new OpenSale(Guid.CreateVersion7(), shop.Register.Id, employee)));
            await _api.AddProductAsync(sale.Id, product.Id, 2m);
            await _api.PayCashAsync(sale.Id, 50m);
            await _api.CompleteAsync(sale.Id);
            await _api.CountAsync(shop, session.Id, 540m);
            await _api.ZReportAsync(shop);
        }
        using (server.Clock.PinAt(Morning.AddHours(8)))
            await KasseClient.Read<object>(await _api.PostAsync("/api/v1/time-clock/punches", new { employeeId = employee, kind = PunchKind.ClockOut }));

        var period = $"from={Morning.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}&to={Morning.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}&employeeId={employee}";
        var files = new Dictionary<string, string>
        {
            ["stock.csv"] = await _api.Http.GetStringAsync($"/api/v1/stores/{shop.Store.Id}/stock.csv"),
            ["payroll.csv"] = await _api.Http.GetStringAsync($"/api/v1/timesheets/payroll.csv?{period}"),
            ["order.csv"] = await _api.Http.GetStringAsync($"/api/v1/purchase-orders/{order.Id}/order.csv"),
            ["entries.csv"] = await _api.CsvAsync(shop.Store.Id, "entries.csv", Day, Day),
            ["kassekladde.csv"] = await _api.CsvAsync(shop.Store.Id, "kassekladde.csv", Day, Day),
        };
        var reportQuery = $"from=2026-05-04&to=2026-05-04&storeId={shop.Store.Id}";
        foreach (var kind in SalesReportTables.All)
            files[kind.Slug() + ".csv"] = Encoding.UTF8.GetString(await _api.Http.GetByteArrayAsync($"/api/v1/sales-reports/{kind.Slug()}.csv?{reportQuery}"));

        foreach (var (name, content) in files)
            foreach (var cell in Cells(content))
                Assert.False(RunsAsFormula(cell), $"{name} has a cell a spreadsheet would run as a formula: {cell}");
        Assert.Contains(sku, Restored(files["stock.csv"]));
        Assert.Contains(locationName, Restored(files["stock.csv"]));
        Assert.Contains(employeeName, Restored(files["payroll.csv"]));
        Assert.Contains(supplierSku, Restored(files["order.csv"]));
        Assert.Contains(productName, Restored(files["order.csv"]));
        Assert.Contains(accountName, Restored(files["entries.csv"]));
        Assert.Contains(productName, Restored(files["by-product.csv"]));
        Assert.Contains(categoryName, Restored(files["by-category.csv"]));
        Assert.Contains(employeeName, Restored(files["by-employee.csv"]));
        // A negative amount is a number, not text: the kassekladde's credit lines stay summable.
        Assert.Contains(Cells(files["kassekladde.csv"]), c => c.StartsWith('-') && decimal.TryParse(c, NumberStyles.Number, CultureInfo.GetCultureInfo("da-DK"), out _));

        // The stock file goes back in as it came out: nothing moves, and the hostile location and SKU are found.
        var reimported = await KasseClient.Read<StockImportResult>(await _api.Http.PostAsync($"/api/v1/stores/{shop.Store.Id}/stock.csv",
            new StringContent(files["stock.csv"], Encoding.UTF8, "text/csv")));
        Assert.Equal(0, reimported.Changed);
        Assert.True(reimported.Rows >= 2, $"rows: {reimported.Rows}");
        Assert.Equal(8m, await _api.OnHandAsync(product.Id, floor.Id));
        Assert.Equal(4m, await _api.OnHandAsync(product.Id, backRoom.Id));
        // And an edited figure in it is booked at the hostile location.
        var edited = string.Join("\r\n", files["stock.csv"].Split("\r\n").Select(line =>
            line.Contains("bag", StringComparison.Ordinal) ? ReplaceOnHand(line, "9") : line));
        var changed = await KasseClient.Read<StockImportResult>(await _api.Http.PostAsync($"/api/v1/stores/{shop.Store.Id}/stock.csv",
            new StringContent(edited, Encoding.UTF8, "text/csv")));
        Assert.Equal(1, changed.Changed);
        Assert.Equal(9m, await _api.OnHandAsync(product.Id, backRoom.Id));
    }

    /// <summary>The on_hand cell (third) of a stock line whose location cell is quoted because it holds the separator.</summary>
    private static string ReplaceOnHand(string line, string onHand)
    {
        using var csv = new CsvParser(new StringReader(line), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", HasHeaderRecord = false });
        csv.Read();
        var cells = csv.Record!.ToArray();
        cells[2] = onHand;
        return string.Join(';', cells.Select(c => c.Contains(';') || c.Contains('"') ? "\"" + c.Replace("\"", "\"\"") + "\"" : c));
    }

    /// <summary>Every cell as a spreadsheet reads it: the file's own separator, quotes taken off.</summary>
    private static List<string> Cells(string content)
    {
        content = content.TrimStart('\uFEFF');
        var separator = content.Split('\n', 2)[0].Contains(';') ? ";" : ",";
        using var csv = new CsvParser(new StringReader(content), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = separator, HasHeaderRecord = false });
        var cells = new List<string>();
        while (csv.Read())
            cells.AddRange(csv.Record!);
        return cells;
    }

    private static List<string> Restored(string content) => Cells(content).Select(c => c.StartsWith('\'') ? c[1..] : c).ToList();

    /// <summary>A cell that starts like a formula and is not simply a (negative) number.</summary>
    private static bool RunsAsFormula(string cell) =>
        cell.Length > 0 && "=+-@\t\r".Contains(cell[0])
        && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
        && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.GetCultureInfo("da-DK"), out _);
}

[Collection(SqliteCollection.Name)]
public sealed class CsvExportsOnSqlite(SqliteServer server) : CsvExportTests(server);

[Collection(PostgresCollection.Name)]
public sealed class CsvExportsOnPostgres(PostgresServer server) : CsvExportTests(server);
