using System.Globalization;
using System.Text;
using Kasse.Application.Csv;
using Kasse.Application.Pdf;

namespace Kasse.Application.Inventory;

/// <summary>A purchase order as a supplier reads it: an A4 PDF to print or mail, and a CSV to load into their system.</summary>
public static class PurchaseOrderDocuments
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Text(PurchaseOrderView order, SupplierView supplier, string store, string location)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"INDKØBSORDRE / PURCHASE ORDER {order.Reference}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Til / To:        {supplier.Name}");
        if (supplier.AccountNumber is not null)
            text.AppendLine(CultureInfo.InvariantCulture, $"Kundenr. / Acc.: {supplier.AccountNumber}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Fra / From:      {store}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Levering / Ship: {location}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Dato / Date:     {(order.SentAt ?? order.CreatedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        text.AppendLine();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{"Varenr.",-14} {"Vare",-22} {"Antal",9} {"Pris",9} {"Beløb",10}"));
        text.AppendLine(new string('-', 68));
        foreach (var line in order.Lines)
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{Cut(line.SupplierSku ?? "", 14),-14} {Cut(line.ProductName, 22),-22} {line.Ordered.ToString("0.###", Danish),9} {line.UnitCost.ToString("N2", Danish),9} {line.LineCost.ToString("N2", Danish),10}"));
        text.AppendLine(new string('-', 68));
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{"I alt ekskl. moms / Total excl. VAT",-57} {order.TotalCost.ToString("N2", Danish),10}"));
        return text.ToString();
    }

    public static byte[] Pdf(PurchaseOrderView order, SupplierView supplier, string store, string location) =>
        KassePdf.Text($"{order.Reference} {supplier.Name}", Text(order, supplier, store, location).TrimEnd('\n').Split('\n'));

    /// <summary>Semicolon-separated with decimal points: what Danish spreadsheets and most supplier portals import.</summary>
    public static string Csv(PurchaseOrderView order) =>
        CsvFile.Write(';', ["order", "supplier_sku", "product", "quantity", "unit_cost", "line_cost"],
            order.Lines.Select(line => new CsvCell[]
            {
                CsvCell.Value(order.Reference), line.SupplierSku, line.ProductName, CsvCell.Number(line.Ordered, "0.###", CultureInfo.InvariantCulture),
                CsvCell.Number(line.UnitCost, "0.00", CultureInfo.InvariantCulture), CsvCell.Number(line.LineCost, "0.00", CultureInfo.InvariantCulture),
            }));

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
