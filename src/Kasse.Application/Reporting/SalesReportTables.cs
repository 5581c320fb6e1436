using System.Globalization;

namespace Kasse.Application.Reporting;

/// <summary>The reports that can be downloaded one by one; the slug is the last part of its URL.</summary>
public enum SalesReportKind
{
    Summary,
    ByDay,
    ByHour,
    Heatmap,
    ByCategory,
    ByProduct,
    ByEmployee,
    ByPaymentMethod,
    ByStore,
}

public enum ColumnKind
{
    Text,
    Count,
    Money,
    Percent,
    Number,
}

public sealed record ReportColumn(string Key, string Heading, ColumnKind Kind);

/// <summary>A report laid out as a table, the one shape that CSV, PDF and the JSON table share.</summary>
public sealed record ReportTable(string Title, string Period, string Currency, IReadOnlyList<ReportColumn> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public string FormatCell(int column, object? value, CultureInfo culture) => value switch
    {
        null => "",
        decimal d when Columns[column].Kind == ColumnKind.Money => d.ToString("0.00", culture),
        decimal d => d.ToString("0.##", culture),
        long l => l.ToString(culture),
        int i => i.ToString(culture),
        _ => Convert.ToString(value, culture) ?? "",
    };
}

public static class SalesReportTables
{
    public static IReadOnlyList<SalesReportKind> All { get; } = Enum.GetValues<SalesReportKind>();

    public static string Slug(this SalesReportKind kind) => kind switch
    {
        SalesReportKind.Summary => "summary",
        SalesReportKind.ByDay => "by-day",
        SalesReportKind.ByHour => "by-hour",
        SalesReportKind.Heatmap => "heatmap",
        SalesReportKind.ByCategory => "by-category",
        SalesReportKind.ByProduct => "by-product",
        SalesReportKind.ByEmployee => "by-employee",
        SalesReportKind.ByPaymentMethod => "by-payment-method",
        SalesReportKind.ByStore => "by-store",
    };

    public static string Title(this SalesReportKind kind) => kind switch
    {
        SalesReportKind.Summary => "Sales summary",
        SalesReportKind.ByDay => "Sales by day",
        SalesReportKind.ByHour => "Sales by hour",
        SalesReportKind.Heatmap => "Sales by weekday and hour",
        SalesReportKind.ByCategory => "Sales by category",
        SalesReportKind.ByProduct => "Sales by product",
        SalesReportKind.ByEmployee => "Sales by employee",
        SalesReportKind.ByPaymentMethod => "Sales by payment method",
        SalesReportKind.ByStore => "Sales by store",
    };

