namespace Kasse.Application.Catalog;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class CategoryErrors
{
    public const string NameTaken = "category.name-taken";
    public const string NotFound = "category.not-found";
}
