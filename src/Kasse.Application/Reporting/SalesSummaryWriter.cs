using System.Runtime.CompilerServices;
using System.Text;
using Kasse.Data;
using Kasse.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Reporting;

/// <summary>
/// Adds a sale's figures to the day's summary rows (<see cref="SalesSummarySql"/>): in one statement, or, inside a batch
/// of the sale writer, with the batch's other shared rows once before its commit (summed per row).
/// </summary>
public static class SalesSummaryWriter
{
    public static async Task AddAsync(KasseDbContext db, IReadOnlyList<SalesSummary> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return;
        if (db.RowBatch is { } batch)
        {
            batch.AddSummaries(rows);
            return;
        }
        var sql = new StringBuilder(SalesSummarySql.InsertInto).Append(" VALUES ");
        var values = new List<object>(rows.Count * 16);
        foreach (var row in rows)
        {
            if (values.Count > 0)
                sql.Append(", ");
            sql.Append('(');
            var cells = SalesSummarySql.Cells(row);
            for (var i = 0; i < cells.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append('{').Append(values.Count).Append('}');
                values.Add(cells[i]);
            }
            sql.Append(')');
        }
        sql.Append(' ').Append(SalesSummarySql.OnConflict);
        await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(sql.ToString(), [.. values]), ct);
    }
}
