using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;

namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>What every report in the file repeats: the company, the register's id in the file and the codes for empty rows.</summary>
public sealed record SaftReportHeader(string CompanyIdent, string CompanyName, string RegisterId, string DefaultArticleGroup);

/// <summary>
/// An X or Z report (<see cref="RegisterReport"/>) as the SAF-T <c>eventReport</c>, element by element in schema
/// order (the mapping is listed on <see cref="RegisterReport"/>). The schema requires at least one row in
/// reportArtGroups, reportPayments, reportEmpPayments, reportCashSalesVat, reportCorrLines,
/// reportPriceInquiries and reportOtherCorrs, so an empty list is written as one row of zeros with a code the
/// file's basics define; the optional lists are left out when empty.
/// </summary>
public static class DanishSaftEventReport
{
    private const string Cash = "12001";

    /// <summary>"Other" (13999): the type of a row of zeros in a correction list that had nothing.</summary>
    public const string NoCorrection = "13999";

    public static void Write(SaftXml x, RegisterReport r, SaftReportHeader h, Func<Guid?, string> employee, Func<Guid?, string> articleGroup)
    {
        x.Start("eventReport");
        x.Text("reportID", x.Format.Id(r.Id));
        x.Text("reportType", r.Type == ReportType.Z ? "Z report" : "X report");
        x.Text("companyIdent", h.CompanyIdent);
        x.Text("companyName", h.CompanyName, 100);
        x.Date("reportDate", r.LocalTime);
        x.Time("reportTime", r.LocalTime);
        x.Text("registerID", h.RegisterId, 100);
        // The period's sales without the returns subtracted (those are reportReturnAmnt), so that the period's transactions
        // + |reportReturnAmnt| = reportTotalCashSales, and a Z's reportGrandTotalSales = the previous Z's + this figure. Read
        // from Sales, which every stored report has always held: a report's own TotalCashSales is sales − returns.
        x.Start("reportTotalCashSales");
        x.Amount("totalCashSaleAmnt", r.Sales.Amount);
        x.End();

        Rows(x, "reportArtGroups", "reportArtGroup", r.ArticleGroups.Select(g => new Row(articleGroup(g.CategoryId), g.Quantity, g.Amount)).ToList(),
            new Row(h.DefaultArticleGroup, 0m, 0m), row =>
            {
                x.Text("artGroupID", row.Type);
                x.Quantity("artGroupNum", row.Count);
                x.Amount("artGroupAmnt", row.Amount);
            });
        if (r.EmployeeArticleGroups.Count > 0)
        {
            x.Start("reportEmpArtGroups");
            foreach (var row in r.EmployeeArticleGroups)
            {
                x.Start("reportEmpArtGroup");
                x.Text("empID", employee(row.EmployeeId));
                x.Text("artGroupID", articleGroup(row.CategoryId));
                x.Quantity("artGroupNum", row.Quantity);
                x.Amount("artGroupAmnt", row.Amount);
                x.End();
            }
            x.End();
        }
        Rows(x, "reportPayments", "reportPayment", r.Payments.Select(p => new Row(p.PaymentType, p.Count, p.Amount)).ToList(), new Row(Cash, 0m, 0m), row =>
        {
            x.Text("paymentType", row.Type);
            x.Count("paymentNum", (long)row.Count);
            x.Amount("paymentAmnt", row.Amount);
        });
        Rows(x, "reportEmpPayments", "reportEmpPayment",
            r.EmployeePayments.Select(p => new EmployeeRow(employee(p.EmployeeId), p.PaymentType, p.Count, p.Amount)).ToList(),
            new EmployeeRow(DanishSignature.NoEmployee, Cash, 0, 0m), row =>
            {
                x.Text("empID", row.Employee);
                x.Text("paymentType", row.Type);
                x.Count("paymentNum", row.Count);
                x.Amount("paymentAmnt", row.Amount);
            });
        x.Start("reportTip");
        x.Count("tipNum", r.Tips.Count);
        x.Amount("tipAmnt", r.Tips.Amount);
        x.End();
        Rows(x, "reportCashSalesVat", "reportCashSaleVat", r.Vat.Select(v => new VatRow(v.Code, v.Percent, v.Net, v.Vat)).ToList(),
            new VatRow(null, 0m, 0m, 0m), row =>
            {
                x.OptionalText("vatCode", row.Code);
                x.Percent("vatPerc", row.Percent);
                // The rate's sales without VAT (the VAT base) beside the VAT on them, as a transaction's vat
                // element pairs vatBasAmnt and vatAmnt: base × rate is the VAT, and base + VAT adds up to the total.
                x.Amount("cashSaleAmnt", row.Net);
                x.Amount("vatAmnt", row.Vat);
                // Output VAT is a credit; a period whose returns outweigh its sales gives VAT back (a debit).
                x.Text("vatAmntTp", row.Vat < 0m ? "D" : "C");
            });
        x.Amount("reportOpeningChangeFloat", r.Cash.OpeningFloat);
        if (r.Cash.EmployeeFloats.Count > 0)
        {
            x.Start("reportEmpOpeningChangeFloats");
            foreach (var row in r.Cash.EmployeeFloats)
            {
                x.Start("reportEmpOpeningChangeFloat");
                x.Text("empID", employee(row.EmployeeId));
                x.Amount("openingChangeFloatAmnt", row.Amount);
                x.End();
            }
            x.End();
        }
        x.Count("reportReceiptNum", r.Receipts);
        x.Count("reportOpenCashBoxNum", r.DrawerOpens);
        x.Count("reportReceiptCopyNum", r.Copies.Count);
        x.Amount("reportReceiptCopyAmnt", r.Copies.Amount);
        x.Count("reportReceiptProformaNum", r.Provisional.Count);
        x.Amount("reportReceiptProformaAmnt", r.Provisional.Amount);
        x.Count("reportReturnNum", r.Returns.Count);
        x.Amount("reportReturnAmnt", r.Returns.Amount);
        x.Count("reportDiscountNum", r.Discounts.Count);
        x.Amount("reportDiscountAmnt", r.Discounts.Amount);
        x.Count("reportVoidTransNum", r.Voids.Count);
        x.Amount("reportVoidTransAmnt", r.Voids.Amount);
        Counted(x, "reportCorrLines", "reportCorrLine", ("corrLineType", "corrLineNum", "corrLineAmnt"),
            r.Corrections.Select(c => new Row(c.Type, c.Count, c.Amount)).ToList(), NoCorrection);
        Counted(x, "reportPriceInquiries", "reportPriceInquiry", ("priceInquiryGroup", "priceInquiryNum", "priceInquiryAmnt"),
            r.PriceInquiries.Count == 0 ? [] : [new Row(h.DefaultArticleGroup, r.PriceInquiries.Count, r.PriceInquiries.Amount)], h.DefaultArticleGroup);
        Counted(x, "reportOtherCorrs", "reportOtherCorr", ("otherCorrType", "otherCorrNum", "otherCorrAmnt"), OtherCorrections(r), NoCorrection);
        x.Count("reportReceiptDeliveryNum", r.Deliveries.Count);
        x.Amount("reportReceiptDeliveryAmnt", r.Deliveries.Amount);
        x.Count("reportTrainingNum", r.Training.Count);
        x.Amount("reportTrainingAmnt", r.Training.Amount);
        Optional(x, "reportPayIns", "reportPayIn", ("payInType", "payInNum", "payInAmnt"), r.Cash.PayIns, SaftCodes.InPayment);
        Optional(x, "reportPayOuts", "reportPayOut", ("payOutType", "payOutNum", "payOutAmnt"), r.Cash.Drops, SaftCodes.OutPayment);
        x.Amount("reportGrandTotalSales", r.GrandTotals.Sales);
        x.Amount("reportGrandTotalReturn", r.GrandTotals.Return);
        x.Amount("reportGrandTotalSalesNet", r.GrandTotals.SalesNet);
        x.End();
    }

