using System.Globalization;

namespace Kasse.Domain.Staff;

/// <summary>
/// The stores an employee or API key may act in, as stored: <c>*</c> for the whole chain (only the Owner and
/// Accountant roles), otherwise store ids, comma separated. An empty list means no store at all: safe, never wider.
/// </summary>
public static class StoreAccess
{
    public const string AllStores = "*";
    public const int MaxLength = 2000;

    /// <summary>Roles that may be chain-wide: the owner runs the chain, the bookkeeper keeps its books.</summary>
    public static bool MayBeChainWide(string role) => role is nameof(Role.Owner) or nameof(Role.Accountant);

    /// <summary>Null for the whole chain, else the stores.</summary>
    public static IReadOnlySet<Guid>? Parse(string? stored) =>
        stored == AllStores ? null
        : (stored ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => Guid.TryParse(s, CultureInfo.InvariantCulture, out var id) ? id : (Guid?)null).OfType<Guid>().ToHashSet();

    /// <summary>Checks that the role may have this reach and gives the stored form (null = chain-wide).</summary>
    public static string For(string role, IReadOnlyCollection<Guid>? stores, string code)
    {
        if (stores is null)
        {
            if (!MayBeChainWide(role))
                throw DomainException.Invalid(code,
                    $"Only the Owner and Accountant roles may work in every store; name the stores a {role} works in.");
            return AllStores;
        }
        if (stores.Count == 0)
            throw DomainException.Invalid(code, "Name at least one store (or, for an Owner or Accountant, all stores).");
        var joined = string.Join(',', stores.Distinct().Order().Select(id => id.ToString("D", CultureInfo.InvariantCulture)));
        if (joined.Length > MaxLength)
            throw DomainException.Invalid(code, "Too many stores named; make the employee or key chain-wide instead.");
        return joined;
    }

    public static bool Includes(IReadOnlySet<Guid>? stores, Guid storeId) => stores is null || stores.Contains(storeId);

    /// <summary>Whether everything <paramref name="inner"/> reaches lies inside <paramref name="outer"/>.</summary>
    public static bool Within(IReadOnlySet<Guid>? inner, IReadOnlySet<Guid>? outer) =>
        outer is null || (inner is not null && inner.IsSubsetOf(outer));
}
