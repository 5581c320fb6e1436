using System.Globalization;
using Kasse.Domain.CashControl;
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
        return Message(previousSignature, number, SignedTransaction.Of(sale), localTime, companyId);
    }

    /// <summary>
    /// A drop or pay-in is signed like a receipt: transType 11010/11011, the amount with the sign the money
    /// moves (a drop is negative), no VAT, so transAmntEx = transAmntIn.
    /// </summary>
    public static string Message(string previousSignature, long number, CashMovement movement, DateTimeOffset localTime, string companyId) =>
        Message(previousSignature, number, SignedTransaction.Of(movement), localTime, companyId);

    public static string Message(string previousSignature, long number, SignedTransaction t, DateTimeOffset localTime, string companyId) =>
        string.Join(';',
            previousSignature,
            number.ToString(CultureInfo.InvariantCulture),
            t.Id.ToString("D"),
            t.Type,
            localTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            localTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            t.EmployeeId?.ToString("D") ?? NoEmployee,
            Amount(t.AmountIn),
            Amount(t.AmountEx),
            t.RegisterId.ToString("D"),
            companyId);

    public static string TransactionId(Sale sale) => sale.Id.ToString("D");

    public static string TransactionType(Sale sale) => sale.Kind == SaleKind.Return ? SaftCodes.ReturnPayment : SaftCodes.CashSale;

    /// <summary>Amounts with a point and two decimals; a return's amounts are negative.</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}

/// <summary>The fields of a transaction the Danish and Norwegian signatures cover: a receipt's, or a drop's or pay-in's.</summary>
public sealed record SignedTransaction(Guid Id, string Type, Guid? EmployeeId, decimal AmountIn, decimal AmountEx, Guid RegisterId)
{
    public static SignedTransaction Of(Sale sale) => new(sale.Id, DanishSignature.TransactionType(sale), sale.CashierId,
        sale.TotalAmount, sale.TotalAmount - sale.VatBreakdown.Sum(v => v.Vat), sale.RegisterId);

    public static SignedTransaction Of(CashMovement movement) => new(movement.Id, movement.TransactionType, movement.EmployeeId,
        movement.SignedAmount, movement.SignedAmount, movement.RegisterId);
}
