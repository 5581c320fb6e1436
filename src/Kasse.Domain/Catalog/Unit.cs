namespace Kasse.Domain.Catalog;

/// <summary>How a product is measured when sold. Price is per piece, per kg or per litre.</summary>
public enum Unit
{
    Piece,
    Kilogram,
    Litre,
}

public static class UnitNames
{
    public static string Symbol(this Unit unit) => unit switch
    {
        Unit.Piece => "stk",
        Unit.Kilogram => "kg",
        Unit.Litre => "l",
    };

    public static Unit? TryParse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "piece" or "pcs" or "stk" or "pc" => Unit.Piece,
        "kg" or "kilogram" => Unit.Kilogram,
        "l" or "litre" or "liter" => Unit.Litre,
        _ => null,
    };

    /// <summary>Weighed and measured goods may be sold in fractions (three decimals: grams, millilitres).</summary>
    public static bool AllowsFractions(this Unit unit) => unit != Unit.Piece;
}
