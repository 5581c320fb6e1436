using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Kasse.Domain.Sales;

namespace Kasse.Domain.Fiscal;

/// <summary>
/// The fiscal content of an event as canonical JSON: fixed field order, money with exactly two decimals,
/// quantities with three. Re-computing it from the stored sale must give the same text, which is how
/// verification notices a sale edited behind the journal's back.
/// </summary>
public static class FiscalPayload
{
    public static string ForSale(Sale sale) => Write(w =>
    {
        w.WriteString("kind", sale.Kind.ToString());
        w.WriteBoolean("training", sale.IsTraining);
        w.WriteString("transactionType", sale.Kind == SaleKind.Sale ? SaftCodes.CashSale : SaftCodes.ReturnPayment);
        w.WriteNumber("receiptNumber", sale.ReceiptNumber ?? 0);
        w.WriteString("saleId", sale.Id);
        w.WriteString("registerId", sale.RegisterId);
        WriteOptional(w, "cashierId", sale.CashierId);
        w.WriteString("currency", sale.Currency);
        w.WriteString("businessDay", sale.BusinessDay?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteStartArray("lines");
        foreach (var l in sale.Lines.OrderBy(l => l.Position))
        {
            w.WriteStartObject();
            w.WriteNumber("position", l.Position);
            WriteOptional(w, "productId", l.ProductId);
            w.WriteString("sku", l.Sku);
            w.WriteString("name", l.Name);
            w.WriteString("unit", l.Unit.ToString());
            w.WriteNumber("quantity", Quantity(l.Quantity));
            w.WriteNumber("unitPrice", Money(l.UnitPrice));
            w.WriteNumber("vatPercent", Money(l.VatPercent));
            w.WriteString("vatCode", l.VatCode);
            w.WriteNumber("gross", Money(l.GrossAmount));
            w.WriteNumber("lineDiscount", Money(l.LineDiscountAmount));
            w.WriteString("discountReason", l.DiscountReason);
            if (l.PromotionDiscountAmount != 0m)
                w.WriteNumber("promotionDiscount", Money(l.PromotionDiscountAmount));
            w.WriteNumber("saleDiscount", Money(l.SaleDiscountAmount));
            w.WriteNumber("total", Money(l.TotalAmount));
            WriteOptional(w, "originalLineId", l.OriginalLineId);
            // Written only for voucher lines, so every payload journaled before vouchers existed reads back the same.
            if (l.IsVoucher)
                w.WriteBoolean("voucher", true);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (sale.Promotions.Count > 0)
        {
            // Promotions were added after the first receipts; sales without any keep the payload they always had.
            w.WriteStartArray("promotions");
            foreach (var p in sale.Promotions.OrderBy(p => p.LineId).ThenBy(p => p.Source).ThenBy(p => p.SourceId))
            {
                w.WriteStartObject();
                w.WriteString("lineId", p.LineId);
                w.WriteString("source", p.Source.ToString());
                w.WriteString("sourceId", p.SourceId);
                w.WriteString("name", p.Name);
                w.WriteNumber("amount", Money(p.Amount));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("couponCode", sale.CouponCode);
        }
        w.WriteString("saleDiscountReason", sale.DiscountReason);
        w.WriteNumber("total", Money(sale.TotalAmount));
        w.WriteStartArray("vat");
        foreach (var v in sale.VatBreakdown)
        {
            w.WriteStartObject();
            w.WriteNumber("percent", Money(v.Percent));
            w.WriteNumber("gross", Money(v.Gross));
            w.WriteNumber("vat", Money(v.Vat));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("cashRounding", Money(sale.CashRounding));
        w.WriteStartArray("payments");
        foreach (var p in sale.Payments.OrderBy(p => p.Position))
        {
            w.WriteStartObject();
            w.WriteString("method", p.Method.ToString());
            w.WriteString("paymentType", SaftCodes.PaymentCode(p.Method));
            w.WriteNumber("amount", Money(p.Amount));
            if (p.Tendered is { } tendered)
                w.WriteNumber("tendered", Money(tendered));
            w.WriteNumber("change", Money(p.Change));
            w.WriteNumber("rounding", Money(p.Rounding));
            w.WriteString("reference", p.Reference);
            // Written only for a payment with a tip, so every payload journaled before tips existed reads back the same.
            if (p.Tip != 0m)
                w.WriteNumber("tip", Money(p.Tip));
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (sale.OrderType is { } orderType)
            w.WriteString("orderType", orderType.ToString());
        WriteOptional(w, "originalSaleId", sale.OriginalSaleId);
        w.WriteBoolean("withoutReceipt", sale.ReturnedWithoutReceipt);
        w.WriteString("returnReason", sale.ReturnReason);
        WriteOptional(w, "approvedById", sale.ApprovedById);
        if (sale.TransactionNumber is { } nr)
            w.WriteNumber("nr", nr);
        w.WriteString("signature", sale.Signature);
        w.WriteString("keyVersion", sale.KeyVersion);
    });

    /// <summary>A short event about a sale that is not (yet) a receipt: park, resume, void.</summary>
    public static string ForSaleEvent(Sale sale) => Write(w =>
    {
        w.WriteString("saleId", sale.Id);
        w.WriteString("registerId", sale.RegisterId);
        w.WriteNumber("lines", sale.Lines.Count);
        w.WriteNumber("total", Money(sale.TotalAmount));
    });

    public static string ForPriceChange(Guid productId, string sku, decimal oldPrice, decimal newPrice) => Write(w =>
    {
        w.WriteString("productId", productId);
        w.WriteString("sku", sku);
        w.WriteNumber("oldPrice", Money(oldPrice));
        w.WriteNumber("newPrice", Money(newPrice));
    });

    public static string ForRegister(Guid registerId, string name) => Write(w =>
    {
        w.WriteString("registerId", registerId);
        w.WriteString("name", name);
    });

    public static string ForEmployee(Guid employeeId, string name) => Write(w =>
    {
        w.WriteString("employeeId", employeeId);
        w.WriteString("name", name);
    });

    public static string ForPriceLookUp(string barcode, Guid productId, string sku, decimal price) => Write(w =>
    {
        w.WriteString("barcode", barcode);
        w.WriteString("productId", productId);
        w.WriteString("sku", sku);
        w.WriteNumber("price", Money(price));
    });

    public static string ForApplication(string version) => Write(w => w.WriteString("version", version));

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps æøå and base64 readable for an auditor; the payload is never embedded in HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, Guid? value)
    {
        if (value is { } v)
            w.WriteString(name, v);
        else
            w.WriteNull(name);
    }

    // Adding 0.00m fixes the scale at two decimals, so 29 and 29.00 print alike.
    private static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    private static decimal Quantity(decimal quantity) => Math.Round(quantity, 3, MidpointRounding.AwayFromZero) + 0.000m;
}
