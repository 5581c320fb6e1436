namespace Kasse.Application.Fiscal.SaftExport;

/// <summary>
/// Maps a shop's own category to the closest SAF-T article group (PredefinedBasicID 04). The words are the
/// ones Danish shops name their categories with; the first word of the name that is known decides, and a
/// category no word matches is plain "sale of goods".
/// </summary>
public static class ArticleGroups
{
    public const string SaleOfGoods = "04003";
    public const string Food = "04006";
    public const string Beer = "04007";
    public const string Wine = "04008";
    public const string Liquor = "04009";
    public const string Cider = "04010";
    public const string SoftDrinks = "04011";
    public const string OtherDrinks = "04012";
    public const string Tobacco = "04013";
    public const string OtherGoods = "04014";

    private static readonly Dictionary<string, string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["øl"] = Beer, ["beer"] = Beer, ["fadøl"] = Beer,
        ["vin"] = Wine, ["vine"] = Wine, ["wine"] = Wine, ["champagne"] = Wine,
        ["spiritus"] = Liquor, ["snaps"] = Liquor, ["brændevin"] = Liquor, ["liquor"] = Liquor, ["spirits"] = Liquor,
        ["cider"] = Cider, ["alcopops"] = Cider,
        ["drikkevarer"] = SoftDrinks, ["sodavand"] = SoftDrinks, ["vand"] = SoftDrinks, ["juice"] = SoftDrinks,
        ["drinks"] = SoftDrinks, ["soft"] = SoftDrinks,
        ["café"] = OtherDrinks, ["cafe"] = OtherDrinks, ["kaffe"] = OtherDrinks, ["te"] = OtherDrinks, ["coffee"] = OtherDrinks,
        ["tea"] = OtherDrinks,
        ["tobak"] = Tobacco, ["tobacco"] = Tobacco, ["cigaretter"] = Tobacco,
        ["husholdning"] = OtherGoods, ["kiosk"] = OtherGoods, ["non-food"] = OtherGoods, ["nonfood"] = OtherGoods,
        ["blade"] = OtherGoods, ["aviser"] = OtherGoods, ["household"] = OtherGoods,
        ["brød"] = Food, ["bagværk"] = Food, ["bageri"] = Food, ["delikatesse"] = Food, ["frost"] = Food, ["frugt"] = Food,
        ["grønt"] = Food, ["kolonial"] = Food, ["kød"] = Food, ["pålæg"] = Food, ["mejeri"] = Food, ["slik"] = Food,
        ["snacks"] = Food, ["mad"] = Food, ["ost"] = Food, ["fisk"] = Food, ["food"] = Food, ["bakery"] = Food,
        ["dairy"] = Food, ["meat"] = Food, ["grocery"] = Food, ["groceries"] = Food, ["sweets"] = Food,
    };

    public static string ForCategory(string name)
    {
        var words = name.Split([' ', '&', ',', '/', '+', '(', ')', '.'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var word in words)
            if (Words.TryGetValue(word, out var code))
                return code;
        return SaleOfGoods;
    }
}
