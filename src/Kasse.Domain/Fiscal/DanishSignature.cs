using System.Globalization;
using Kasse.Domain.Sales;

namespace Kasse.Domain.Fiscal;

/// <summary>
/// The per-transaction signature of the Danish SAF-T Cash Register rules: RSA with SHA-512 (PKCS#1 v1.5)
/// over <c>prevSignature;nr;transID;transType;transDate;transTime;empID;transAmntIn;transAmntEx;registerID;companyIdent</c>
/// in UTF-8, chained per register (<c>prevSignature</c> is "0" for a register's first transaction) with
/// <c>nr</c> running per company (CVR).
/// </summary>
public static class DanishSignature
{
    public const string FirstPrevious = "0";

    /// <summary>The SAF-T employee id when a sale was rung up without a signed-in cashier.</summary>
    public const string NoEmployee = "0";

    public static string Message(string previousSignature, long number, Sale sale, DateTimeOffset localTime, string companyId)
    {
        if (sale.ReceiptNumber is null || sale.Status != SaleStatus.Completed)
            throw new InvalidOperationException("Only a completed sale is signed.");
        var vat = sale.VatBreakdown.Sum(v => v.Vat);
        return string.Join(';',
            previousSignature,
            number.ToString(CultureInfo.InvariantCulture),
            TransactionId(sale),
            TransactionType(sale),
            localTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            localTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            sale.CashierId?.ToString("D") ?? NoEmployee,
            Amount(sale.TotalAmount),
            Amount(sale.TotalAmount - vat),
            sale.RegisterId.ToString("D"),
            companyId);
    }

    public static string TransactionId(Sale sale) => sale.Id.ToString("D");

    public static string TransactionType(Sale sale) => sale.Kind == SaleKind.Return ? SaftCodes.ReturnPayment : SaftCodes.CashSale;

    /// <summary>Amounts with a point and two decimals; a return's amounts are negative.</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