    /// <param name="words">Translates the English headings (identity for the API).</param>
    public static ReportTable Table(SalesReport report, SalesReportKind kind, Func<string, string>? words = null)
    {
        words ??= w => w;
        var period = $"{report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} – {report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        ReportColumn C(string key, string heading, ColumnKind type) => new(key, words(heading), type);
        var figureColumns = new[]
        {
            C("receipts", "Receipts", ColumnKind.Count), C("returns", "Returns", ColumnKind.Count), C("items_sold", "Items sold", ColumnKind.Count),
            C("items_returned", "Items returned", ColumnKind.Count), C("gross", "Sales incl. VAT", ColumnKind.Money),
            C("net", "Sales excl. VAT", ColumnKind.Money), C("vat", "VAT", ColumnKind.Money), C("discounts", "Discounts", ColumnKind.Money),
            C("refunded", "Refunded", ColumnKind.Money), C("cost", "Cost", ColumnKind.Money), C("margin", "Margin", ColumnKind.Money),
            C("margin_percent", "Margin %", ColumnKind.Percent), C("average_basket", "Average basket", ColumnKind.Money),
            C("items_per_basket", "Items per basket", ColumnKind.Number), C("tips", "Tips (not in sales)", ColumnKind.Money),
        };
        static object?[] Figures(ReportFigures f) =>
            [f.Receipts, f.Returns, f.ItemsSold, f.ItemsReturned, f.Gross, f.Net, f.Vat, f.Discounts, f.Refunded, f.Cost, f.Margin,
                f.MarginPercent, f.AverageBasket, f.ItemsPerBasket, f.Tips];
        ReportTable Named(string keyHeading, IEnumerable<(string Name, ReportFigures Figures)> rows) =>
            new(words(kind.Title()), period, report.Currency, [C("name", keyHeading, ColumnKind.Text), .. figureColumns],
                [.. rows.Select(r => (IReadOnlyList<object?>)[r.Name, .. Figures(r.Figures)])]);

        return kind switch
        {
            SalesReportKind.Summary => new ReportTable(words(kind.Title()), period, report.Currency,
                [C("figure", "Figure", ColumnKind.Text), C("value", "Value", ColumnKind.Number)],
                [.. figureColumns.Zip(Figures(report.Totals)).Append((C("cash_rounding", "Cash rounding", ColumnKind.Money), report.Totals.CashRounding))
                    .Append((C("gift_cards_sold", "Gift cards sold (not in sales)", ColumnKind.Money), report.GiftCardsSold))
                    .Select(p => (IReadOnlyList<object?>)[p.First.Heading, p.Second])]),
            SalesReportKind.ByDay => Named(words("Day"), report.ByDay.Select(d => (d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Figures))),
            SalesReportKind.ByHour => Named(words("Hour"), report.ByHour.Select(r => (r.Name, r.Figures))),
            SalesReportKind.Heatmap => new ReportTable(words(kind.Title()), period, report.Currency,
                [C("weekday", "Weekday", ColumnKind.Text), .. Enumerable.Range(0, 24).Select(h => new ReportColumn(
                    h.ToString("00", CultureInfo.InvariantCulture), h.ToString("00", CultureInfo.InvariantCulture), ColumnKind.Money))],
                [.. Enumerable.Range(1, 7).Select(d => (IReadOnlyList<object?>)[words(WeekdayName(d)), .. Enumerable.Range(0, 24)
                    .Select(h => (object?)(report.Heatmap.FirstOrDefault(c => c.Weekday == d && c.Hour == h)?.Gross ?? 0m))])]),
            SalesReportKind.ByCategory => Named(words("Category"), report.ByCategory.Select(r => (r.Key == "" ? words(r.Name) : r.Name, r.Figures))),
            SalesReportKind.ByProduct => Named(words("Product"), report.ByProduct.Select(r => (r.Key == "" ? words(r.Name) : r.Name, r.Figures))),
            SalesReportKind.ByEmployee => Named(words("Employee"), report.ByEmployee.Select(r => (r.Key == "" ? words(r.Name) : r.Name, r.Figures))),
            SalesReportKind.ByPaymentMethod => new ReportTable(words(kind.Title()), period, report.Currency,
                [C("method", "Payment method", ColumnKind.Text), C("receipts", "Receipts", ColumnKind.Count), C("returns", "Returns", ColumnKind.Count),
                    C("amount", "Amount", ColumnKind.Money), C("refunded", "Refunded", ColumnKind.Money), C("cash_rounding", "Cash rounding", ColumnKind.Money),
                    C("tips", "Tips (not in sales)", ColumnKind.Money)],
                [.. report.ByPaymentMethod.Select(r => (IReadOnlyList<object?>)[words(r.Name), r.Figures.Receipts, r.Figures.Returns, r.Figures.Gross,
                    r.Figures.Refunded, r.Figures.CashRounding, r.Figures.Tips])]),
            SalesReportKind.ByStore => Named(words("Store"), report.ByStore.Select(r => (r.Name, r.Figures))),
        };
    }

    public static string WeekdayName(int isoWeekday) => isoWeekday switch
    {
        1 => "Monday",
        2 => "Tuesday",
        3 => "Wednesday",
        4 => "Thursday",
        5 => "Friday",
        6 => "Saturday",
        _ => "Sunday",
    };

    public static SalesReportKind? FromSlug(string slug) => All.Cast<SalesReportKind?>().FirstOrDefault(k => k!.Value.Slug() == slug);
}
