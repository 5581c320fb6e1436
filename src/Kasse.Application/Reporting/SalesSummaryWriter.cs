using System.Runtime.CompilerServices;
using System.Text;
using Kasse.Data;
using Kasse.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Reporting;

/// <summary>
/// Adds a sale's figures to the day's summary rows in one statement. <c>INSERT … ON CONFLICT DO UPDATE</c> (same text
/// on SQLite and PostgreSQL) adds to the row atomically, so two tills completing at once never lose each other's sale.
/// </summary>
public static class SalesSummaryWriter
{
    private static readonly string[] Figures =
        ["Receipts", "Returns", "ItemsSold", "ItemsReturned", "Gross", "Net", "Vat", "Discounts", "Refunded", "CashRounding", "Cost", "CostedNet"];

    private static readonly string Columns = string.Join(", ", new[] { "StoreId", "BusinessDay", "Dimension", "Key" }.Concat(Figures).Select(c => $"\"{c}\""));

    private static readonly string OnConflict = "ON CONFLICT (\"StoreId\", \"Dimension\", \"BusinessDay\", \"Key\") DO UPDATE SET "
        + string.Join(", ", Figures.Select(c => $"\"{c}\" = \"SalesSummaries\".\"{c}\" + excluded.\"{c}\""));

    public static async Task AddAsync(KasseDbContext db, IReadOnlyList<SalesSummary> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        var sql = new StringBuilder($"INSERT INTO \"SalesSummaries\" ({Columns}) VALUES ");
        var values = new List<object>(rows.Count * (Figures.Length + 4));
        foreach (var row in rows)
        {
            if (values.Count > 0)
                sql.Append(", ");
            sql.Append('(');
            object[] cells = [row.StoreId, row.BusinessDay, row.Dimension.ToString(), row.Key, row.Receipts, row.Returns, row.ItemsSold,
                row.ItemsReturned, row.Gross, row.Net, row.Vat, row.Discounts, row.Refunded, row.CashRounding, row.Cost, row.CostedNet];
            for (var i = 0; i < cells.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append('{').Append(values.Count).Append('}');
                values.Add(cells[i]);
            }
            sql.Append(')');
        }
        sql.Append(' ').Append(OnConflict);
        await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql.ToString(), [.. values]), ct);
    }
}
