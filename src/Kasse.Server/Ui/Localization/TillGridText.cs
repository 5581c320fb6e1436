using System.Collections.Frozen;

namespace Kasse.Server.Ui.Localization;

/// <summary>The product grid's words in Danish: favourites, tile colours, product pictures, the phone's cart sheet (English is the key).</summary>
internal static class TillGridText
{
    internal static readonly FrozenDictionary<string, string> Danish = new Dictionary<string, string>
    {
        ["Favourites"] = "Favoritter",
        ["The till's first tab: the products cashiers tap most, in the order you put them."] =
            "Kassens første fane: de varer, ekspedienterne trykker mest på, i den rækkefølge du sætter dem.",
        ["No favourites yet: the till opens on all products."] = "Ingen favoritter endnu: kassen åbner med alle varer.",
        ["No favourites are on sale."] = "Ingen af favoritterne er til salg.",
        ["Move {0} up"] = "Flyt {0} op",
        ["Move {0} down"] = "Flyt {0} ned",
        ["Tile colour"] = "Feltfarve",
        ["Tile colour of {0}"] = "Feltfarve for {0}",
        ["Default colour"] = "Standardfarve",
        ["Picture"] = "Billede",
        ["No picture: the till shows the name only."] = "Intet billede: kassen viser kun navnet.",
        ["PNG, JPEG or WebP, at most 5 MB. The till shows it on the product's tile."] =
            "PNG, JPEG eller WebP, højst 5 MB. Kassen viser det på varens felt.",
        ["Remove picture"] = "Fjern billede",
        ["Another register"] = "En anden kasse",
        ["Show the cart"] = "Vis kurven",
        ["Hide the cart"] = "Skjul kurven",
    }.ToFrozenDictionary();
}
