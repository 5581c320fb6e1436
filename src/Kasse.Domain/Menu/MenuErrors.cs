namespace Kasse.Domain.Menu;

/// <summary>The codes (DomainException.Code) of this capability's refusals; each has its English and Danish text in Errors.resx / Errors.da.resx.</summary>
public static class MenuErrors
{
    public const string Allergens = "menu.allergens";
    public const string ChoiceRequired = "menu.choice-required";
    public const string ComboOptions = "menu.combo-options";
    public const string GroupChoices = "menu.group-choices";
    public const string GroupNameTaken = "menu.group-name-taken";
    public const string GroupNotFound = "menu.group-not-found";
    public const string GroupOptions = "menu.group-options";
    public const string GroupRepeated = "menu.group-repeated";
    public const string OptionId = "menu.option-id";
    public const string OptionNameRepeated = "menu.option-name-repeated";
    public const string OptionNotOffered = "menu.option-not-offered";
    public const string OptionPrice = "menu.option-price";
    public const string OptionRecipe = "menu.option-recipe";
    public const string OptionRepeated = "menu.option-repeated";
    public const string TooManyChoices = "menu.too-many-choices";
}
