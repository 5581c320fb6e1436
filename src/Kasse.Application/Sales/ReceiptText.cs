using System.Globalization;
using System.Text;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;

namespace Kasse.Application.Sales;

/// <summary>Lays a receipt out as a Danish kassebon in a fixed number of columns (42 fits 80 mm paper).</summary>
public static class ReceiptText
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Render(ReceiptView r, int width = 42)
    {
        var text = new StringBuilder();
        void Line(string s = "")
        {
            // Paper does not scroll sideways: long text wraps at the paper's width.
            for (; s.Length > width; s = s[width..])
                text.Append(s.AsSpan(0, width)).Append('\n');
            text.Append(s).Append('\n');
        }
        void Centre(string s) => Line(s.Length >= width ? s : new string(' ', (width - s.Length) / 2) + s);
        void Pair(string left, string right)
        {
            if (right.Length >= width)
                right = right[..(width - 1)];
            var room = width - right.Length - 1;
            if (left.Length > room)
            {
                Line(left);
                left = "";
            }
            Line(left.PadRight(room) + " " + right);
        }
        var rule = new string('-', width);

        var marks = Marks(r);
        foreach (var mark in marks)
            Centre(mark);
        Centre(r.StoreName);
        Centre(r.StoreAddress);
        Centre("CVR " + r.CompanyId);
        Line(rule);
        if (r.Kind == SaleKind.Return)
            Centre("RETUR / KREDITNOTA");
        Pair(r.Copy == ReceiptCopyKind.Provisional ? "Foreløbig" : "Bon nr. " + r.ReceiptNumber.ToString(CultureInfo.InvariantCulture),
            r.LocalTime.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture));
        Pair(r.RegisterName, r.CashierName is null ? "" : "Ekspedient: " + r.CashierName);
        if (r.OriginalReceiptNumber is { } original)
            Line("Retur af bon nr. " + original.ToString(CultureInfo.InvariantCulture));
        if (r.ReturnedWithoutReceipt)
            Line("Retur uden kvittering");
        if (r.ReturnReason is not null)
            Line("Årsag: " + r.ReturnReason);
        Line(rule);

        foreach (var l in r.Lines)
        {
            var isOne = l.Quantity == 1m && l.Unit == Unit.Piece;
            if (isOne)
                Pair(l.Name, Amount(l.GrossAmount));
            else
            {
                Line(l.Name);
                var quantity = l.Unit == Unit.Piece
                    ? l.Quantity.ToString("0", Danish) + " stk"
                    : l.Quantity.ToString("0.000", Danish) + " " + l.Unit.Symbol();
                var per = l.Unit == Unit.Piece ? "" : "/" + l.Unit.Symbol();
                Pair("  " + quantity + " x " + Amount(l.UnitPrice) + per, Amount(l.GrossAmount));
            }
            if (l.Discount is { } d)
                Pair("  Rabat" + (d.Reason is null ? "" : ": " + d.Reason), Amount(-d.Amount));
            if (l.SaleDiscountAmount != 0m && r.Kind == SaleKind.Return)
                Pair("  Rabat", Amount(-l.SaleDiscountAmount));
        }
        var saleDiscount = r.Lines.Sum(l => l.SaleDiscountAmount);
        if (saleDiscount != 0m && r.Kind == SaleKind.Sale)
            Pair("Rabat på hele købet", Amount(-saleDiscount));
        Line(rule);
        Pair("I ALT " + r.Currency, Amount(r.TotalAmount));
        if (r.CashRounding != 0m)
            Pair("Øreafrunding", Amount(r.CashRounding));
        foreach (var p in r.Payments)
        {
            Pair(MethodName(p.Method) + (p.Reference is null ? "" : " " + p.Reference), Amount(p.Tendered ?? p.Amount));
            if (p.Change != 0m)
                Pair("Byttepenge", Amount(p.Change));
        }
        Line(rule);
        foreach (var v in r.Vat)
            Pair($"Heraf moms {v.Percent.ToString("0.##", Danish)} % af {Amount(v.Gross)}", Amount(v.Vat));
        Line(rule);
        Centre(r.Kind == SaleKind.Return ? "Beløbet er tilbagebetalt" : "Tak for handlen!");
        foreach (var mark in marks)
            Centre(mark);
        return text.ToString();
    }

    private static List<string> Marks(ReceiptView r)
    {
        var marks = new List<string>();
        if (r.IsTraining)
            marks.Add("*** ØVELSE - IKKE GYLDIG ***");
        if (r.Copy == ReceiptCopyKind.Copy)
            marks.Add("*** KOPI ***");
        if (r.Copy == ReceiptCopyKind.Provisional)
            marks.Add("*** FORELØBIG - IKKE EN KVITTERING ***");
        return marks;
    }

    public static string Amount(decimal amount) => amount.ToString("#,##0.00", Danish);

    public static string MethodName(PaymentMethod method) => method switch
    {
        PaymentMethod.Cash => "Kontant",
        PaymentMethod.Card => "Betalingskort",
        PaymentMethod.MobilePay => "MobilePay",
        PaymentMethod.GiftCard => "Gavekort",
    };
}
