using System.Globalization;
using System.Text;
using Kasse.Application.Printing;
using Kasse.Application.Sales;
using Kasse.Domain.CashControl;

namespace Kasse.Application.CashControl;

/// <summary>Lays an X or Z report out for the receipt printer, in the same fixed columns as the kassebon.</summary>
public static class ReportText
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Render(RegisterReport r, int width = 42)
    {
        var page = new PaperColumns(width);
        var title = r.Type == ReportType.Z ? "Z-RAPPORT" : "X-RAPPORT";
        page.Centre($"*** {title} ***");
        page.Centre(r.StoreName);
        page.Centre("CVR " + r.CompanyIdent);
        page.Rule();
        page.Pair(r.Type == ReportType.Z ? "Z-rapport nr. " + Number(r.Number) : "Aflæsning før Z nr. " + Number(r.Number),
            r.LocalTime.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture));
        page.Line(r.RegisterName);
        page.Line(r.Period.PreviousZNumber is { } previous ? "Periode efter Z-rapport nr. " + Number(previous) : "Periode: fra kassens start");
        if (r.Period.FirstReceiptNumber is { } first)
            page.Line($"Bon nr. {Number(first)} - {Number(r.Period.LastReceiptNumber ?? first)}");
        page.Rule();

        page.Pair($"Salg ({Number(r.Sales.Count)})", Amount(r.Sales.Amount));
        page.Pair($"Returer ({Number(r.Returns.Count)})", Amount(-r.Returns.Amount));
        // Gift cards sold are money taken but not turnover (a debt until redeemed): shown apart, and left out of the total.
        if (r.GiftCardsSold is { } cards)
            page.Pair($"Heraf gavekort solgt ({Number(cards.Count)})", Amount(-cards.Amount));
        page.Pair("Omsætning i alt " + r.Currency, Amount(r.TurnoverOrSalesNet));
        page.Pair("Øreafrunding", Amount(r.CashRounding));
        page.Pair("Antal bonner", Number(r.Receipts));
        page.Rule();

        page.Line("MOMS");
        foreach (var v in r.Vat)
            page.Pair($"Moms {v.Percent.ToString("0.##", Danish)} % af {Amount(v.Gross)}", Amount(v.Vat));
        page.Rule();
        page.Line("BETALINGER");
        foreach (var p in r.Payments)
            page.Pair($"{ReceiptText.MethodName(p.Method)} ({Number(p.Count)})", Amount(p.Amount));
        page.Rule();
        page.Line("VAREGRUPPER");
        foreach (var g in r.ArticleGroups)
            page.Pair($"{g.Name} ({g.Quantity.ToString("0.###", Danish)})", Amount(g.Amount));
        page.Rule();

        page.Pair($"Rabatter ({Number(r.Discounts.Count)})", Amount(-r.Discounts.Amount));
        page.Pair($"Annullerede salg ({Number(r.Voids.Count)})", Amount(r.Voids.Amount));
        page.Pair($"Kopibonner ({Number(r.Copies.Count)})", Amount(r.Copies.Amount));
        page.Pair($"Foreløbige bonner ({Number(r.Provisional.Count)})", Amount(r.Provisional.Amount));
        page.Pair($"Følgesedler ({Number(r.Deliveries.Count)})", Amount(r.Deliveries.Amount));
        page.Pair($"Øvelsesbonner ({Number(r.Training.Count)})", Amount(r.Training.Amount));
        page.Pair($"Prisforespørgsler ({Number(r.PriceInquiries.Count)})", Amount(r.PriceInquiries.Amount));
        page.Pair("Skuffeåbninger uden salg", Number(r.DrawerOpens));
        page.Pair($"Drikkepenge ({Number(r.Tips.Count)})", Amount(r.Tips.Amount));
        page.Rule();

        var cash = r.Cash;
        page.Line("KONTANTER");
        page.Pair($"Byttepenge ved start ({Number(cash.Sessions)})", Amount(cash.OpeningFloat));
        page.Pair("Kontant fra salg og returer", Amount(cash.CashTaken));
        page.Pair($"Indbetalt ({Number(cash.PayIns.Count)})", Amount(cash.PayIns.Amount));
        page.Pair($"Udtaget til boks ({Number(cash.Drops.Count)})", Amount(-cash.Drops.Amount));
        page.Pair("Forventet kontant", Amount(cash.ExpectedCash));
        page.Pair("Optalt kontant", cash.CountedCash is { } counted ? Amount(counted) : "ikke optalt");
        if (cash.OverShort is { } difference)
            page.Pair(difference >= 0m ? "Kassedifference (over)" : "Kassedifference (under)", Amount(difference));
        if (cash.SessionOpen)
            page.Line("Kassen er åben - ikke optalt endnu");
        if (cash.CashOutsideSessions.Count > 0)
            page.Pair($"Kontant uden åben kasse ({Number(cash.CashOutsideSessions.Count)})", Amount(cash.CashOutsideSessions.Amount));
        page.Rule();

        page.Line("GRAND TOTAL");
        page.Pair("Salg", Amount(r.GrandTotals.Sales));
        page.Pair("Returer", Amount(r.GrandTotals.Return));
        page.Pair("Netto", Amount(r.GrandTotals.SalesNet));
        page.Rule();
        page.Centre(r.Type == ReportType.Z ? "Perioden er afsluttet" : "Aflæsning - perioden er ikke afsluttet");
        return page.ToString();
    }

    private static string Amount(decimal amount) => ReceiptText.Amount(amount);

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
