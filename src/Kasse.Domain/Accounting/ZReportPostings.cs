using System.Globalization;
using Kasse.Domain.CashControl;
using Kasse.Domain.Sales;

namespace Kasse.Domain.Accounting;

/// <summary>
/// The bookkeeping a Z report stands for. Its figures already add up: payments = sales with VAT + cash
/// rounding + tips (every receipt was fully paid), so the postings balance by construction; a report that
/// doesn't is refused rather than booked with a hidden difference.
/// </summary>
public static class ZReportPostings
{
    public static IReadOnlyList<Posting> Of(RegisterReport z)
    {
        if (z.Type != ReportType.Z)
            throw DomainException.Invalid(AccountingErrors.NotZ, $"Report {z.Id} is an X report; only Z reports close a period and are booked.");
        var postings = new List<Posting>();
        foreach (var vat in z.Vat)
        {
            var percent = vat.Percent.ToString("0.##", CultureInfo.InvariantCulture);
            postings.Add(new Posting(AccountRole.Revenue, vat.Code, -vat.Net, $"Salg {percent} % moms ({vat.Code})"));
            postings.Add(new Posting(AccountRole.OutputVat, vat.Code, -vat.Vat, $"Udgående moms {percent} % ({vat.Code})"));
        }
        foreach (var payment in z.Payments)
            postings.Add(new Posting(RoleOf(payment.Method), null, payment.Amount, TextOf(payment.Method)));
        // A receipt settled below its total in cash (negative rounding) costs the shop the difference.
        postings.Add(new Posting(AccountRole.CashRounding, null, -z.CashRounding, "Øreafrunding"));
        postings.Add(new Posting(AccountRole.TipsPayable, null, -z.Tips.Amount, "Drikkepenge"));
        if (z.Cash.OverShort is { } overShort)
        {
            postings.Add(new Posting(AccountRole.Cash, null, overShort, "Kassedifference"));
            postings.Add(new Posting(AccountRole.CashOverShort, null, -overShort, "Kassedifference"));
        }
        var balance = postings.Sum(p => p.Amount);
        if (balance != 0m)
            throw DomainException.Conflict(AccountingErrors.ZUnbalanced,
                $"Z report {z.Number} of register '{z.RegisterName}' doesn't add up (payments differ from sales + rounding + tips by {balance.ToString("0.00", CultureInfo.InvariantCulture)}); it was not booked.");
        return postings;
    }

    public static AccountRole RoleOf(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => AccountRole.Cash,
        PaymentMethod.Card => AccountRole.PaymentCards,
        PaymentMethod.MobilePay => AccountRole.MobilePay,
        PaymentMethod.GiftCard => AccountRole.GiftCardLiability,
        PaymentMethod.LoyaltyPoints => AccountRole.LoyaltyRedemption,
    };

    private static string TextOf(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "Kontant",
        PaymentMethod.Card => "Betalingskort",
        PaymentMethod.MobilePay => "MobilePay",
        PaymentMethod.GiftCard => "Gavekort indløst",
        PaymentMethod.LoyaltyPoints => "Bonuspoint indløst",
    };
}
