using System.Globalization;
using Kasse.Application.Printing;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;

namespace Kasse.Application.Sales;

/// <summary>Lays a receipt out as a Danish kassebon in a fixed number of columns (42 fits 80 mm paper).</summary>
public static class ReceiptText
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Render(ReceiptView r, int width = 42)
    {
        var page = new PaperColumns(width);

        var marks = Marks(r);
        foreach (var mark in marks)
            page.Centre(mark);
        page.Centre(r.StoreName);
        page.Centre(r.StoreAddress);
        page.Centre("CVR " + r.CompanyId);
        foreach (var line in Lines(r.Header))
            page.Centre(line);
        page.Rule();
        if (r.Kind == SaleKind.Return)
            page.Centre("RETUR / KREDITNOTA");
        page.Pair(r.Copy == ReceiptCopyKind.Provisional ? "Foreløbig" : "Bon nr. " + r.ReceiptNumber.ToString(CultureInfo.InvariantCulture),
            r.LocalTime.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture));
        page.Pair(r.RegisterName, r.CashierName is null ? "" : "Ekspedient: " + r.CashierName);
        if (r.OriginalReceiptNumber is { } original)
            page.Line("Retur af bon nr. " + original.ToString(CultureInfo.InvariantCulture));
        if (r.ReturnedWithoutReceipt)
            page.Line("Retur uden kvittering");
        if (r.ReturnReason is not null)
            page.Line("Årsag: " + r.ReturnReason);
        if (r.OrderType is { } orderType)
            page.Line(OrderTypeName(orderType));
        if (r.OrderNumber is { } orderNumber)
            page.Centre("ORDRE NR. " + orderNumber.ToString(CultureInfo.InvariantCulture));
        page.Rule();

        foreach (var l in r.Lines)
        {
            var isOne = l.Quantity == 1m && l.Unit == Unit.Piece;
            if (isOne)
                page.Pair(l.Name, Amount(l.GrossAmount));
            else
            {
                page.Line(l.Name);
                var quantity = l.Unit == Unit.Piece
                    ? l.Quantity.ToString("0", Danish) + " stk"
                    : l.Quantity.ToString("0.000", Danish) + " " + l.Unit.Symbol();
                var per = l.Unit == Unit.Piece ? "" : "/" + l.Unit.Symbol();
                page.Pair("  " + quantity + " x " + Amount(l.UnitPrice) + per, Amount(l.GrossAmount));
            }
            // A menu item's choices under it, with what each added to the unit price; the note to the kitchen after them.
            foreach (var m in l.Modifiers)
                if (m.PriceDelta == 0m)
                    page.Line("  " + m.Name);
                else
                    page.Pair("  " + m.Name, (m.PriceDelta > 0m ? "+" : "") + Amount(m.PriceDelta));
            if (l.Note is not null)
                page.Line("  Note: " + l.Note);
            if (l.Discount is { } d)
                page.Pair("  Rabat" + (d.Reason is null ? "" : ": " + d.Reason), Amount(-d.Amount));
            if (l.SaleDiscountAmount != 0m && r.Kind == SaleKind.Return)
                page.Pair("  Rabat", Amount(-l.SaleDiscountAmount));
        }
        // Each promotion is its own line, as the customer saw it at the till (docs/promotions.md).
        foreach (var promotion in r.Promotions ?? [])
            page.Pair((r.Kind == SaleKind.Return ? "Tilbud retur: " : "Tilbud: ") + promotion.Name, Amount(-promotion.Amount));
        var saleDiscount = r.Lines.Sum(l => l.SaleDiscountAmount);
        if (saleDiscount != 0m && r.Kind == SaleKind.Sale)
            page.Pair("Rabat på hele købet", Amount(-saleDiscount));
        page.Rule();
        page.Pair("I ALT " + r.Currency, Amount(r.TotalAmount));
        if (r.CashRounding != 0m)
            page.Pair("Øreafrunding", Amount(r.CashRounding));
        // A tip is shown apart: not part of the total, no VAT (it is owed to the staff).
        if (r.Tips != 0m)
        {
            page.Pair("Drikkepenge", Amount(r.Tips));
            page.Pair("BETALT I ALT", Amount(r.TotalAmount + r.CashRounding + r.Tips));
        }
        foreach (var p in r.Payments)
        {
            page.Pair(MethodName(p.Method) + (p.Reference is null ? "" : " " + p.Reference), Amount(p.Tendered ?? p.Amount + p.Tip));
            if (p.Change != 0m)
                page.Pair("Byttepenge", Amount(p.Change));
        }
        page.Rule();
        foreach (var v in r.Vat)
            page.Pair($"Heraf moms {v.Percent.ToString("0.##", Danish)} % af {Amount(v.Gross)}", Amount(v.Vat));
        page.Rule();
        page.Centre(r.Kind == SaleKind.Return ? "Beløbet er tilbagebetalt" : "Tak for handlen!");
        foreach (var line in Lines(r.Footer))
            page.Centre(line);
        foreach (var mark in marks)
            page.Centre(mark);
        return page.ToString();
    }

    private static string[] Lines(string? text) => text is null ? [] : text.Split('\n');

    private static List<string> Marks(ReceiptView r)
    {
        var marks = new List<string>();
        if (r.IsTraining)
            marks.Add("*** ØVELSE - IKKE GYLDIG ***");
        if (r.Copy == ReceiptCopyKind.Copy)
            marks.Add("*** KOPI ***");
        if (r.Copy == ReceiptCopyKind.Provisional)
            marks.Add("*** FORELØBIG - IKKE EN KVITTERING ***");
        if (r.Copy == ReceiptCopyKind.Delivery)
            marks.Add("*** FØLGESEDDEL - IKKE EN KVITTERING ***");
        return marks;
    }

    public static string Amount(decimal amount) => amount.ToString("#,##0.00", Danish);

    /// <summary>The order type as printed on receipts and kitchen tickets (Danish).</summary>
    public static string OrderTypeName(OrderType type) => type switch
    {
        OrderType.EatIn => "Spises her",
        OrderType.Takeaway => "Ud af huset",
        OrderType.Delivery => "Levering",
    };

    public static string MethodName(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "Kontant",
        PaymentMethod.Card => "Betalingskort",
        PaymentMethod.MobilePay => "MobilePay",
        PaymentMethod.GiftCard => "Gavekort",
        PaymentMethod.LoyaltyPoints => "Bonuspoint",
    };
}
