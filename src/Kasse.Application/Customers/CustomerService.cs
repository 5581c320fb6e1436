using System.Globalization;
using System.Security.Cryptography;
using Kasse.Application.Sales;
using Kasse.Application.Staff;
using Kasse.Application.Stores;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Customers;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Customers;

/// <summary>Customer profiles: kept, found at the till, attached to a sale, exported and erased on request (GDPR).</summary>
public sealed class CustomerService(KasseDbContext db, SalesService sales, LoyaltyLedger ledger, AuditTrail audit, TimeProvider clock)
{
    public const int MaxResults = 50;

    public Task<CustomerView> CreateAsync(Guid storeId, SaveCustomer command, CancellationToken ct) => db.CreateOnceAsync(() => db.InTransactionAsync(async () =>
    {
        if (await db.Customers.FirstOrDefaultAsync(c => c.Id == command.Id, ct) is { } existing)
            return existing.StoreId == storeId ? await ViewAsync(existing, ct) : throw DomainException.Conflict(CustomerErrors.IdUsed, $"Id {command.Id} is already used.");
        await StoreService.FindStoreAsync(db, storeId, ct);
        await EnsureGroupAsync(storeId, command.GroupId, ct);
        var number = command.Number ?? NewNumber();
        await EnsureUniqueAsync(storeId, command.Id, number, command.CardCode, ct);
        var customer = new Customer(command.Id, storeId, number, command.Name, command.Phone, command.Email, command.CardCode, command.Notes,
            command.Preferences, command.GroupId, clock.GetUtcNow());
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(customer, ct);
    }, ct));

