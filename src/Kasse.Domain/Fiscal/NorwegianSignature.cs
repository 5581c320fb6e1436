using System.Globalization;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;

namespace Kasse.Domain.Fiscal;

/// <summary>
/// The per-transaction signature of the Norwegian SAF-T Cash Register rules: RSA with SHA-1 (PKCS#1 v1.5)
/// over <c>prevSignature;transDate;transTime;nr;transAmntIn;transAmntEx</c> in UTF-8, chained per register
/// (<c>prevSignature</c> is "0" for a register's first transaction). Dates <c>yyyy-MM-dd</c>, times
/// <c>HH:mm:ss</c> in the store's time, amounts with a point and two decimals (a return's are negative).
/// </summary>
public static class NorwegianSignature
{
    public const string FirstPrevious = "0";

    public static string Message(string previousSignature, Sale sale, DateTimeOffset localTime)
    {
        if (sale.TransactionNumber is not { } number || sale.Status != SaleStatus.Completed)
            throw new InvalidOperationException("Only a completed sale with its transaction number is signed.");
        return Message(previousSignature, number, SignedTransaction.Of(sale), localTime);
    }

    public static string Message(string previousSignature, CashMovement movement, DateTimeOffset localTime) =>
        Message(previousSignature, movement.TransactionNumber ?? throw new InvalidOperationException("A cash movement is signed with its transaction number."),
            SignedTransaction.Of(movement), localTime);

    public static string Message(string previousSignature, long number, SignedTransaction t, DateTimeOffset localTime) =>
        string.Join(';',
            previousSignature,
            localTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            localTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
            number.ToString(CultureInfo.InvariantCulture),
            DanishSignature.Amount(t.AmountIn),
            DanishSignature.Amount(t.AmountEx));

    /// <summary>Stores in Norway sign by the Norwegian rules as well.</summary>
    public static bool AppliesTo(Stores.Store store) => store.CountryCode == "NO";
}
