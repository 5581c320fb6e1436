using System.Text.Json.Serialization;
using Kasse.Domain.Sales;

namespace Kasse.Domain.CashControl;

public enum ReportType
{
    /// <summary>A reading of the period so far; changes nothing (SAF-T "X report", event 13008).</summary>
    X,
    /// <summary>Closes the register's period; its grand totals carry into the next one (SAF-T "Z report", event 13009).</summary>
    Z,
}

/// <summary>
/// An X or Z report of one register, shaped after the Danish SAF-T Cash Register <c>eventReport</c>
/// (SAF-T.xsd v1.0.3) so the export can be written from it field by field. Amounts include VAT, have two
/// decimals, and are in <see cref="Currency"/>. Training receipts are counted only in <see cref="Training"/>;
/// voided sales only in <see cref="Voids"/>: neither is in any other figure.
/// </summary>
/// <remarks>
/// Mapping to <c>eventReport</c> (elements in schema order):
/// <list type="table">
/// <item><term>reportID</term><description><see cref="Id"/></description></item>
/// <item><term>reportType</term><description><see cref="Type"/>: "X report" / "Z report"</description></item>
/// <item><term>companyIdent, companyName</term><description><see cref="CompanyIdent"/>, <see cref="CompanyName"/></description></item>
/// <item><term>reportDate, reportTime</term><description><see cref="LocalTime"/> (store time)</description></item>
/// <item><term>registerID</term><description><see cref="RegisterId"/></description></item>
/// <item><term>reportTotalCashSales/totalCashSaleAmnt</term><description><see cref="Sales"/> amount — the period's sales, returns NOT subtracted (they are reportReturnAmnt); SAF-T "cash sale" 11001 is a sale at the till, whatever the tender. <see cref="TotalCashSales"/> (sales minus returns) is the printed report's "Omsætning i alt"</description></item>
/// <item><term>reportArtGroups</term><description><see cref="ArticleGroups"/> (artGroupNum = quantity, artGroupAmnt = amount)</description></item>
/// <item><term>reportEmpArtGroups</term><description><see cref="EmployeeArticleGroups"/></description></item>
/// <item><term>reportPayments, reportEmpPayments</term><description><see cref="Payments"/>, <see cref="EmployeePayments"/> (paymentType = 12xxx code)</description></item>
/// <item><term>reportTip</term><description><see cref="Tips"/></description></item>
/// <item><term>reportCashSalesVat</term><description><see cref="Vat"/> (cashSaleAmnt = <see cref="ReportVatLine.Net"/>, the VAT base; vatAmnt = <see cref="ReportVatLine.Vat"/>; vatAmntTp C, or D when returns outweigh sales)</description></item>
/// <item><term>reportOpeningChangeFloat, reportEmpOpeningChangeFloats</term><description><see cref="ReportCash.OpeningFloat"/>, <see cref="ReportCash.EmployeeFloats"/></description></item>
/// <item><term>reportReceiptNum</term><description><see cref="Receipts"/></description></item>
/// <item><term>reportOpenCashBoxNum</term><description><see cref="DrawerOpens"/></description></item>
/// <item><term>reportReceiptCopyNum/Amnt</term><description><see cref="Copies"/></description></item>
/// <item><term>reportReceiptProformaNum/Amnt</term><description><see cref="Provisional"/></description></item>
/// <item><term>reportReturnNum/Amnt</term><description><see cref="Returns"/> (amount positive)</description></item>
/// <item><term>reportDiscountNum/Amnt</term><description><see cref="Discounts"/> (discounted sale lines)</description></item>
/// <item><term>reportVoidTransNum/Amnt</term><description><see cref="Voids"/></description></item>
/// <item><term>reportCorrLines</term><description><see cref="Corrections"/> (none recorded yet: write one zero row)</description></item>
/// <item><term>reportPriceInquiries</term><description><see cref="PriceInquiries"/></description></item>
/// <item><term>reportOtherCorrs</term><description><see cref="OtherCorrections"/> (none yet: write one zero row) and the counted over/short as 11008 cash difference</description></item>
/// <item><term>reportReceiptDeliveryNum/Amnt</term><description><see cref="Deliveries"/></description></item>
/// <item><term>reportTrainingNum/Amnt</term><description><see cref="Training"/></description></item>
/// <item><term>reportPayIns, reportPayOuts</term><description><see cref="ReportCash.PayIns"/> (payInType 11011), <see cref="ReportCash.Drops"/> (payOutType 11010)</description></item>
/// <item><term>reportGrandTotalSales/Return/SalesNet</term><description><see cref="GrandTotals"/></description></item>
/// </list>
/// The schema requires at least one row in reportArtGroups, reportPayments, reportEmpPayments,
/// reportCashSalesVat, reportCorrLines, reportPriceInquiries and reportOtherCorrs; for an empty list write
/// one row of zeros. The extra figures (sales, cash rounding, expected and counted cash, turnover and gift cards sold)
/// are Kasse's own.
/// </remarks>
/// <param name="GiftCardsSold">
/// Gift cards sold or topped up (count of lines on sale receipts; amount net of cards taken back on returns). A
/// multi-purpose voucher is a debt, not turnover, when sold: it is counted in <see cref="Sales"/> (money taken at the
/// till) but not in <see cref="Turnover"/>. Null in reports made before Kasse recorded it.
/// </param>
/// <param name="Turnover">
/// "Omsætning": sales minus returns, incl. VAT, without gift cards sold — what the accounting books as revenue plus
/// output VAT. Goods paid with a gift card are turnover like any other. Null in reports made before Kasse recorded it;
/// read <see cref="TurnoverOrSalesNet"/>.
/// </param>
public sealed record RegisterReport(
    Guid Id,
    ReportType Type,
    // The Z report's number on its register (1, 2, 3 …); for an X report, the number the next Z will get.
    long Number,
    Guid StoreId,
    string CompanyIdent,
    string CompanyName,
    string StoreName,
    Guid RegisterId,
    string RegisterName,
    Guid? EmployeeId,
    DateTimeOffset At,
    // When the report was made, in the store's time zone (reportDate, reportTime).
    DateTimeOffset LocalTime,
    DateOnly BusinessDay,
    string Currency,
    ReportPeriod Period,
    CountAmount Sales,
    CountAmount Returns,
    decimal TotalCashSales,
    decimal CashRounding,
    int Receipts,
    IReadOnlyList<ReportVatLine> Vat,
    IReadOnlyList<ReportPaymentLine> Payments,
    IReadOnlyList<ReportEmployeePaymentLine> EmployeePayments,
    IReadOnlyList<ReportArticleGroupLine> ArticleGroups,
    IReadOnlyList<ReportEmployeeArticleGroupLine> EmployeeArticleGroups,
    CountAmount Discounts,
    CountAmount Voids,
    CountAmount Copies,
    CountAmount Provisional,
    CountAmount Deliveries,
    CountAmount Training,
    CountAmount PriceInquiries,
    IReadOnlyList<ReportCorrectionLine> Corrections,
    IReadOnlyList<ReportCorrectionLine> OtherCorrections,
    int DrawerOpens,
    CountAmount Tips,
    ReportCash Cash,
    GrandTotals GrandTotals,
    // Added after reports were first stored: trailing, nullable and left out when null, so a stored report reads back
    // and writes again exactly as it was made (its journal entry still matches).
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] CountAmount? GiftCardsSold = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Turnover = null)
{
    /// <summary>The turnover; for a report made before gift cards were kept out of it, sales minus returns as it then showed.</summary>
    [JsonIgnore]
    public decimal TurnoverOrSalesNet => Turnover ?? CashAmount.Round(Sales.Amount - Returns.Amount);
}

