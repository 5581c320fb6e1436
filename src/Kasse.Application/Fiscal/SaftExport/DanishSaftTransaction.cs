using System.Globalization;
using Kasse.Domain.CashControl;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using M = Kasse.Domain.Money.Money;

namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>What a transaction needs from outside the sale: names, article groups, the certificate, printed copies.</summary>
public sealed record SaftTransactionContext(
    string RegisterName,
    DateTimeOffset LocalTime,
    string Certificate,
    string EmployeeId,
    Func<Guid?, (string? ArticleId, string GroupId)> Article,
    int Copies,
    int Provisionals);

/// <summary>
/// One completed sale or return as a SAF-T <c>cashtransaction</c>. Amounts keep their sign, as in the signed
/// message (a return is negative), so the signature can be checked from the file's own fields; <c>amntTp</c>
/// says the direction too: C (credit: money in for a sale) or D (debit: money out for a return).
/// </summary>
public static class DanishSaftTransaction
{
    public static void Write(SaftXml x, Sale sale, SaftTransactionContext context)
    {
        var vatByRate = sale.VatBreakdown;
        var direction = Direction(sale);
        x.Start("cashtransaction");
        x.Text("nr", (sale.TransactionNumber ?? 0).ToString(CultureInfo.InvariantCulture));
        x.Text("transID", x.Format.Id(sale.Id));
        x.Text("transType", DanishSignature.TransactionType(sale));
        x.Amount("transAmntIn", sale.TotalAmount);
        x.Amount("transAmntEx", sale.TotalAmount - vatByRate.Sum(v => v.Vat));
        x.Text("amntTp", direction);
        x.Text("empID", context.EmployeeId);
        x.Date("transDate", context.LocalTime);
        x.Time("transTime", context.LocalTime);
        if (sale.OriginalSaleId is { } original)
            x.Text("refID", x.Format.Id(original));
        x.Text("desc", Description(sale, context), 9999);
        WriteLines(x, sale, context, direction);
        foreach (var rate in vatByRate)
        {
            x.Start("vat");
            x.Text("vatCode", VatCodeOf(sale, rate.Percent), 20);
            x.Percent("vatPerc", rate.Percent);
            x.Amount("vatAmnt", rate.Vat);
            x.Text("vatAmntTp", direction);
            x.Amount("vatBasAmnt", rate.Net);
            x.End();
        }
        if (sale.SaleDiscountAmount != 0m)
            WriteDiscount(x, SaftCodeLists.SaleDiscount, sale.SaleDiscountAmount);
        foreach (var tipped in sale.Payments.Where(p => p.Tip != 0m).OrderBy(p => p.Position))
        {
            // A tip is a raise (BasicType 10, 10001 "Amount from gratuity/tip"): not in transAmntIn, paid with the payment.
            x.Start("raise");
            x.Text("raiseType", SaftCodeLists.Tip.BasicId);
            x.Amount("raiseAmnt", tipped.Tip);
            x.Text("empID", context.EmployeeId);
            x.End();
        }
        if (sale.CashRounding != 0m)
        {
            // Øreafrunding: what the cash rounding added to (or took from) the total, so total + rounding = paid.
            x.Start("rounding");
            x.Amount("roundingAmnt", sale.CashRounding);
            x.End();
        }
        foreach (var payment in sale.Payments.OrderBy(p => p.Position))
        {
            x.Start("payment");
            x.Text("paymentType", SaftCodes.PaymentCode(payment.Method));
            x.Amount("paidAmnt", payment.Taken);
            x.Text("empID", context.EmployeeId);
            x.OptionalText("paymentRefID", PaymentReference(x.Format, payment));
            x.End();
        }
        // A completed sale is signed in the transaction that completes it; "-" would show a gap that verification also reports.
        x.Text("signature", x.Format.Signature(sale) ?? SaftAddress.Unknown);
        x.Text("keyVersion", sale.KeyVersion ?? SaftAddress.Unknown);
        if (x.Format.Certificates)
            x.Text("certificateData", context.Certificate);
        x.Count("receiptCopyNum", Math.Min(context.Copies, 999));
        x.Count("receiptProformaNum", Math.Min(context.Provisionals, 999));
        // Voided sales are never completed or signed: they are events (13028), not transactions.
        x.Flag("voidTransaction", false);
        x.Flag("trainingID", sale.IsTraining);
        x.End();
    }

    /// <summary>
    /// A drop (11010 out payment) or pay-in (11011 in payment) as a transaction of its own: one cash payment with the
    /// sign the money moves (a drop is negative), no VAT, signed in the register's chain like every receipt.
    /// </summary>
    public static void Write(SaftXml x, CashMovement movement, string registerName, DateTimeOffset local, string certificate, string employeeId)
    {
        var direction = movement.Kind == CashMovementKind.Drop ? "D" : "C";
        x.Start("cashtransaction");
        x.Text("nr", (movement.TransactionNumber ?? 0).ToString(CultureInfo.InvariantCulture));
        x.Text("transID", x.Format.Id(movement.Id));
        x.Text("transType", movement.TransactionType);
        x.Amount("transAmntIn", movement.SignedAmount);
        x.Amount("transAmntEx", movement.SignedAmount);
        x.Text("amntTp", direction);
        x.Text("empID", employeeId);
        x.Date("transDate", local);
        x.Time("transTime", local);
        x.Text("desc", (movement.Kind == CashMovementKind.Drop ? "Cash taken out of the drawer (drop)" : "Cash put into the drawer (pay-in)")
            + $" on register {registerName}; reason: {movement.Reason}", 9999);
        x.Start("payment");
        x.Text("paymentType", SaftCodes.PaymentCode(PaymentMethod.Cash));
        x.Amount("paidAmnt", movement.SignedAmount);
        x.Text("empID", employeeId);
        x.End();
        x.Text("signature", (x.Format.Country == SaftCountry.NO ? movement.NorwegianSignature : movement.Signature) ?? SaftAddress.Unknown);
        x.Text("keyVersion", movement.KeyVersion ?? SaftAddress.Unknown);
        if (x.Format.Certificates)
            x.Text("certificateData", certificate);
        x.Flag("voidTransaction", false);
        x.Flag("trainingID", false);
        x.End();
    }

