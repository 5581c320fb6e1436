using Kasse.Application.Catalog;
using Kasse.Application.Fiscal;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Sales;

/// <summary>
/// The till's commands on a sale. Each runs in one transaction that first locks the sale's row, so a
/// double tap or two devices on one sale are handled one after the other, and a retried command with the
/// same ids changes nothing.
/// </summary>
public sealed class SalesService(KasseDbContext db, CatalogService catalog, FiscalJournal journal, TransactionSigner signer, TimeProvider clock)
{
    public Task<SaleView> OpenAsync(OpenSale command, CancellationToken ct) => db.CreateOnceAsync(() => OpenOnceAsync(command, ct));

    private Task<SaleView> OpenOnceAsync(OpenSale command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid("sale.id", "Give the sale an id (a new UUID chosen by the till).");
        var existing = await db.Sales.FirstOrDefaultAsync(s => s.Id == command.Id, ct);
        if (existing is not null)
            return existing.RegisterId == command.RegisterId || existing.Status != SaleStatus.Open
                ? SaleView.From(existing)
                : throw DomainException.Conflict("sale.id-used", $"Sale {command.Id} is already open on another register.");
        var register = await StoreService.FindRegisterAsync(db, command.RegisterId, ct);
        var store = await StoreService.FindStoreAsync(db, register.StoreId, ct);
        if (command.CashierId is { } cashierId && !await db.Employees.AnyAsync(e => e.Id == cashierId && e.IsActive, ct))
            throw DomainException.NotFound("employee.not-found", $"No active employee has id {cashierId}.");
        var sale = Sale.Open(command.Id, store, register, command.CashierId, clock.Now());
        db.Sales.Add(sale);
        await db.SaveChangesAsync(ct);
        return SaleView.From(sale);
    }, ct);

    public async Task<SaleView> GetAsync(Guid id, CancellationToken ct) =>
        SaleView.From(await db.Sales.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw SaleNotFound(id));

    public async Task<IReadOnlyList<SaleView>> ListAsync(Guid storeId, SaleStatus? status, int take, CancellationToken ct)
    {
        if (take is < 1 or > 500)
            throw DomainException.Invalid("page", "take must be between 1 and 500.");
        var sales = db.Sales.AsNoTracking().Where(s => s.StoreId == storeId);
        if (status is not null)
            sales = sales.Where(s => s.Status == status);
        var list = await sales.OrderByDescending(s => s.OpenedAt).Take(take).ToListAsync(ct);
        return list.Select(SaleView.From).ToList();
    }

    public async Task<SaleView> FindByReceiptAsync(Guid registerId, long receiptNumber, CancellationToken ct) =>
        SaleView.From(await db.Sales.AsNoTracking().FirstOrDefaultAsync(s => s.RegisterId == registerId && s.ReceiptNumber == receiptNumber, ct)
            ?? throw DomainException.NotFound("sale.receipt-not-found", $"Register {registerId} has no receipt number {receiptNumber}."));

    public Task<SaleView> AddLineAsync(Guid saleId, AddLine command, CancellationToken ct) => Change(saleId, async (sale, store) =>
    {
        var lineId = command.LineId ?? Guid.CreateVersion7();
        if (sale.Lines.Any(l => l.Id == lineId))
            return;
        if (command.Barcode is not null)
            await AddScannedLineAsync(sale, store, lineId, command.Barcode, command.Quantity, ct);
        else if (command.ProductId is { } productId)
        {
            var product = await catalog.FindProductAsync(productId, ct);
            sale.AddProductLine(lineId, product, store.VatRateFor(product.VatPercent), command.Quantity ?? 1m, null, command.UnitPrice);
        }
        else if (command.Description is not null || command.UnitPrice is not null)
        {
            if (command.UnitPrice is null)
                throw DomainException.Invalid("line.price", "A free-text line needs a unitPrice.");
            var vat = command.VatPercent is { } percent ? store.VatRateFor(percent) : store.VatRates.OrderByDescending(r => r.Percent).First();
            sale.AddCustomLine(lineId, command.Description ?? "Diverse", command.UnitPrice.Value, command.Quantity ?? 1m, vat);
        }
        else
            throw DomainException.Invalid("line.what", "Say what to add: a barcode, a productId, or a description with a unitPrice.");
    }, ct);

    private async Task AddScannedLineAsync(Sale sale, Store store, Guid lineId, string barcode, decimal? quantity, CancellationToken ct)
    {
        var scanned = ScannedCode.Parse(barcode, store.VariableMeasureCodes);
        switch (scanned)
        {
            case ScannedCode.TradeItem item:
            {
                var product = await catalog.FindByBarcodeAsync(item.Gtin, ct) ?? throw UnknownBarcode(barcode);
                if (product.Unit.AllowsFractions() && quantity is null)
                    throw DomainException.Invalid("line.weight-required",
                        $"'{product.Name}' is sold per {product.Unit.Symbol()}; weigh it and give the quantity.");
                sale.AddProductLine(lineId, product, store.VatRateFor(product.VatPercent), quantity ?? 1m, item.Gtin);
                break;
            }
            case ScannedCode.VariableMeasure { Code: var code }:
            {
                var product = await catalog.FindByBarcodeAsync(code.ItemCode, ct) ?? throw UnknownBarcode(barcode);
                var vat = store.VatRateFor(product.VatPercent);
                if (code.Kind == VariableMeasureKind.Price)
                    sale.AddProductLine(lineId, product, vat, quantity ?? 1m, barcode.Trim(), unitPrice: code.Value, soldAs: Unit.Piece);
                else if (product.Unit != Unit.Kilogram)
                    throw DomainException.Invalid("barcode.weight-not-kg", $"'{product.Name}' is not sold per kg, so a weight label can't price it.");
                else
                    sale.AddProductLine(lineId, product, vat, code.Value, barcode.Trim());
                break;
            }
            default:
                throw UnknownBarcode(barcode);
        }
    }

    public Task<SaleView> ChangeQuantityAsync(Guid saleId, Guid lineId, decimal quantity, CancellationToken ct) =>
        Change(saleId, (sale, _) => { sale.ChangeQuantity(lineId, quantity); return Task.CompletedTask; }, ct);

    public Task<SaleView> RemoveLineAsync(Guid saleId, Guid lineId, CancellationToken ct) =>
        Change(saleId, (sale, _) =>
        {
            if (sale.Lines.Any(l => l.Id == lineId) || sale.Status != SaleStatus.Open)
                sale.RemoveLine(lineId);
            return Task.CompletedTask;
        }, ct);

    public Task<SaleView> SetLineDiscountAsync(Guid saleId, Guid lineId, SetDiscount discount, CancellationToken ct) =>
        Change(saleId, (sale, _) => { sale.SetLineDiscount(lineId, discount.Kind, discount.Value, discount.Reason); return Task.CompletedTask; }, ct);

    public Task<SaleView> SetSaleDiscountAsync(Guid saleId, SetDiscount discount, CancellationToken ct) =>
        Change(saleId, (sale, _) => { sale.SetSaleDiscount(discount.Kind, discount.Value, discount.Reason); return Task.CompletedTask; }, ct);

    public Task<SaleView> ParkAsync(Guid saleId, CancellationToken ct) =>
        Change(saleId, async (sale, _) =>
        {
            if (sale.Status == SaleStatus.Parked)
                return;
            sale.Park();
            await journal.SaleEventAsync(sale, JournalEventKind.SaleParked, clock.Now(), ct);
        }, ct);

    public Task<SaleView> ResumeAsync(Guid saleId, Guid registerId, CancellationToken ct) =>
        Change(saleId, async (sale, _) =>
        {
            if (sale.Status == SaleStatus.Open && sale.RegisterId == registerId)
                return;
            sale.Resume(await StoreService.FindRegisterAsync(db, registerId, ct));
            await journal.SaleEventAsync(sale, JournalEventKind.SaleResumed, clock.Now(), ct);
        }, ct);

    public Task<SaleView> VoidAsync(Guid saleId, CancellationToken ct) =>
        Change(saleId, async (sale, _) =>
        {
            if (sale.Status == SaleStatus.Voided)
                return;
            var now = clock.Now();
            sale.Void(now);
            await journal.SaleEventAsync(sale, JournalEventKind.SaleVoided, now, ct);
        }, ct);

    public Task<SaleView> AddPaymentAsync(Guid saleId, AddPayment command, CancellationToken ct) =>
        Change(saleId, (sale, _) =>
        {
            if (command.Id == Guid.Empty)
                throw DomainException.Invalid("payment.id", "Give the payment an id (a new UUID chosen by the till).");
            if (sale.Payments.All(p => p.Id != command.Id))
                sale.AddPayment(command.Id, command.Method, command.Amount, command.Tendered, command.Reference, clock.Now());
            return Task.CompletedTask;
        }, ct);

    public Task<SaleView> RemovePaymentAsync(Guid saleId, Guid paymentId, CancellationToken ct) =>
        Change(saleId, (sale, _) =>
        {
            if (sale.Payments.Any(p => p.Id == paymentId) || sale.Status != SaleStatus.Open)
                sale.RemovePayment(paymentId);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Completes the sale: gives it the register's next receipt number. Completing twice answers the same.</summary>
    /// <summary>
    /// Completes a paid sale: receipt number, signature and the receipt's journal entry (13012). When the
    /// customer declines the printed receipt (<paramref name="printReceipt"/> false) the receipt still exists,
    /// and a copy can be printed later, but the journal also says the sale was concluded without one (13030).
    /// </summary>
    public Task<SaleView> CompleteAsync(Guid saleId, bool printReceipt, CancellationToken ct) =>
        Change(saleId, async (sale, store) =>
        {
            if (sale.Status == SaleStatus.Completed)
                return;
            if (!sale.IsFullyPaid)
                sale.Complete(0, clock.Now(), default); // throws the precise reason (not open, empty, or what is due)
            var now = clock.Now();
            var number = await db.NextReceiptNumberAsync(sale.RegisterId, ct);
            sale.Complete(number, now, store.BusinessDayOf(now));
            await signer.SignAsync(sale, store, ct);
            await journal.ReceiptAsync(sale, ct);
            if (!printReceipt)
                await journal.SaleEventAsync(sale, JournalEventKind.SaleConcludedWithoutReceipt, now, ct);
        }, ct);

    public Task<SaleView> CompleteAsync(Guid saleId, CancellationToken ct) => CompleteAsync(saleId, printReceipt: true, ct);

    private Task<SaleView> Change(Guid saleId, Func<Sale, Store, Task> change, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (await db.LockSaleAsync(saleId, ct) == 0)
            throw SaleNotFound(saleId);
        var sale = await db.Sales.FirstAsync(s => s.Id == saleId, ct);
        var store = await StoreService.FindStoreAsync(db, sale.StoreId, ct);
        await change(sale, store);
        await db.SaveChangesAsync(ct);
        return SaleView.From(sale);
    }, ct);

    internal static DomainException SaleNotFound(Guid id) => DomainException.NotFound("sale.not-found", $"No sale has id {id}.");

    private static DomainException UnknownBarcode(string barcode) =>
        DomainException.NotFound("barcode.unknown", $"No product has barcode {barcode.Trim()}. Look the product up by name, or add the barcode to it in the catalogue.");
}
