using Kasse.Domain.Reporting;

namespace Kasse.Data;

/// <summary>
/// The statement that adds figures to the day's summary rows: <c>INSERT … ON CONFLICT DO UPDATE</c> (same text on SQLite
/// and PostgreSQL) adds to a row atomically, so two writers adding at once never lose each other's sale.
/// </summary>
public static class SalesSummarySql
{
    private static readonly string[] Figures =
        ["Receipts", "Returns", "ItemsSold", "ItemsReturned", "Gross", "Net", "Vat", "Discounts", "Refunded", "CashRounding", "Cost", "CostedNet", "Tips"];

    /// <summary><c>INSERT INTO "SalesSummaries" (…)</c>, the columns in the order of <see cref="Cells"/>.</summary>
    public static readonly string InsertInto = "INSERT INTO \"SalesSummaries\" ("
        + string.Join(", ", new[] { "StoreId", "BusinessDay", "Dimension", "Key" }.Concat(Figures).Select(c => $"\"{c}\"")) + ")";

    public static readonly string OnConflict = "ON CONFLICT (\"StoreId\", \"Dimension\", \"BusinessDay\", \"Key\") DO UPDATE SET "
        + string.Join(", ", Figures.Select(c => $"\"{c}\" = \"SalesSummaries\".\"{c}\" + excluded.\"{c}\""));

    /// <summary>A row's values in the order of <see cref="InsertInto"/>'s columns.</summary>
    public static object[] Cells(SalesSummary row) =>
    [
        row.StoreId, row.BusinessDay, row.Dimension.ToString(), row.Key, row.Receipts, row.Returns, row.ItemsSold,
        row.ItemsReturned, row.Gross, row.Net, row.Vat, row.Discounts, row.Refunded, row.CashRounding, row.Cost, row.CostedNet, row.Tips,
    ];
}
