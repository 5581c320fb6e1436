using System.Globalization;
using Kasse.Application.Csv;
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
    public static string Plain(IEnumerable<DayVoucher> vouchers) =>
        CsvFile.Write(',', ["date", "voucher", "account", "account_name", "role", "qualifier", "text", "debit", "credit", "currency"],
            vouchers.SelectMany(voucher => voucher.Lines.Select(line => new CsvCell[]
            {
                CsvCell.Value(voucher.BusinessDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), CsvCell.Value(voucher.VoucherNumber),
                line.Account, line.AccountName, CsvCell.Value(line.Role.ToString()), line.Qualifier, line.Text,
                CsvCell.Number(line.Debit, "0.00", CultureInfo.InvariantCulture), CsvCell.Number(line.Credit, "0.00", CultureInfo.InvariantCulture),
                CsvCell.Value(voucher.Currency),
            })));

    /// <summary>
    /// The Danish kassekladde (journal) import layout: semicolon-separated, UTF-8, a header row, dates dd-MM-yyyy,
    /// amounts with a decimal comma and no thousands separator, one signed amount per line (debit positive, credit
    /// negative), the bilag number shared by the lines of a day, no contra account (each bilag sums to 0,00) and no
    /// VAT code: the output VAT is its own line, so the importing system must not compute VAT again.
    /// </summary>
    public static string Kassekladde(IEnumerable<DayVoucher> vouchers) =>
        CsvFile.Write(';', ["Dato", "Bilag", "Konto", "Tekst", "Beløb", "Modkonto", "Momskode"],
            vouchers.SelectMany(voucher => voucher.Lines.Select(line => new CsvCell[]
            {
                CsvCell.Value(voucher.BusinessDay.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)), CsvCell.Value(voucher.VoucherNumber),
                line.Account, TextOf(voucher, line), CsvCell.Number(line.Amount, "0.00", Danish), CsvCell.Value(""), CsvCell.Value(""),
            })));

    private static string TextOf(DayVoucher voucher, VoucherLine line) =>
        $"Kasse {voucher.BusinessDay.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture)}: {line.Text}";
}
