namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>What every report in the file repeats: the company, the store's clock and the codes for empty rows.</summary>
public sealed record SaftReportHeader(string CompanyIdent, string CompanyName, Func<DateTimeOffset, DateTimeOffset> LocalTime,
    string RegisterId, string DefaultArticleGroup, string DefaultVatCode, decimal DefaultVatPercent);

/// <summary>
/// An X or Z report as the SAF-T <c>eventReport</c>. The schema requires at least one row in each list, so an
/// empty list is written as a single row of zeros (with a code the file's basics define).
/// </summary>
public static class DanishSaftEventReport
{
    private const string Cash = "12001";
    private const string NoCorrection = "13999";

    public static void Write(SaftXml x, SaftEventReport r, SaftReportHeader h)
    {
        var local = h.LocalTime(r.At);
        x.Start("eventReport");
        x.Text("reportID", r.ReportId, 36);
        x.Text("reportType", r.Type switch { SaftReportType.X => "X report", SaftReportType.Z => "Z report" });
        x.Text("companyIdent", h.CompanyIdent);
        x.Text("companyName", h.CompanyName, 100);
        x.Date("reportDate", local);
        x.Time("reportTime", local);
        x.Text("registerID", h.RegisterId, 100);
        x.Start("reportTotalCashSales");
        x.Amount("totalCashSaleAmnt", r.TotalCashSales);
        x.End();
        Rows(x, "reportArtGroups", "reportArtGroup", r.ArticleGroups, new(h.DefaultArticleGroup, 0m, 0m), (row) =>
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
                x.Text("empID", row.EmployeeId);
                x.Text("artGroupID", row.Type);
                x.Quantity("artGroupNum", row.Count);
                x.Amount("artGroupAmnt", row.Amount);
                x.End();
            }
            x.End();
        }
        Rows(x, "reportPayments", "reportPayment", r.Payments, new(Cash, 0m, 0m), row =>
        {
            x.Text("paymentType", row.Type);
            x.Count("paymentNum", (long)row.Count);
            x.Amount("paymentAmnt", row.Amount);
        });
        Rows(x, "reportEmpPayments", "reportEmpPayment", r.EmployeePayments,
            new(Kasse.Domain.Fiscal.DanishSignature.NoEmployee, Cash, 0m, 0m), row =>
            {
                x.Text("empID", row.EmployeeId);
                x.Text("paymentType", row.Type);
                x.Count("paymentNum", (long)row.Count);
                x.Amount("paymentAmnt", row.Amount);
            });
        if (r.Tips is { } tips)
        {
            x.Start("reportTip");
            x.Count("tipNum", (long)tips.Count);
            x.Amount("tipAmnt", tips.Amount);
            x.End();
        }
        Rows(x, "reportCashSalesVat", "reportCashSaleVat", r.CashSalesVat, new(h.DefaultVatCode, h.DefaultVatPercent, 0m, 0m), row =>
        {
            x.OptionalText("vatCode", row.VatCode);
            x.Percent("vatPerc", row.VatPercent);
            x.Amount("cashSaleAmnt", row.SalesAmount);
            x.Amount("vatAmnt", row.VatAmount);
        });
        x.Amount("reportOpeningChangeFloat", r.OpeningChangeFloat);
        x.Count("reportReceiptNum", r.ReceiptCount);
        x.Count("reportOpenCashBoxNum", r.DrawerOpenCount);
        x.Count("reportReceiptCopyNum", r.CopyCount);
        x.Amount("reportReceiptCopyAmnt", r.CopyAmount);
        x.Count("reportReceiptProformaNum", r.ProvisionalCount);
        x.Amount("reportReceiptProformaAmnt", r.ProvisionalAmount);
        x.Count("reportReturnNum", r.ReturnCount);
        x.Amount("reportReturnAmnt", r.ReturnAmount);
        x.Count("reportDiscountNum", r.DiscountCount);
        x.Amount("reportDiscountAmnt", r.DiscountAmount);
        x.Count("reportVoidTransNum", r.VoidCount);
        x.Amount("reportVoidTransAmnt", r.VoidAmount);
        Counted(x, "reportCorrLines", "reportCorrLine", ("corrLineType", "corrLineNum", "corrLineAmnt"), r.Corrections, NoCorrection);
        Counted(x, "reportPriceInquiries", "reportPriceInquiry", ("priceInquiryGroup", "priceInquiryNum", "priceInquiryAmnt"),
            r.PriceInquiries, h.DefaultArticleGroup);
        Counted(x, "reportOtherCorrs", "reportOtherCorr", ("otherCorrType", "otherCorrNum", "otherCorrAmnt"), r.OtherCorrections, NoCorrection);
        x.Count("reportReceiptDeliveryNum", r.DeliveryCount);
        x.Amount("reportReceiptDeliveryAmnt", r.DeliveryAmount);
        x.Count("reportTrainingNum", r.TrainingCount);
        x.Amount("reportTrainingAmnt", r.TrainingAmount);
        Optional(x, "reportPayIns", "reportPayIn", ("payInType", "payInNum", "payInAmnt"), r.PayIns);
        Optional(x, "reportPayOuts", "reportPayOut", ("payOutType", "payOutNum", "payOutAmnt"), r.PayOuts);
        x.Amount("reportGrandTotalSales", r.GrandTotalSales);
        x.Amount("reportGrandTotalReturn", r.GrandTotalReturn);
        x.Amount("reportGrandTotalSalesNet", r.GrandTotalSalesNet);
        x.End();
    }

    private static void Rows<T>(SaftXml x, string list, string item, IReadOnlyList<T> rows, T zero, Action<T> write)
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
        IReadOnlyList<SaftCountedAmount> rows, string emptyType) =>
        Rows(x, list, item, rows, new SaftCountedAmount(emptyType, 0m, 0m), row =>
        {
            x.Text(names.Type, row.Type, 36);
            x.Count(names.Num, (long)row.Count);
            x.Amount(names.Amount, row.Amount);
        });

    private static void Optional(SaftXml x, string list, string item, (string Type, string Num, string Amount) names,
        IReadOnlyList<SaftCountedAmount> rows)
    {
        if (rows.Count > 0)
            Counted(x, list, item, names, rows, NoCorrection);
    }
}
