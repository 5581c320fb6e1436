namespace Kasse.Domain.Promotions;

/// <summary>
/// Which items a promotion (or one component of a bundle) covers: any of the listed products, or any product of the
/// listed categories. Several products form a mix-and-match group.
/// </summary>
public sealed record ItemSelector(IReadOnlyList<Guid> ProductIds, IReadOnlyList<Guid> CategoryIds)
{
    public const int MaxItems = 500;

    public bool IsEmpty => ProductIds.Count == 0 && CategoryIds.Count == 0;

    public bool Covers(Guid? productId, Guid? categoryId) =>
        (productId is { } p && ProductIds.Contains(p)) || (categoryId is { } c && CategoryIds.Contains(c));

    internal ItemSelector Validated(string code, string what)
    {
        var products = (ProductIds ?? []).Distinct().ToList();
        var categories = (CategoryIds ?? []).Distinct().ToList();
        if (products.Count == 0 && categories.Count == 0)
            throw DomainException.Invalid(code, $"{what} needs at least one product or category.");
        if (products.Count + categories.Count > MaxItems)
            throw DomainException.Invalid(code, $"{what} can name at most {MaxItems} products and categories together.");
        if (products.Contains(Guid.Empty) || categories.Contains(Guid.Empty))
            throw DomainException.Invalid(code, $"{what} names an empty id.");
        return new ItemSelector(products, categories);
    }
}

/// <summary>One part of a bundle or meal deal: <c>Quantity</c> items from <c>Items</c> (e.g. 1 of any sandwich).</summary>
public sealed record BundleComponent(ItemSelector Items, int Quantity);