/// <summary>A number of things and their amount (reportXxxNum / reportXxxAmnt).</summary>
public sealed record CountAmount(int Count, decimal Amount)
{
    public static readonly CountAmount Zero = new(0, 0.00m);
}

/// <summary>
/// What the report covers: the register's journal entries after <see cref="AfterSequence"/> (the previous Z
/// report's entry, or 0) up to <see cref="ToSequence"/>.
/// </summary>
public sealed record ReportPeriod(long AfterSequence, long ToSequence, long? PreviousZNumber, DateTimeOffset? PreviousZAt,
    long? FirstReceiptNumber, long? LastReceiptNumber);

/// <summary>Sales minus returns of one VAT rate: the amount with VAT, the VAT in it, and the amount without.</summary>
public sealed record ReportVatLine(string Code, decimal Percent, decimal Gross, decimal Vat, decimal Net);

/// <summary>Payments of one method, refunds subtracted; <see cref="PaymentType"/> is the SAF-T 12xxx code.</summary>
public sealed record ReportPaymentLine(PaymentMethod Method, string PaymentType, int Count, decimal Amount);

public sealed record ReportEmployeePaymentLine(Guid? EmployeeId, PaymentMethod Method, string PaymentType, int Count, decimal Amount);

/// <summary>An article group (the catalogue's category; null for free-text lines and products without one).</summary>
public sealed record ReportArticleGroupLine(Guid? CategoryId, string Name, decimal Quantity, decimal Amount);

public sealed record ReportEmployeeArticleGroupLine(Guid? EmployeeId, Guid? CategoryId, string Name, decimal Quantity, decimal Amount);

public sealed record ReportCorrectionLine(string Type, int Count, decimal Amount);

/// <summary>
/// The drawer over the period's sessions. <see cref="ExpectedCash"/> = floats + cash taken + pay-ins − drops,
/// per session; <see cref="CountedCash"/> and <see cref="OverShort"/> sum the sessions counted (null when none
/// was). Cash taken while no session was open is shown on its own in <see cref="CashOutsideSessions"/>: it
/// was in no float and in no count.
/// </summary>
public sealed record ReportCash(
    int Sessions,
    int SessionsCounted,
    bool SessionOpen,
    decimal OpeningFloat,
    IReadOnlyList<ReportEmployeeFloat> EmployeeFloats,
    decimal CashTaken,
    CountAmount PayIns,
    CountAmount Drops,
    decimal ExpectedCash,
    decimal? CountedCash,
    decimal? OverShort,
    CountAmount CashOutsideSessions);

public sealed record ReportEmployeeFloat(Guid? EmployeeId, decimal Amount);

/// <summary>
/// The register's running totals since it was first used; they only grow. This Z's <see cref="Sales"/>
/// minus the period's sales is the previous Z's. Returns are a positive amount; net = sales − returns.
/// </summary>
public sealed record GrandTotals(decimal Sales, decimal Return, decimal SalesNet);
