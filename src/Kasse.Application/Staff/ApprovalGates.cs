using System.Globalization;
using Kasse.Application.Catalog;
using Kasse.Application.Sales;
using Kasse.Data;
using Kasse.Domain;
using Kasse.Domain.Catalog;
using Kasse.Domain.Sales;
using Kasse.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace Kasse.Application.Staff;

/// <summary>
/// The till's gated actions: each checks the caller's own role against the matrix (never the role of an employee a
/// request names) and, when it says no, takes a supervisor's approval for that one action. Each records who acted
/// (the caller) and who approved in the audit trail, saved with the action itself.
/// </summary>
public sealed class ApprovalGates(KasseDbContext db, EmployeeService employees, CurrentActor actor, StaffSettings settings, AuditTrail audit,
    CatalogService catalog)
{
    public async Task DiscountAsync(SaleView sale, Guid? lineId, SetDiscount discount, CancellationToken ct)
    {
        if (discount.Kind == DiscountKind.None)
            return;
        var line = lineId is null ? null : sale.Lines.FirstOrDefault(l => l.Id == lineId);
        var basis = line?.GrossAmount ?? sale.Lines.Sum(l => l.GrossAmount - (l.Discount?.Amount ?? 0m));
        var percent = discount.Kind == DiscountKind.Percent ? discount.Value : basis == 0m ? 0m : Math.Round(discount.Value / basis * 100m, 2);
        var limit = await settings.GetAsync(StaffSettingKeys.DiscountApprovalPercent, StaffSettingKeys.DefaultDiscountApprovalPercent, ct);
        var what = string.Create(CultureInfo.InvariantCulture, $"{percent:0.##} % discount, limit {limit:0.##} %");
        var approvedBy = percent > limit
            ? await employees.AuthoriseAsync(actor.Value, Permission.DiscountAboveLimit, discount.Approval, what, sale.StoreId, sale.RegisterId, ct)
            : null;
        audit.Record(AuditAction.DiscountGiven, AuditTexts.DiscountGiven(percent, limit, line?.Name, discount.Reason),
            subject: sale.Id.ToString(), storeId: sale.StoreId, registerId: sale.RegisterId, approvedById: approvedBy,
            after: new DiscountRecord(sale.CashierId, percent, limit, discount.Kind, discount.Value));
    }

    public Task PriceOverrideAsync(SaleView sale, AddLine command, CancellationToken ct) =>
        command is { ProductId: { } productId, UnitPrice: { } price }
            ? PriceOverrideAsync(sale, productId, price, command.Approval, ct)
            : Task.CompletedTask;

    /// <summary>A product sold at a price other than its own needs PriceOverride or a supervisor's approval.</summary>
    public async Task PriceOverrideAsync(SaleView sale, Guid productId, decimal price, Approval? approval, CancellationToken ct)
    {
        if (price < 0m || price > Product.MaxPrice || Math.Round(price, 2) != price)
            throw DomainException.Invalid(LineErrors.Price, "An overriding price is between 0 and the highest product price, in whole øre.");
        var product = await catalog.FindProductAsync(productId, ct);
        if (price == product.Price)
            return;
        var what = string.Create(CultureInfo.InvariantCulture, $"price of '{product.Name}' {product.Price:0.00} → {price:0.00}");
        var approvedBy = await employees.AuthoriseAsync(actor.Value, Permission.PriceOverride, approval, what, sale.StoreId, sale.RegisterId, ct);
        audit.Record(AuditAction.PriceOverridden, AuditTexts.PriceOverridden(product.Name, product.Price, price), subject: sale.Id.ToString(), storeId: sale.StoreId, registerId: sale.RegisterId,
            approvedById: approvedBy, before: product.Price, after: price);
    }

    public async Task VoidPaymentAsync(SaleView sale, Guid paymentId, VoidPayment command, CancellationToken ct)
    {
        var payment = sale.Payments.FirstOrDefault(p => p.Id == paymentId);
        if (payment is null)
            return; // the sales service answers "not found" in its own words
        var what = string.Create(CultureInfo.InvariantCulture, $"take back a {payment.Method} payment of {payment.Amount:0.00}");
        var approvedBy = await employees.AuthoriseAsync(actor.Value, Permission.VoidAfterPayment, command.Approval, what, sale.StoreId, sale.RegisterId, ct);
        audit.Record(AuditAction.PaymentVoided, AuditTexts.PaymentTakenBack(payment.Method, payment.Amount), subject: sale.Id.ToString(),
            storeId: sale.StoreId, registerId: sale.RegisterId, approvedById: approvedBy, before: new { payment.Method, payment.Amount });
    }

    public async Task NoSaleAsync(Guid registerId, Guid storeId, Kasse.Application.CashControl.OpenDrawer command, CancellationToken ct)
    {
        var approvedBy = await employees.AuthoriseAsync(actor.Value, Permission.NoSaleDrawerOpen, command.Approval,
            "open the drawer without a sale", storeId, registerId, ct);
        audit.Record(AuditAction.DrawerOpened, AuditTexts.DrawerOpened(command.Reason), subject: registerId.ToString(),
            storeId: storeId, registerId: registerId, approvedById: approvedBy);
    }

    public void SaleVoided(SaleView sale) =>
        audit.Record(AuditAction.SaleVoided, AuditTexts.SaleVoided(sale.TotalAmount, sale.Lines.Count), subject: sale.Id.ToString(),
            storeId: sale.StoreId, registerId: sale.RegisterId, before: new { sale.TotalAmount, Lines = sale.Lines.Count });

    /// <summary>Saves the audit lines of a gated action once the action itself has succeeded.</summary>
    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);
}

/// <summary>
/// What a discount's audit line holds, so fraud rules can compare it with the limit: the sale's cashier; who gave the
/// discount is the audit line's own actor.
/// </summary>
public sealed record DiscountRecord(Guid? CashierId, decimal Percent, decimal Limit, DiscountKind Kind, decimal Value);
