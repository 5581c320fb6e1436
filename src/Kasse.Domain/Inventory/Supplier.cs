namespace Kasse.Domain.Inventory;

/// <summary>Someone the shop buys goods from.</summary>
public sealed class Supplier
{
    public const int MaxNameLength = 80;
    public const int MaxContactLength = 120;

    private Supplier() { Name = ""; }

    public Supplier(Guid id, string name, string? email, string? phone, string? accountNumber)
    {
        Id = id;
        Name = "";
        Update(name, email, phone, accountNumber);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public string? Email { get; private set; }
    public string? Phone { get; private set; }

    /// <summary>The shop's customer number at the supplier, printed on every order.</summary>
    public string? AccountNumber { get; private set; }

    public void Update(string name, string? email, string? phone, string? accountNumber)
    {
        Name = Text.Required(name, MaxNameLength, "supplier.name", "A supplier name");
        Email = Text.Optional(email, MaxContactLength, "supplier.email", "The e-mail");
        Phone = Text.Optional(phone, MaxContactLength, "supplier.phone", "The phone number");
        AccountNumber = Text.Optional(accountNumber, MaxContactLength, "supplier.account", "The account number");
    }
}

/// <summary>A product as one supplier sells it: their SKU, the cost per unit, the pack it comes in and how long it takes.</summary>
public sealed class SupplierProduct
{
    public const int MaxSkuLength = 40;
    public const int MaxLeadTimeDays = 365;

    private SupplierProduct() { SupplierSku = ""; }

    public SupplierProduct(Guid supplierId, Guid productId)
    {
        SupplierId = supplierId;
        ProductId = productId;
        SupplierSku = "";
    }

    public Guid SupplierId { get; private set; }
    public Guid ProductId { get; private set; }
    public string SupplierSku { get; private set; }

    /// <summary>Cost per unit of the product (piece, kg, litre), excluding VAT.</summary>
    public decimal Cost { get; private set; }

    /// <summary>Units per pack: orders are rounded up to whole packs.</summary>
    public decimal PackSize { get; private set; } = 1m;
    public int LeadTimeDays { get; private set; }

    /// <summary>The least the supplier accepts on one order line, in units.</summary>
    public decimal MinimumOrder { get; private set; }

    public void Update(string supplierSku, decimal cost, decimal packSize, int leadTimeDays, decimal minimumOrder)
    {
        SupplierSku = Text.Required(supplierSku, MaxSkuLength, "supplier-product.sku", "The supplier's SKU");
        if (cost < 0m || Money.Money.RoundToMinor(cost) != cost)
            throw DomainException.Invalid(SupplierProductErrors.Cost, "The cost must be 0 or more, in whole øre.");
        Cost = cost;
        PackSize = Quantities.Positive(packSize, "supplier-product.pack-size", "The pack size");
        if (leadTimeDays is < 0 or > MaxLeadTimeDays)
            throw DomainException.Invalid(SupplierProductErrors.LeadTime, $"The lead time must be between 0 and {MaxLeadTimeDays} days.");
        LeadTimeDays = leadTimeDays;
        MinimumOrder = Quantities.Valid(minimumOrder, "supplier-product.minimum-order", "The minimum order", allowNegative: false);
    }
}