    /// <summary>
    /// The payment's reference (paymentRefID): the terminal's or MobilePay's where the payment went through a device;
    /// for a card or MobilePay payment only recorded at the till, with no reference typed, Kasse's own payment id.
    /// </summary>
    public static string? PaymentReference(SaftFormat format, Payment payment) =>
        payment.Reference is { Length: > 0 } reference ? reference
            : payment.Method is PaymentMethod.Card or PaymentMethod.MobilePay ? format.Id(payment.Id)
            : null;

    public static string Direction(Sale sale) => sale.Kind switch
    {
        SaleKind.Sale => "C",
        SaleKind.Return => "D",
    };

    private static void WriteLines(SaftXml x, Sale sale, SaftTransactionContext context, string direction)
    {
        var lines = sale.Lines.OrderBy(l => l.Position).ToList();
        var lineVat = LineVat(sale, lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var (articleId, groupId) = context.Article(line.ProductId);
            var net = line.TotalAmount - lineVat[i];
            x.Start("ctLine");
            x.Text("nr", (sale.TransactionNumber ?? 0).ToString(CultureInfo.InvariantCulture));
            x.Text("lineID", line.Position.ToString(CultureInfo.InvariantCulture));
            x.Text("lineType", (line.IsVoucher ? SaftCodeLists.VoucherLine
                : line.OriginalLineId is not null || line.Quantity < 0m ? SaftCodeLists.ReturnLine : SaftCodeLists.SaleLine).BasicId);
            x.Text("artGroupID", groupId);
            x.OptionalText("artID", articleId);
            x.Quantity("qnt", line.Quantity);
            x.Amount("lineAmntIn", line.TotalAmount);
            x.Amount("lineAmntEx", net);
            x.Text("amntTp", direction);
            x.Price("ppu", line.UnitPrice);
            x.Text("cashTransLineDescr", line.DiscountReason is { Length: > 0 } reason && line.LineDiscountAmount != 0m
                ? $"{line.Name} (rabat: {reason})"
                : line.Name, 9999);
            x.Start("vat");
            if (line.VatCode.Length > 0)
                x.Text("vatCode", line.VatCode, 20);
            x.Percent("vatPerc", line.VatPercent);
            x.Amount("vatAmnt", lineVat[i]);
            x.Text("vatAmntTp", direction);
            x.Amount("vatBasAmnt", net);
            x.End();
            if (line.LineDiscountAmount != 0m)
                WriteDiscount(x, SaftCodeLists.LineDiscount, line.LineDiscountAmount);
            foreach (var promotion in sale.Promotions.Where(p => p.LineId == line.Id).OrderBy(p => p.Source).ThenBy(p => p.SourceId))
                WriteDiscount(x, SaftCodeLists.Promotion(promotion.Source, promotion.SourceId, promotion.Name), promotion.Amount);
            x.End();
        }
    }

    /// <summary>
    /// The receipt's VAT per rate, shared over that rate's lines in proportion to their amounts, so the lines'
    /// VAT adds up exactly to the receipt's "heraf moms" (DESIGN.md: VAT is computed per rate, not per line).
    /// </summary>
    private static decimal[] LineVat(Sale sale, List<SaleLine> lines)
    {
        var shares = new decimal[lines.Count];
        foreach (var rate in sale.VatBreakdown)
        {
            var indexes = Enumerable.Range(0, lines.Count).Where(i => lines[i].VatPercent == rate.Percent).ToList();
            var parts = Allocation.Proportionally(M.ToMinorUnits(rate.Vat), indexes.Select(i => M.ToMinorUnits(lines[i].TotalAmount)).ToList());
            for (var k = 0; k < indexes.Count; k++)
                shares[indexes[k]] = M.FromMinorUnits(parts[k], sale.Currency).Amount;
        }
        return shares;
    }

    private static void WriteDiscount(SaftXml x, SaftBasic type, decimal amount)
    {
        x.Start("discount");
        x.Text("dscTp", type.BasicId);
        x.Amount("dscAmnt", amount);
        x.End();
    }

    private static string VatCodeOf(Sale sale, decimal percent) =>
        sale.Lines.FirstOrDefault(l => l.VatPercent == percent && l.VatCode.Length > 0)?.VatCode ?? SaftAddress.Unknown;

    private static string Description(Sale sale, SaftTransactionContext context)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{(sale.Kind == SaleKind.Return ? "Return receipt" : "Receipt")} {sale.ReceiptNumber} on register {context.RegisterName}");
        if (sale.IsTraining)
            text += "; training receipt (ØVELSE), outside all totals";
        if (sale.DiscountReason is { Length: > 0 } discount)
            text += "; sale discount: " + discount;
        if (sale.Kind == SaleKind.Return)
            text += sale.ReturnedWithoutReceipt ? "; returned without a receipt" : "; returns transaction " + sale.OriginalSaleId?.ToString("D");
        if (sale.ReturnReason is { Length: > 0 } reason)
            text += "; reason: " + reason;
        return text;
    }
}