    /// <summary>
    /// The report's own other corrections, and the cash counted over or short (11008 cash difference): the one
    /// correction to the drawer the schema has room for. Expected and counted cash stay in the report's JSON.
    /// </summary>
    private static List<Row> OtherCorrections(RegisterReport r)
    {
        var rows = r.OtherCorrections.Select(c => new Row(c.Type, c.Count, c.Amount)).ToList();
        if (r.Cash.OverShort is { } difference)
            rows.Add(new Row(SaftCodes.CashDifference, r.Cash.SessionsCounted, difference));
        return rows;
    }

    private static void Rows<T>(SaftXml x, string list, string item, List<T> rows, T zero, Action<T> write)
    {
        x.Start(list);
        foreach (var row in rows.Count > 0 ? rows : [zero])
        {
            x.Start(item);
            write(row);
            x.End();
        }
        x.End();
    }

    private static void Counted(SaftXml x, string list, string item, (string Type, string Num, string Amount) names,
        List<Row> rows, string emptyType) =>
        Rows(x, list, item, rows, new Row(emptyType, 0m, 0m), row =>
        {
            x.Text(names.Type, row.Type, 36);
            x.Count(names.Num, (long)row.Count);
            x.Amount(names.Amount, row.Amount);
        });

    private static void Optional(SaftXml x, string list, string item, (string Type, string Num, string Amount) names, CountAmount tally, string type)
    {
        if (tally.Count > 0)
            Counted(x, list, item, names, [new Row(type, tally.Count, tally.Amount)], type);
    }

    /// <summary>A code with a count (or quantity) and an amount.</summary>
    private sealed record Row(string Type, decimal Count, decimal Amount);

    private sealed record EmployeeRow(string Employee, string Type, int Count, decimal Amount);

    private sealed record VatRow(string? Code, decimal Percent, decimal Net, decimal Vat);
}
