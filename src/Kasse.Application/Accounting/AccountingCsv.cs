using System.Globalization;
using System.Text;
using Kasse.Domain.Accounting;

namespace Kasse.Application.Accounting;

/// <summary>
/// The day vouchers as files an accountant opens or imports. Both layouts are described column by column in
/// docs/accounting.md.
/// </summary>
public static class AccountingCsv
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>
    /// Plain CSV (RFC 4180): comma-separated, a header row, dates ISO 8601, amounts with a point and two decimals,
    /// debit and credit in their own columns. For spreadsheets and scripts.
    /// </summary>
    public static string Plain(IEnumerable<DayVoucher> vouchers)
    {
        var csv = new StringBuilder("date,voucher,account,account_name,role,qualifier,text,debit,credit,currency\r\n");
        foreach (var voucher in vouchers)
            foreach (var line in voucher.Lines)
                csv.Append(string.Join(',',
                    voucher.BusinessDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), voucher.VoucherNumber, Quote(line.Account, ','),
                    Quote(line.AccountName, ','), line.Role.ToString(), Quote(line.Qualifier ?? "", ','), Quote(line.Text, ','),
                    line.Debit.ToString("0.00", CultureInfo.InvariantCulture), line.Credit.ToString("0.00", CultureInfo.InvariantCulture),
                    voucher.Currency)).Append("\r\n");
        return csv.ToString();
    }

    /// <summary>
    /// The Danish kassekladde (journal) import layout: semicolon-separated, UTF-8, a header row, dates dd-MM-yyyy,
    /// amounts with a decimal comma and no thousands separator, one signed amount per line (debit positive, credit
    /// negative), the bilag number shared by the lines of a day, no contra account (each bilag sums to 0,00) and no
    /// VAT code: the output VAT is its own line, so the importing system must not compute VAT again.
    /// </summary>
    public static string Kassekladde(IEnumerable<DayVoucher> vouchers)
    {
        var csv = new StringBuilder("Dato;Bilag;Konto;Tekst;Beløb;Modkonto;Momskode\r\n");
        foreach (var voucher in vouchers)
            foreach (var line in voucher.Lines)
                csv.Append(string.Join(';',
                    voucher.BusinessDay.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), voucher.VoucherNumber, Quote(line.Account, ';'),
                    Quote(TextOf(voucher, line), ';'), line.Amount.ToString("0.00", Danish), "", "")).Append("\r\n");
        return csv.ToString();
    }

    private static string TextOf(DayVoucher voucher, VoucherLine line) =>
        $"Kasse {voucher.BusinessDay.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}: {line.Text}";

    private static string Quote(string value, char separator) =>
        value.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