    public Task<CustomerView> UpdateAsync(Guid id, SaveCustomer command, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var customer = await FindAsync(id, ct);
        await EnsureGroupAsync(customer.StoreId, command.GroupId, ct);
        await EnsureUniqueAsync(customer.StoreId, id, command.Number ?? customer.Number, command.CardCode, ct);
        customer.Update(command.Name, command.Phone, command.Email, command.CardCode, command.Notes, command.Preferences, command.GroupId);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(customer, ct);
    }, ct);

    public async Task<CustomerView> GetAsync(Guid id, CancellationToken ct) => await ViewAsync(await FindAsync(id, ct, tracking: false), ct);

    /// <summary>By phone (any spacing, with or without +45), e-mail, customer number, card code, or part of the name.</summary>
    public async Task<IReadOnlyList<CustomerView>> SearchAsync(Guid storeId, string? query, CancellationToken ct)
    {
        var customers = db.Customers.AsNoTracking().Where(c => c.StoreId == storeId && c.ErasedAt == null);
        // Control characters are never part of a name, number or e-mail (and PostgreSQL refuses a NUL in text): searched without them.
        var q = new string((query ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (q.Length > 0)
        {
            var digits = new string(q.Where(char.IsAsciiDigit).ToArray());
            var lower = q.ToLowerInvariant();
            customers = digits.Length >= 4 && digits.Length >= q.Count(char.IsLetterOrDigit)
                ? customers.Where(c => (c.Phone != null && c.Phone.EndsWith(digits.Length > 8 && digits.StartsWith("45", StringComparison.Ordinal) ? digits.Substring(2) : digits))
                    || c.Number == q || c.CardCode == q)
                : q.Contains('@', StringComparison.Ordinal)
                    ? customers.Where(c => c.Email != null && c.Email.StartsWith(lower))
                    : customers.Where(c => EF.Functions.Like(c.SearchName, "%" + EscapeLike(lower) + "%", "\\") || c.Number == q || c.CardCode == q);
        }
        var found = await customers.OrderBy(c => c.Name).Take(MaxResults).ToListAsync(ct);
        var views = new List<CustomerView>();
        foreach (var c in found)
            views.Add(await ViewAsync(c, ct));
        return views;
    }

    /// <summary>The customer whose loyalty card (or app QR code) was scanned.</summary>
    public async Task<CustomerView> FindByCardAsync(Guid storeId, string code, CancellationToken ct)
    {
        var trimmed = code.Trim();
        var customer = await db.Customers.AsNoTracking()
            .FirstOrDefaultAsync(c => c.StoreId == storeId && c.ErasedAt == null && (c.CardCode == trimmed || c.Number == trimmed), ct)
            ?? throw DomainException.NotFound(CustomerErrors.CardUnknown, $"No customer has card {trimmed}. Search by phone or name, or create the customer.");
        return await ViewAsync(customer, ct);
    }

    /// <summary>Their completed sales and returns, newest first, with the points each moved.</summary>
    public async Task<IReadOnlyList<CustomerSaleView>> HistoryAsync(Guid id, int take, CancellationToken ct)
    {
        if (take is < 1 or > 500)
            throw DomainException.Invalid(RequestErrors.Page, "take must be between 1 and 500.");
        await FindAsync(id, ct, tracking: false);
        var list = await db.Sales.AsNoTracking().Where(s => s.CustomerId == id && s.Status == SaleStatus.Completed && !s.IsTraining)
            .OrderByDescending(s => s.ClosedAt).Take(take).ToListAsync(ct);
        var saleIds = list.Select(s => (Guid?)s.Id).ToList();
        var points = (await db.LoyaltyMovements.AsNoTracking().Where(m => saleIds.Contains(m.SaleId) && m.StampCardId == null)
            .Select(m => new { m.SaleId, m.Amount }).ToListAsync(ct))
            .GroupBy(m => m.SaleId!.Value).ToDictionary(g => g.Key, g => g.Sum(m => m.Amount));
        return list.Select(s => new CustomerSaleView(s.Id, s.Kind, s.ReceiptNumber, s.ClosedAt, s.TotalAmount,
            s.Lines.OrderBy(l => l.Position).Select(l => l.Quantity.ToString("0.###", CultureInfo.InvariantCulture) + " × " + l.Name).ToList(),
            points.GetValueOrDefault(s.Id))).ToList();
    }

    /// <summary>Attaches the customer to an open sale (null takes them off); the sale carries their group for group prices.</summary>
    public async Task<SaleView> AttachAsync(Guid saleId, Guid? customerId, CancellationToken ct)
    {
        var customer = customerId is { } id ? await FindAsync(id, ct, tracking: false) : null;
        customer?.EnsureNotErased();
        return await sales.EditAsync(saleId, (sale, store) =>
        {
            if (customer is not null && customer.StoreId != store.Id)
                throw DomainException.Invalid(CustomerErrors.OtherStore, "That customer belongs to another store.");
            if (sale.CustomerId != customer?.Id)
                sale.AttachCustomer(customer?.Id, customer?.GroupId);
            return Task.CompletedTask;
        }, ct);
    }

    /// <summary>Everything Kasse holds about the customer (GDPR art. 15/20), as one JSON document.</summary>
    public Task<CustomerExport> ExportAsync(Guid id, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var customer = await FindAsync(id, ct, tracking: false);
        var profile = await ViewAsync(customer, ct);
        var history = await HistoryAsync(id, 500, ct);
        var movements = await db.LoyaltyMovements.AsNoTracking().Where(m => m.CustomerId == id).OrderBy(m => m.At).ToListAsync(ct);
        audit.Record(AuditAction.CustomerExported, AuditTexts.CustomerExported(customer.Number), subject: id.ToString(), storeId: customer.StoreId);
        await db.SaveChangesAsync(ct);
        return new CustomerExport(clock.GetUtcNow(), profile, history, movements.Select(LoyaltyMovementView.From).ToList());
    }, ct);

    /// <summary>
    /// Erases the customer (GDPR art. 17): the profile is blanked and no sale links to it any more. Completed sales and the
    /// fiscal journal are kept as they are (bookkeeping law outranks erasure) — they never held the customer's personal data.
    /// </summary>
    public Task<CustomerView> EraseAsync(Guid id, string? reason, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var validReason = Text.Required(reason, AuditEntry.MaxTextLength / 4, "customer.erase-reason", "The reason for erasing");
        var customer = await FindAsync(id, ct);
        var number = customer.Number;
        customer.Erase(clock.GetUtcNow());
        var unlinked = await db.Database.ExecuteSqlAsync($"""UPDATE "Sales" SET "CustomerId" = NULL, "CustomerGroupId" = NULL WHERE "CustomerId" = {id}""", ct);
        await db.PendingLoyaltyRewards.Where(r => r.CustomerId == id).ExecuteDeleteAsync(ct);
        audit.Record(AuditAction.CustomerErased, AuditTexts.CustomerErased(number, validReason, unlinked),
            subject: id.ToString(), storeId: customer.StoreId);
        await db.SaveChangesAsync(ct);
        return await ViewAsync(customer, ct);
    }, ct);

    public async Task<IReadOnlyList<CustomerGroupView>> GroupsAsync(Guid storeId, CancellationToken ct) =>
        (await db.CustomerGroups.AsNoTracking().Where(g => g.StoreId == storeId).OrderBy(g => g.Name).ToListAsync(ct)).Select(CustomerGroupView.From).ToList();

    public Task<CustomerGroupView> SaveGroupAsync(Guid storeId, Guid id, string name, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        await StoreService.FindStoreAsync(db, storeId, ct);
        var group = await db.CustomerGroups.FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is not null && group.StoreId != storeId)
            throw DomainException.Conflict(CustomerGroupErrors.IdUsed, $"Id {id} is already used in another store.");
        var valid = Text.Required(name, CustomerGroup.MaxNameLength, "customer-group.name", "The group's name");
        if (await db.CustomerGroups.AnyAsync(g => g.StoreId == storeId && g.Name == valid && g.Id != id, ct))
            throw DomainException.Conflict(CustomerGroupErrors.NameUsed, $"There is already a group called '{valid}'.");
        if (group is null)
            db.CustomerGroups.Add(group = new CustomerGroup(id, storeId, valid));
        else
            group.Rename(valid);
        await db.SaveChangesAsync(ct);
        return CustomerGroupView.From(group);
    }, ct);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private async Task<Customer> FindAsync(Guid id, CancellationToken ct, bool tracking = true) =>
        await (tracking ? db.Customers : db.Customers.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw DomainException.NotFound(CustomerErrors.NotFound, $"No customer has id {id}.");

    private async Task EnsureGroupAsync(Guid storeId, Guid? groupId, CancellationToken ct)
    {
        if (groupId is { } g && !await db.CustomerGroups.AnyAsync(x => x.Id == g && x.StoreId == storeId, ct))
            throw DomainException.NotFound(CustomerGroupErrors.NotFound, $"The store has no customer group {g}.");
    }

    private async Task EnsureUniqueAsync(Guid storeId, Guid id, string number, string? cardCode, CancellationToken ct)
    {
        var trimmedNumber = number.Trim();
        if (await db.Customers.AnyAsync(c => c.StoreId == storeId && c.Id != id && c.Number == trimmedNumber, ct))
            throw DomainException.Conflict(CustomerErrors.NumberUsed, $"Customer number {trimmedNumber} is already used.");
        var card = cardCode?.Trim();
        if (!string.IsNullOrEmpty(card) && await db.Customers.AnyAsync(c => c.StoreId == storeId && c.Id != id && c.CardCode == card, ct))
            throw DomainException.Conflict(CustomerErrors.CardUsed, $"Card {card} already belongs to another customer.");
    }

    /// <summary>Eight random digits: printed on a card, unguessable enough that a number doesn't reveal how many customers there are.</summary>
    private static string NewNumber() => RandomNumberGenerator.GetInt32(10_000_000, 100_000_000).ToString(CultureInfo.InvariantCulture);

    private async Task<CustomerView> ViewAsync(Customer c, CancellationToken ct)
    {
        var rules = await ledger.RulesAsync(c.StoreId, ct);
        var groupName = c.GroupId is { } g ? await db.CustomerGroups.AsNoTracking().Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var stamps = await ledger.StampBalancesAsync(c.Id, ct);
        return new CustomerView(c.Id, c.StoreId, c.Number, c.Name, c.Phone, c.Email, c.CardCode, c.Notes, c.Preferences, c.GroupId, groupName,
            c.PointsBalance, c.LifetimePoints, rules.TierFor(c.LifetimePoints)?.Name, c.PointsBalance * rules.PointValue,
            rules.StampCards.Select(card =>
            {
                var n = stamps.GetValueOrDefault(card.Id);
                return new StampBalanceView(card.Id, card.Name, n, card.StampsForReward, n / card.StampsForReward);
            }).ToList(),
            c.CreatedAt, c.IsErased);
    }
}

public sealed record CustomerExport(DateTimeOffset ExportedAt, CustomerView Profile, IReadOnlyList<CustomerSaleView> Sales,
    IReadOnlyList<LoyaltyMovementView> LoyaltyMovements);
