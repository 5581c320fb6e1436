using Kasse.Application.Catalog;
using Kasse.Application.Fiscal;
using Kasse.Application.Printing;
using Kasse.Application.Payments;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Fiscal;
using Kasse.Domain.Payments;
using Kasse.Domain.Sales;
using Kasse.Domain.Stores;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kasse.Application.Sales;

/// <summary>
/// The till's commands on a sale. Each runs in the sale's write turn (<see cref="Change"/>), so a double tap or two
/// devices on one sale are handled one after the other, and a retried command with the same ids changes nothing; on
/// PostgreSQL the durable commands of all tills go through the <see cref="SaleWriter"/>, which commits those that arrive
/// together at once.
/// </summary>
public sealed class SalesService(KasseDbContext db, CatalogService catalog, FiscalJournal journal, TransactionSigner signer, StoreCache stores,
    ReceiptService receipts, PrintQueue printing, TimeProvider clock,
    IEnumerable<ISaleCompletionStep> completionSteps, IEnumerable<IOpenSaleStep> openSaleSteps, IEnumerable<IPaymentStep> paymentSteps,
    SaleChanges changes, KasseTelemetry telemetry, SaleWriter writer, Kasse.Application.Staff.CurrentActor actor,
    OpenSaleMemory memory, HeldSaleTurns held, Menu.MenuService menu)
{
    public Task<SaleView> OpenAsync(OpenSale command, CancellationToken ct) =>
        Turn(command.Id, Durability.OpenSaleEdit, (s, c) => s.OpenInTurnAsync(command, c), ct);

    private Task<SaleView> OpenInTurnAsync(OpenSale command, CancellationToken ct) => db.CreateOnceAsync(() => OpenOnceAsync(command, ct));

    private Task<SaleView> OpenOnceAsync(OpenSale command, CancellationToken ct) => db.InTransactionAsync(Durability.OpenSaleEdit, async () =>
    {
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid(SaleErrors.Id, "Give the sale an id (a new UUID chosen by the till).");
        var existing = await db.Sales.FirstOrDefaultAsync(s => s.Id == command.Id, ct);
        if (existing is not null)
            return existing.RegisterId == command.RegisterId || existing.Status != SaleStatus.Open
                ? SaleView.From(existing)
                : throw DomainException.Conflict(SaleErrors.IdUsed, $"Sale {command.Id} is already open on another register.");
        var register = await StoreService.FindRegisterAsync(db, command.RegisterId, ct);
        var store = await stores.GetAsync(db, register.StoreId, ct);
        if (command.CashierId is { } cashierId && !await db.Employees.AnyAsync(e => e.Id == cashierId && e.IsActive, ct))
            throw DomainException.NotFound(EmployeeErrors.NotFound, $"No active employee has id {cashierId}.");
        var sale = Sale.Open(command.Id, store, register, command.CashierId, clock.Now());
        if (command.OrderType is { } orderType)
            sale.SetOrderType(orderType, store, _ => null);
        if (command.TableId is not null || command.Covers is not null || command.TabName is not null)
            sale.SeatAt(command.TableId is { } tableId ? (await Restaurant.FloorService.FindTableAsync(db, store.Id, tableId, ct)).Id : null, command.Covers, command.TabName);
        db.Sales.Add(sale);
        await db.SaveChangesAsync(ct);
        return changes.Changed(sale);
    }, ct);

    /// <summary>The sale as it stands: from memory while it is held there (<see cref="OpenSaleMemory"/>), else from the database.</summary>
    public async Task<SaleView> GetAsync(Guid id, CancellationToken ct) =>
        await memory.ViewAsync(id, ct) ?? SaleView.From(await db.Sales.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw SaleNotFound(id));

    public async Task<IReadOnlyList<SaleView>> ListAsync(Guid storeId, SaleStatus? status, int take, CancellationToken ct)
    {
        if (take is < 1 or > 500)
            throw DomainException.Invalid(RequestErrors.Page, "take must be between 1 and 500.");
        var sales = db.Sales.AsNoTracking().Where(s => s.StoreId == storeId);
        if (status is not null)
            sales = sales.Where(s => s.Status == status);
        var list = await sales.OrderByDescending(s => s.OpenedAt).Take(take).ToListAsync(ct);
        return list.Select(SaleView.From).ToList();
    }

    public async Task<SaleView> FindByReceiptAsync(Guid registerId, long receiptNumber, CancellationToken ct) =>
        SaleView.From(await db.Sales.AsNoTracking().FirstOrDefaultAsync(s => s.RegisterId == registerId && s.ReceiptNumber == receiptNumber, ct)
            ?? throw DomainException.NotFound(SaleErrors.ReceiptNotFound, $"Register {registerId} has no receipt number {receiptNumber}."));

    /// <summary>The sale whose receipt carries this barcode (<see cref="ReceiptCode"/>).</summary>
    public async Task<SaleView> FindByReceiptCodeAsync(string code, CancellationToken ct)
    {
        if (!ReceiptCode.TryParse(code, out var saleId))
            throw DomainException.Invalid(ReceiptErrors.Code, $"'{Gtin.Shorten(code)}' is not a receipt barcode: it has {ReceiptCode.Length} digits. Scan the code under the receipt again.");
        var sale = await db.Sales.AsNoTracking().FirstOrDefaultAsync(s => s.Id == saleId && s.Status == SaleStatus.Completed, ct)
            ?? throw DomainException.NotFound(SaleErrors.ReceiptNotFound, $"No completed sale has the receipt code {code}.");
        return SaleView.From(sale);
    }

    public async Task<SaleView> AddLineAsync(Guid saleId, AddLine command, CancellationToken ct) =>
        await Edit(saleId, await PlanLineAsync(saleId, command, ct), ct);

    /// <summary>
    /// What adding the line does to the sale, with the product looked up first (outside the sale's turn): a change of the
    /// sale and its store alone, which <see cref="OpenSaleMemory"/> can make again. A line whose id the sale already has
    /// (a retried scan) changes nothing.
    /// </summary>
    private async Task<Func<Sale, Store, Task>> PlanLineAsync(Guid saleId, AddLine command, CancellationToken ct)
    {
        var lineId = command.LineId ?? Guid.CreateVersion7();
        Action<Sale, Store> add;
        if (command.Barcode is not null)
        {
            var scan = await ScanAsync(saleId, command.Barcode, command.Quantity, ct, command);
            add = (sale, _) => scan(sale, lineId);
        }
        else if (command.ProductId is { } productId)
        {
            var product = await RefusalOrAsync(async () =>
            {
                var found = await catalog.FindToSellAsync(productId, ct);
                var store = await stores.OfSaleAsync(db, saleId, ct) ?? throw SaleNotFound(saleId);
                return (Product: found, Choice: await menu.ChoiceAsync(store, found, command.Modifiers, command.Note, ct));
            });
            add = (sale, store) =>
            {
                var (found, choice) = product();
                sale.AddProductLine(lineId, found, store.VatRateFor(found.VatPercent, sale.OrderType), command.Quantity ?? 1m, null, command.UnitPrice, choice: choice);
            };
        }
        else if (command.Description is not null || command.UnitPrice is not null)
            add = (sale, store) =>
            {
                if (command.UnitPrice is null)
                    throw DomainException.Invalid(LineErrors.Price, "A free-text line needs a unitPrice.");
                var vat = command.VatPercent is { } percent ? store.VatRateFor(percent) : store.VatRates.OrderByDescending(r => r.Percent).First();
                sale.AddCustomLine(lineId, command.Description ?? "Diverse", command.UnitPrice.Value, command.Quantity ?? 1m, vat);
            };
        else
            add = (_, _) => throw DomainException.Invalid(LineErrors.What, "Say what to add: a barcode, a productId, or a description with a unitPrice.");
        return (sale, store) =>
        {
            if (sale.Lines.All(l => l.Id != lineId))
            {
                add(sale, store);
                if (command.Seat is { } seat)
                    sale.SetLineSeat(lineId, seat);
            }
            return Task.CompletedTask;
        };
    }

    /// <summary>A look-up whose refusal is given inside the sale's turn, after the sale itself was found.</summary>
    private static async Task<Func<T>> RefusalOrAsync<T>(Func<Task<T>> read)
    {
        try
        {
            var found = await read();
            return () => found;
        }
        catch (DomainException refused)
        {
            return () => { ExceptionDispatchInfo.Throw(refused); return default!; };
        }
    }

    /// <summary>
    /// Reads a scanned code against the sale's store and catalogue. What it finds, or the reason it is refused, is
    /// applied inside the sale's transaction, so a retried scan of a line already on the sale still answers with the sale.
    /// </summary>
    private async Task<Action<Sale, Guid>> ScanAsync(Guid saleId, string barcode, decimal? quantity, CancellationToken ct, AddLine? command = null)
    {
        var store = await stores.OfSaleAsync(db, saleId, ct) ?? throw SaleNotFound(saleId);
        try
        {
            return await ReadScanAsync(store, barcode, quantity, ct, command);
        }
        catch (DomainException refused)
        {
            return (_, _) => ExceptionDispatchInfo.Throw(refused);
        }
    }

    private async Task<Action<Sale, Guid>> ReadScanAsync(Store store, string barcode, decimal? quantity, CancellationToken ct, AddLine? command = null)
    {
        var scanned = ScannedCode.Parse(barcode, store.VariableMeasureCodes);
        switch (scanned)
        {
            case ScannedCode.TradeItem item:
            {
                var product = await catalog.FindByBarcodeAsync(item.Gtin, ct) ?? throw UnknownBarcode(barcode);
                if (product.Unit.AllowsFractions() && quantity is null)
                    throw DomainException.Invalid(LineErrors.WeightRequired,
                        $"'{product.Name}' is sold per {product.Unit.Symbol()}; weigh it and give the quantity.");
                _ = store.VatRateFor(product.VatPercent); // refused before the sale's turn when the store lacks the rate
                var choice = await menu.ChoiceAsync(store, product, command?.Modifiers, command?.Note, ct);
                return (sale, lineId) => sale.AddProductLine(lineId, product, store.VatRateFor(product.VatPercent, sale.OrderType), quantity ?? 1m, item.Gtin, choice: choice);
            }
            case ScannedCode.VariableMeasure { Code: var code }:
                return await ReadMeasuredAsync(store, code, quantity, barcode.Trim(), barcode, ct);
            case ScannedCode.Gs1Label { Measure: { } measure } label:
                return await ReadMeasuredAsync(store, measure, quantity, label.Gtin, barcode, ct);
            case ScannedCode.Gs1Label label:
                return await ReadScanAsync(store, label.Gtin, quantity, ct, command);
            default:
                throw UnknownBarcode(barcode);
        }
    }

    /// <summary>A label that carries the price (a piece at that price) or the weight (that many kg at the kilo price).</summary>
    private async Task<Action<Sale, Guid>> ReadMeasuredAsync(Store store, VariableMeasureCode code, decimal? quantity, string lineBarcode,
        string scanned, CancellationToken ct)
    {
        var product = await catalog.FindByBarcodeAsync(code.ItemCode, ct) ?? throw UnknownBarcode(scanned);
        _ = store.VatRateFor(product.VatPercent); // refused before the sale's turn when the store lacks the rate
        if (code.Kind == VariableMeasureKind.Price)
            return (sale, lineId) => sale.AddProductLine(lineId, product, store.VatRateFor(product.VatPercent, sale.OrderType), quantity ?? 1m, lineBarcode,
                unitPrice: code.Value, soldAs: Unit.Piece);
        if (product.Unit != Unit.Kilogram)
            throw DomainException.Invalid(BarcodeErrors.WeightNotKg, $"'{product.Name}' is not sold per kg, so a weight label can't price it.");
        return (sale, lineId) => sale.AddProductLine(lineId, product, store.VatRateFor(product.VatPercent, sale.OrderType), code.Value, lineBarcode);
    }

    public Task<SaleView> ChangeQuantityAsync(Guid saleId, Guid lineId, decimal quantity, CancellationToken ct) =>
        Edit(saleId, (sale, _) => { sale.ChangeQuantity(lineId, quantity); return Task.CompletedTask; }, ct);

    public Task<SaleView> RemoveLineAsync(Guid saleId, Guid lineId, CancellationToken ct) =>
        Edit(saleId, (sale, _) =>
        {
            if (sale.Lines.Any(l => l.Id == lineId) || sale.Status != SaleStatus.Open)
                sale.RemoveLine(lineId);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Sells a product's line at another price from now on, in one change (the gate is the caller's: <c>SaleUseCases</c>).</summary>
    public Task<SaleView> OverridePriceAsync(Guid saleId, Guid lineId, decimal unitPrice, CancellationToken ct) =>
        Edit(saleId, (sale, _) => { sale.OverrideLinePrice(lineId, unitPrice); return Task.CompletedTask; }, ct);

    public Task<SaleView> SetLineDiscountAsync(Guid saleId, Guid lineId, SetDiscount discount, CancellationToken ct) =>
        Edit(saleId, (sale, _) => { sale.SetLineDiscount(lineId, discount.Kind, discount.Value, discount.Reason); return Task.CompletedTask; }, ct);

    public Task<SaleView> SetSaleDiscountAsync(Guid saleId, SetDiscount discount, CancellationToken ct) =>
        Edit(saleId, (sale, _) => { sale.SetSaleDiscount(discount.Kind, discount.Value, discount.Reason); return Task.CompletedTask; }, ct);

    /// <summary>Records the coupon a customer hands over (null takes it off); the open-sale steps then price the basket with it.</summary>
    public Task<SaleView> SetCouponAsync(Guid saleId, string? normalisedCode, CancellationToken ct) =>
        Edit(saleId, (sale, _) => { sale.SetCoupon(normalisedCode); return Task.CompletedTask; }, ct);

    public Task<SaleView> ParkAsync(Guid saleId, CancellationToken ct) =>
        Turn(saleId, Durability.Durable, (s, c) => s.ParkInTurnAsync(saleId, c), ct);

    private Task<SaleView> ParkInTurnAsync(Guid saleId, CancellationToken ct) =>
        Change(saleId, Durability.Durable, async (sale, _) =>
        {
            if (sale.Status == SaleStatus.Parked)
                return;
            sale.Park();
            await journal.SaleEventAsync(sale, JournalEventKind.SaleParked, clock.Now(), ct);
        }, ct);

    public Task<SaleView> ResumeAsync(Guid saleId, Guid registerId, CancellationToken ct) =>
        Turn(saleId, Durability.Durable, (s, c) => s.ResumeInTurnAsync(saleId, registerId, c), ct);

    private Task<SaleView> ResumeInTurnAsync(Guid saleId, Guid registerId, CancellationToken ct) =>
        Change(saleId, Durability.Durable, async (sale, _) =>
        {
            if (sale.Status == SaleStatus.Open && sale.RegisterId == registerId)
                return;
            sale.Resume(await StoreService.FindRegisterAsync(db, registerId, ct));
            await journal.SaleEventAsync(sale, JournalEventKind.SaleResumed, clock.Now(), ct);
        }, ct);

    public Task<SaleView> VoidAsync(Guid saleId, CancellationToken ct) =>
        Turn(saleId, Durability.Durable, (s, c) => s.VoidInTurnAsync(saleId, c), ct);

    private Task<SaleView> VoidInTurnAsync(Guid saleId, CancellationToken ct) =>
        Change(saleId, Durability.Durable, async (sale, _) =>
        {
            if (sale.Status == SaleStatus.Voided)
                return;
            await VoidNowAsync(sale, ct);
        }, ct);

    /// <summary>Voids the sale in its turn: journaled (SaleVoided), and counted once the void has committed.</summary>
    private async Task VoidNowAsync(Sale sale, CancellationToken ct)
    {
        var now = clock.Now();
        sale.Void(now);
        await journal.SaleEventAsync(sale, JournalEventKind.SaleVoided, now, ct);
        db.AfterCommit(() => telemetry.SaleVoided(sale));
    }

    /// <summary>
    /// Ends a sale that holds nothing (no line, no payment) the one way an open sale ends without a receipt: voided,
    /// journaled. Checked in the sale's turn, so a line another till adds meanwhile keeps it open.
    /// </summary>
    public Task<SaleView> VoidIfEmptyAsync(Guid saleId, CancellationToken ct) =>
        Turn(saleId, Durability.Durable, (s, c) => s.VoidIfEmptyInTurnAsync(saleId, c), ct);

    private Task<SaleView> VoidIfEmptyInTurnAsync(Guid saleId, CancellationToken ct) =>
        Change(saleId, Durability.Durable, async (sale, _) =>
        {
            if (sale.Status != SaleStatus.Open || sale.Lines.Count > 0 || sale.Payments.Count > 0)
                return;
            await VoidNowAsync(sale, ct);
        }, ct);

    public Task<SaleView> AddPaymentAsync(Guid saleId, AddPayment command, CancellationToken ct) =>
        Turn(saleId, Durability.Durable, (s, c) => s.AddPaymentInTurnAsync(saleId, command, c), ct);

    private Task<SaleView> AddPaymentInTurnAsync(Guid saleId, AddPayment command, CancellationToken ct) =>
        Change(saleId, Durability.Durable, async (sale, store) =>
        {
            if (command.Id == Guid.Empty)
                throw DomainException.Invalid(PaymentErrors.Id, "Give the payment an id (a new UUID chosen by the till).");
            if (sale.Payments.All(p => p.Id != command.Id))
            {
                var tip = Tips.Resolve(command.Tip, command.TipPercent, sale.TotalAmount);
                var payment = sale.AddPayment(command.Id, command.Method, command.Amount, command.Tendered, command.Reference, clock.Now(),
                    tip, command.KeepChangeAsTip);
                foreach (var step in paymentSteps)
                    await step.OnPaymentAddedAsync(sale, payment, store, ct);
                db.AfterCommit(() => telemetry.PaymentAdded(sale, payment));
            }
        }, ct);

    public Task<SaleView> RemovePaymentAsync(Guid saleId, Guid paymentId, CancellationToken ct) =>
        Turn(saleId, Durability.Durable, (s, c) => s.RemovePaymentInTurnAsync(saleId, paymentId, c), ct);

    private Task<SaleView> RemovePaymentInTurnAsync(Guid saleId, Guid paymentId, CancellationToken ct) =>
        Change(saleId, Durability.Durable, async (sale, _) =>
        {
            if (await db.TerminalPayments.AnyAsync(t => t.Id == paymentId && t.State == TerminalPaymentState.Approved, ct))
                throw DomainException.Conflict(PaymentErrors.ReverseOnDevice,
                    $"Payment {paymentId} was charged through a device; reverse it with POST /api/v1/terminal-payments/{paymentId}/reverse (or void the sale).");
            if (sale.Payments.FirstOrDefault(p => p.Id == paymentId) is { } payment && sale.Status == SaleStatus.Open)
                foreach (var step in paymentSteps)
                    await step.OnPaymentRemovedAsync(sale, payment, ct);
            if (sale.Payments.Any(p => p.Id == paymentId) || sale.Status != SaleStatus.Open)
            {
                sale.RemovePayment(paymentId);
                db.AfterCommit(() => telemetry.PaymentRemoved(sale, paymentId));
            }
        }, ct);

    /// <summary>
    /// Completes a paid sale: receipt number, signature and the receipt's journal entry (13012), and queues its
    /// receipt on the register's printer and, for cash, the drawer kick, in the same transaction. When the customer
    /// declines the printed receipt (<paramref name="printReceipt"/> false) the receipt still exists, and a copy can
    /// be printed later, but nothing is printed and the journal also says the sale was concluded without one (13030).
    /// Completing twice answers the same.
    /// </summary>
    public Task<SaleView> CompleteAsync(Guid saleId, bool printReceipt, CancellationToken ct) =>
        Turn(saleId, Durability.Durable, (s, c) => s.CompleteInTurnAsync(saleId, printReceipt, c), ct);

    private Task<SaleView> CompleteInTurnAsync(Guid saleId, bool printReceipt, CancellationToken ct) =>
        Change(saleId, Durability.Durable, async (sale, store) =>
        {
            if (sale.Status == SaleStatus.Completed)
                return;
            if (!sale.IsFullyPaid)
                sale.Complete(0, clock.Now(), default); // throws the precise reason (not open, empty, or what is due)
            var now = clock.Now();
            var number = await db.NextReceiptNumberAsync(sale.RegisterId, ct);
            sale.Complete(number, now, store.BusinessDayOf(now));
            await completionSteps.RunOwnAsync(sale, store, ct);
            await printing.CompletedSaleAsync(sale, receipts, printReceipt, ct);
            // Rows every till shares are locked last, after everything of this sale's own is written, so each lock is
            // held only to the commit: the day's summaries and stock levels, then the company's transaction number
            // and the store's journal.
            await db.SaveChangesAsync(ct);
            await completionSteps.RunSharedAsync(sale, store, ct);
            await signer.SignAsync(sale, store, ct);
            await journal.ReceiptAsync(sale, ct);
            if (!printReceipt)
                await journal.SaleEventAsync(sale, JournalEventKind.SaleConcludedWithoutReceipt, now, ct);
            db.AfterCommit(() => telemetry.SaleCompleted(sale));
        }, ct);

    public Task<SaleView> CompleteAsync(Guid saleId, CancellationToken ct) => CompleteAsync(saleId, printReceipt: true, ct);

    /// <summary>
    /// Another capability's change of an open sale (a customer attached, a gift card sold), with the sale's turn, in a
    /// transaction of its own or its caller's: the change may read with its own services, so it is not kept in memory.
    /// </summary>
    public Task<SaleView> EditAsync(Guid saleId, Func<Sale, Store, Task> change, CancellationToken ct) =>
        Turn(saleId, Durability.OpenSaleEdit, (s, c) => s.Change(saleId, Durability.OpenSaleEdit, change, c), ct);

    /// <summary>
    /// Runs <paramref name="work"/> with the turns of several sales taken exclusively (what memory holds of them written
    /// first; taken in a fixed order, so two such commands never wait for each other), in one durable transaction: a move of
    /// lines between sales, a merge or a split either happens to every sale involved or to none.
    /// </summary>
    public Task<T> TogetherAsync<T>(IEnumerable<Guid> saleIds, Func<Task<T>> work, CancellationToken ct)
    {
        Func<Task<T>> run = () => db.InTransactionAsync(Durability.Durable, work, ct);
        foreach (var saleId in saleIds.Distinct().OrderDescending())
        {
            var inner = run;
            run = () => memory.ExclusiveAsync(saleId, held, db, inner, ct);
        }
        return run();
    }

    /// <summary>
    /// An edit of an open sale: made in memory (<see cref="OpenSaleMemory"/>), answered once written, unless it runs in a
    /// transaction of its caller (an <c>Idempotency-Key</c>, a sale in one request), whose answer commits with it.
    /// <paramref name="change"/> works on the sale and its store alone, so it can be made again.
    /// </summary>
    private Task<SaleView> Edit(Guid saleId, Func<Sale, Store, Task> change, CancellationToken ct) =>
        OpenSaleMemory.Serves(db) && !held.Holds(saleId)
            ? EditInMemoryAsync(saleId, change, ct)
            : Turn(saleId, Durability.OpenSaleEdit, (s, c) => s.Change(saleId, Durability.OpenSaleEdit, change, c), ct);

    private async Task<SaleView> EditInMemoryAsync(Guid saleId, Func<Sale, Store, Task> change, CancellationToken ct) =>
        // The customer display and the other listeners hear of it once it is committed, as of every change.
        changes.Committed(await memory.EditAsync(saleId, change, (sale, store, before) => RunOpenSaleStepsAsync(sale, store, before, ct),
            sale => new SaleChange(SaleView.From(sale), sale.Version), ct));

    private async Task RunOpenSaleStepsAsync(Sale sale, Store store, IReadOnlyDictionary<Guid, decimal> quantitiesBefore, CancellationToken ct)
    {
        foreach (var step in openSaleSteps)
            await step.OnChangedAsync(sale, store, quantitiesBefore, ct);
    }

    /// <summary>
    /// Where a command on a sale runs, with the sale's turn taken exclusively (what memory holds of it written first, see
    /// <see cref="OpenSaleMemory.ExclusiveAsync{T}"/>): through the <see cref="SaleWriter"/> (as this caller, with the
    /// services of the writer's scope) where it pays, else here, in a transaction of its own or its caller's (see
    /// <see cref="SaleWriter.Takes"/>).
    /// </summary>
    private Task<SaleView> Turn(Guid saleId, Durability durability, Func<SalesService, CancellationToken, Task<SaleView>> command, CancellationToken ct) =>
        memory.ExclusiveAsync(saleId, held, db, () => SaleWriter.Takes(db, durability)
            ? writer.RunAsync(durability, actor.Value, services =>
            {
                services.GetRequiredService<HeldSaleTurns>().Take(saleId);
                return command(services.GetRequiredService<SalesService>(), CancellationToken.None);
            })
            : command(this, ct), ct);

    /// <summary>
    /// One command on one sale, in the sale's write turn: lock, load, change, save, commit. Reads that don't need the
    /// lock (the store's settings, a scanned product) happen before it. Edits of an open sale commit as
    /// <see cref="Durability.OpenSaleEdit"/>; money, receipts and anything journaled as <see cref="Durability.Durable"/>.
    /// </summary>
    private Task<SaleView> Change(Guid saleId, Durability durability, Func<Sale, Store, Task> change, CancellationToken ct) =>
        db.InTransactionAsync(durability, async () =>
        {
            var sale = await TakeTurnAndLoadAsync(saleId, ct);
            var store = await stores.GetAsync(db, sale.StoreId, ct);
            var before = sale.Lines.ToDictionary(l => l.Id, l => l.Quantity);
            await change(sale, store);
            if (sale.Status == SaleStatus.Open)
                await RunOpenSaleStepsAsync(sale, store, before, ct);
            await db.SaveChangesAsync(ct);
            // Every command on a sale comes through here or OpenSaleMemory (the API's and the till's through SaleUseCases,
            // EditAsync's customer, gift-card and loyalty changes), so this is where the customer display and others hear of
            // it, after the commit.
            return changes.Changed(sale);
        }, ct);

    /// <summary>The sale whose turn this service took last, in which transaction (see <see cref="TakeTurnAndLoadAsync"/>).</summary>
    private (object Transaction, Sale Sale)? _turnTaken;

    /// <summary>
    /// Locks the sale for the rest of the transaction and loads it. A further command on it in the same transaction (a
    /// sale in one request: open, lines, payments, complete) holds the lock already and has the sale tracked: it neither
    /// locks nor reads again, nor can a card payment have started in between.
    /// </summary>
    private async Task<Sale> TakeTurnAndLoadAsync(Guid saleId, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!;
        if (_turnTaken is var (taken, held) && ReferenceEquals(taken, transaction) && held.Id == saleId
            && db.Entry(held).State is EntityState.Unchanged or EntityState.Modified)
            return held;
        if (!await db.TakeSaleTurnAsync(saleId, ct))
            throw SaleNotFound(saleId);
        // While a card or MobilePay payment is out, the amount it was asked for must stay what is due.
        if (await db.TerminalPayments.Where(t => t.SaleId == saleId).AnyAsync(TerminalPaymentService.Unsettled, ct))
            throw PaymentInProgress();
        ForgetTracked(db, saleId);
        var sale = await db.Sales.FirstOrDefaultAsync(s => s.Id == saleId, ct) ?? throw SaleNotFound(saleId);
        _turnTaken = (transaction, sale);
        return sale;
    }

    /// <summary>
    /// Lets go of this context's copy of the sale from an earlier command (opened here, say, then scanned in
    /// <see cref="OpenSaleMemory"/>): a query would keep that copy's old totals and only add the new lines to it.
    /// </summary>
    internal static void ForgetTracked(KasseDbContext db, Guid saleId)
    {
        if (db.Sales.Local.FindEntry(saleId) is not { Entity: var stale } entry)
            return;
        foreach (var line in stale.Lines)
            db.Entry(line).State = EntityState.Detached;
        foreach (var payment in stale.Payments)
            db.Entry(payment).State = EntityState.Detached;
        foreach (var promotion in stale.Promotions)
            db.Entry(promotion).State = EntityState.Detached;
        entry.State = EntityState.Detached;
    }

    internal static DomainException PaymentInProgress() => DomainException.Conflict(PaymentErrors.InProgress,
        "A card or MobilePay payment on this sale is still in progress. Wait for its outcome, or cancel it, first.");

    internal static DomainException SaleNotFound(Guid id) => DomainException.NotFound(SaleErrors.NotFound, $"No sale has id {id}.");

    private static DomainException UnknownBarcode(string barcode) =>
        DomainException.NotFound(BarcodeErrors.Unknown, $"No product has barcode {barcode.Trim()}. Look the product up by name, or add the barcode to it in the catalogue.");
}
