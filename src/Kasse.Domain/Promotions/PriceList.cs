using System.Globalization;
using M = Kasse.Domain.Money.Money;

namespace Kasse.Domain.Promotions;

/// <summary>
/// Prices of products for one store (or all stores) and/or one customer group, in a period. A price list only ever
/// lowers a price: where its price is higher than the catalogue's, the catalogue's stands.
/// </summary>
public sealed class PriceList
{
    public const int MaxNameLength = 60;
    public const int MaxItems = 10_000;

    private readonly List<PriceListItem> _items = [];

    private PriceList() { Name = ""; }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public Guid? StoreId { get; private set; }
    public Guid? CustomerGroupId { get; private set; }
    public DateTimeOffset? ValidFrom { get; private set; }
    public DateTimeOffset? ValidTo { get; private set; }
    public bool IsActive { get; private set; }
    public IReadOnlyList<PriceListItem> Items => _items;

    public static PriceList Create(Guid id, string name, Guid? storeId, Guid? customerGroupId, DateTimeOffset? validFrom, DateTimeOffset? validTo,
        bool isActive, IReadOnlyList<(Guid ProductId, decimal Price)> prices)
    {
        if (id == Guid.Empty)
            throw DomainException.Invalid(PriceListErrors.Id, "A price list id must not be empty.");
        var list = new PriceList { Id = id };
        list.Change(name, storeId, customerGroupId, validFrom, validTo, isActive, prices);
        return list;
    }

    public void Change(string name, Guid? storeId, Guid? customerGroupId, DateTimeOffset? validFrom, DateTimeOffset? validTo, bool isActive,
        IReadOnlyList<(Guid ProductId, decimal Price)> prices)
    {
        Name = Text.Required(name, MaxNameLength, "price-list.name", "A price list name");
        if (validFrom is { } from && validTo is { } to && to <= from)
            throw DomainException.Invalid(PriceListErrors.ValidTo, "A price list must end after it starts.");
        if (prices.Count > MaxItems)
            throw DomainException.Invalid(PriceListErrors.Items, $"A price list can hold at most {MaxItems.ToString(CultureInfo.InvariantCulture)} prices.");
        if (prices.GroupBy(p => p.ProductId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw DomainException.Invalid(PriceListErrors.Items, $"Product {twice.Key} is listed twice.");
        foreach (var (productId, price) in prices)
        {
            if (productId == Guid.Empty)
                throw DomainException.Invalid(PriceListErrors.Items, "Each price needs a product id.");
            if (price < 0m || price > Promotion.MaxPrice || M.RoundToMinor(price) != price)
                throw DomainException.Invalid(PriceListErrors.Price, "A price must be zero or more, at most 1,000,000, in whole øre.");
        }
        StoreId = storeId;
        CustomerGroupId = customerGroupId;
        ValidFrom = validFrom;
        ValidTo = validTo;
        IsActive = isActive;
        _items.Clear();
        _items.AddRange(prices.Select(p => new PriceListItem(Id, p.ProductId, p.Price)));
    }

    public bool IsValidAt(DateTimeOffset now) =>
        IsActive && (ValidFrom is not { } from || now >= from) && (ValidTo is not { } to || now < to);
}

public sealed class PriceListItem
{
    private PriceListItem() { }

    internal PriceListItem(Guid priceListId, Guid productId, decimal price)
    {
        PriceListId = priceListId;
        ProductId = productId;
        Price = price;
    }

    public Guid PriceListId { get; private set; }
    public Guid ProductId { get; private set; }
    public decimal Price { get; private set; }
}
