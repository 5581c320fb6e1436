namespace Kasse.Domain.Inventory;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class RecipeErrors
{
    public const string Duplicate = "recipe.duplicate";
    public const string Empty = "recipe.empty";
    public const string Nested = "recipe.nested";
    public const string NotFound = "recipe.not-found";
    public const string Self = "recipe.self";
    public const string Unit = "recipe.unit";
    public const string Waste = "recipe.waste";
}
