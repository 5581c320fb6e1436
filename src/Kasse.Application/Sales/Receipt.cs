using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Sales;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Sales;

/// <summary>Everything a receipt prints, in the store's local time (momsbekendtgørelsen § 64: simplified invoice).</summary>
public sealed record ReceiptView(
    string StoreName, string StoreAddress, string CompanyId, string RegisterName, string? CashierName,
    SaleKind Kind, long ReceiptNumber, DateTimeOffset LocalTime, string Currency,
    IReadOnlyList<SaleLineView> Lines, decimal DiscountTotal, decimal TotalAmount, decimal CashRounding,
    IReadOnlyList<VatLineView> Vat, IReadOnlyList<PaymentView> Payments, decimal ChangeGiven,
    long? OriginalReceiptNumber, bool ReturnedWithoutReceipt, string? ReturnReason, Guid SaleId, Guid RegisterId);

public sealed class ReceiptService(KasseDbContext db)
{
    public async Task<ReceiptView> GetAsync(Guid saleId, CancellationToken ct)
    {
        var sale = await db.Sales.AsNoTracking().FirstOrDefaultAsync(s => s.Id == saleId, ct) ?? throw SalesService.SaleNotFound(saleId);
        if (sale.Status != SaleStatus.Completed || sale.ReceiptNumber is null)
            throw DomainException.Conflict("receipt.not-completed", "A receipt exists once the sale is completed.");
        var store = await StoreService.FindStoreAsync(db, sale.StoreId, ct);
        var register = await StoreService.FindRegisterAsync(db, sale.RegisterId, ct);
        var cashier = sale.CashierId is { } id ? await db.Employees.Where(e => e.Id == id).Select(e => e.Name).FirstOrDefaultAsync(ct) : null;
        var originalNumber = sale.OriginalSaleId is { } originalId
            ? await db.Sales.Where(s => s.Id == originalId).Select(s => s.ReceiptNumber).FirstOrDefaultAsync(ct)
            : null;
        var view = SaleView.From(sale);
        return new ReceiptView(store.Name, store.Address, store.CompanyId, register.Name, cashier, sale.Kind, sale.ReceiptNumber.Value,
            store.LocalTime(sale.ClosedAt!.Value), sale.Currency, view.Lines, view.DiscountTotal, view.TotalAmount, view.CashRounding,
            view.Vat, view.Payments, view.ChangeGiven, originalNumber, sale.ReturnedWithoutReceipt, sale.ReturnReason, sale.Id, sale.RegisterId);
    }
}
