using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Inventory;

public sealed class SupplierService(KasseDbContext db)
{
    public async Task<IReadOnlyList<SupplierView>> ListAsync(CancellationToken ct) =>
        (await db.Suppliers.AsNoTracking().ToListAsync(ct)).OrderBy(s => s.Name, StringComparer.CurrentCulture).Select(SupplierView.From).ToList();

    public async Task<SupplierView> GetAsync(Guid id, CancellationToken ct) => SupplierView.From(await FindAsync(db, id, ct));

    public Task<SupplierView> CreateAsync(SaveSupplier command, CancellationToken ct) => db.CreateOnceAsync(() => db.InTransactionAsync(async () =>
    {
        if (command.Id == Guid.Empty)
            throw DomainException.Invalid(SupplierErrors.Id, "Give the supplier an id (a new UUID).");
        if (await db.Suppliers.FirstOrDefaultAsync(s => s.Id == command.Id, ct) is { } existing)
            return SupplierView.From(existing);
        var supplier = new Supplier(command.Id, command.Name, command.Email, command.Phone, command.AccountNumber);
        await EnsureNameFreeAsync(supplier, ct);
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync(ct);
        return SupplierView.From(supplier);
    }, ct));

    public Task<SupplierView> UpdateAsync(Guid id, SaveSupplier command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var supplier = await FindAsync(db, id, ct);
        supplier.Update(command.Name, command.Email, command.Phone, command.AccountNumber);
        await EnsureNameFreeAsync(supplier, ct);
        await db.SaveChangesAsync(ct);
        return SupplierView.From(supplier);
    }, ct);

    public async Task<IReadOnlyList<SupplierProductView>> ProductsAsync(Guid supplierId, CancellationToken ct)
    {
        await FindAsync(db, supplierId, ct);
        return await Views(db.SupplierProducts.AsNoTracking().Where(s => s.SupplierId == supplierId)).ToListAsync(ct);
    }

    public Task<SupplierProductView> SetProductAsync(Guid supplierId, Guid productId, SaveSupplierProduct command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        await FindAsync(db, supplierId, ct);
        await StockService.FindProductAsync(db, productId, ct);
        var item = await db.SupplierProducts.FirstOrDefaultAsync(s => s.SupplierId == supplierId && s.ProductId == productId, ct);
        if (item is null)
        {
            item = new SupplierProduct(supplierId, productId);
            db.SupplierProducts.Add(item);
        }
        item.Update(command.SupplierSku, command.Cost, command.PackSize, command.LeadTimeDays, command.MinimumOrder);
        await db.SaveChangesAsync(ct);
        return await Views(db.SupplierProducts.AsNoTracking().Where(s => s.SupplierId == supplierId && s.ProductId == productId)).SingleAsync(ct);
    }, ct);

    public Task RemoveProductAsync(Guid supplierId, Guid productId, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var item = await db.SupplierProducts.FirstOrDefaultAsync(s => s.SupplierId == supplierId && s.ProductId == productId, ct)
            ?? throw DomainException.NotFound(SupplierProductErrors.NotFound, "The supplier does not sell that product.");
        db.SupplierProducts.Remove(item);
        await db.SaveChangesAsync(ct);
        return true;
    }, ct);

    private IQueryable<SupplierProductView> Views(IQueryable<SupplierProduct> items) =>
        from s in items
        join p in db.Products on s.ProductId equals p.Id
        orderby p.Name
        select new SupplierProductView(s.SupplierId, s.ProductId, p.Name, s.SupplierSku, s.Cost, s.PackSize, s.LeadTimeDays, s.MinimumOrder);

    private async Task EnsureNameFreeAsync(Supplier supplier, CancellationToken ct)
    {
        if (await db.Suppliers.AnyAsync(s => s.Name == supplier.Name && s.Id != supplier.Id, ct))
            throw DomainException.Conflict(SupplierErrors.NameTaken, $"There is already a supplier called {supplier.Name}.");
    }

    public static async Task<Supplier> FindAsync(KasseDbContext db, Guid id, CancellationToken ct) =>
        await db.Suppliers.FirstOrDefaultAsync(s => s.Id == id, ct)
        ?? throw DomainException.NotFound(SupplierErrors.NotFound, $"No supplier has id {id}.");
}
