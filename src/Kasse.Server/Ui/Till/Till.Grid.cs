using Kasse.Application.Catalog;
using Microsoft.AspNetCore.Components;

namespace Kasse.Server.Ui.Till;

/// <summary>The till's Favourites tab: the manager's chosen products, the first tab (and the one the till opens on) when there are any.</summary>
public sealed partial class Till
{
    /// <summary>Set by the language switch (?chosen=1) on the sign-in screen: the next cashier keeps that language.</summary>
    [SupplyParameterFromQuery(Name = "chosen")] public string? Chosen { get; set; }

    private bool? _languageJustChosen;

    private bool LanguageJustChosen
    {
        get => _languageJustChosen ??= Chosen == "1";
        set => _languageJustChosen = value;
    }

    /// <summary>The code of the last unknown scan, which "Look it up" puts in the search field.</summary>
    private string? _lookUpCode;

    private bool _hasFavourites;
    private bool _favouritesOn;

    /// <summary>On a phone: the cart sheet is slid up over the products (folded, it is a bar with the count and total).</summary>
    private bool _cartOpen;

    private async Task OpenOnFavouritesAsync()
    {
        var favourites = await LoadFavouritesAsync();
        _hasFavourites = favourites.Count > 0;
        _favouritesOn = _hasFavourites && _categoryId is null;
    }

    private Task<IReadOnlyList<ProductView>> LoadFavouritesAsync() =>
        Backend.Call<FavouriteService, IReadOnlyList<ProductView>>(f => f.ListAsync(activeOnly: true, CancellationToken.None));

    private async Task ChooseFavouritesAsync()
    {
        _favouritesOn = true;
        _categoryId = null;
        _query = "";
        await LoadProductsAsync();
    }
}
